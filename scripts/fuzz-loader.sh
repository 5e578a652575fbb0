#!/usr/bin/env bash
# scripts/fuzz-loader.sh [SECONDS] [libFuzzer flags…] — build the libFuzzer harness of the recipe
# loader (Fuzz/LoaderFuzz, AddressSanitizer on) and fuzz it for SECONDS (default 600).
#
# Every input is one recipe file: it is loaded, and when it loads, prepared with its defaults,
# planned over a small in-memory repository and applied to each file. The corpus grows in
# Fuzz/LoaderFuzz/.build/fuzz/corpus (seeded from Fuzz/LoaderFuzz/Seeds and the broken-recipe
# corpus); a crashing, leaking or slow (> 10 s) input is written to
# Fuzz/LoaderFuzz/.build/fuzz/artifacts/ and the script exits non-zero. Reproduce one with:
#   Fuzz/LoaderFuzz/.build/release/loader-fuzz ARTIFACT
#
# The harness uses the main package's `SparkRecipes` library product. While Package.swift does
# not declare it, the script builds against a staged copy of the package (under
# Fuzz/LoaderFuzz/.build/sparkd) whose Package.swift has the product line added; nothing in the
# working tree is changed.
set -euo pipefail

seconds=${1:-600}
case "$seconds" in
'' | *[!0-9]*)
    echo "usage: scripts/fuzz-loader.sh [SECONDS] [libFuzzer flags…]" >&2
    exit 2
    ;;
esac
shift $(($# < 1 ? $# : 1))

root=$(cd "$(dirname "$0")/.." && pwd)
package=$root/Fuzz/LoaderFuzz
work=$package/.build/fuzz
product='.library(name: "SparkRecipes", targets: ["Recipes"]),'

if grep -q 'name: "SparkRecipes"' "$root/Package.swift"; then
    sparkd=$root
else
    sparkd=$package/.build/sparkd
    mkdir -p "$sparkd"
    # A copy, not links: the build sees the sources as they were when the script started
    # (tar keeps modification times, so unchanged files are not rebuilt).
    rm -rf "$sparkd/Sources" "$sparkd/Tests"
    tar -C "$root" -cf - Sources Tests | tar -C "$sparkd" -xf -
    sed "s|^\( *\)\(\.executable(name: \"sparkctl\".*\)$|\1\2\n\1$product|" "$root/Package.swift" >"$sparkd/Package.swift.new"
    grep -q 'name: "SparkRecipes"' "$sparkd/Package.swift.new" || {
        echo "fuzz-loader.sh: could not add the SparkRecipes product to a copy of Package.swift" >&2
        exit 1
    }
    if ! cmp -s "$sparkd/Package.swift.new" "$sparkd/Package.swift"; then
        mv "$sparkd/Package.swift.new" "$sparkd/Package.swift"
    else
        rm "$sparkd/Package.swift.new"
    fi
fi

flags=(-c release --package-path "$package"
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -enable-testing)
export SPARKD_PACKAGE_PATH=$sparkd
swift build "${flags[@]}"
binary=$(swift build "${flags[@]}" --show-bin-path)/loader-fuzz

mkdir -p "$work/corpus" "$work/artifacts"
cp -n "$package"/Seeds/* "$work/corpus/" 2>/dev/null || true
for file in "$root"/Tests/RecipesTests/BrokenRecipes/*.yml; do
    [ -e "$file" ] && cp -n "$file" "$work/corpus/broken-$(basename "$file")"
done

exec "$binary" "$work/corpus" \
    -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=4096 \
    -dict="$package/loader.dict" -artifact_prefix="$work/artifacts/" -print_final_stats=1 "$@"
