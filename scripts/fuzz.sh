#!/usr/bin/env bash
# scripts/fuzz.sh rewrite|loader [SECONDS] [libFuzzer flags…] — build a libFuzzer harness
# (AddressSanitizer on) and fuzz it for SECONDS (default 600).
#
#   rewrite  Fuzz/RewriteFuzz: the structural matcher (one rule and one file per input). It
#            compiles the matcher's own sources through symlinks into Sources/Recipes.
#   loader   Fuzz/LoaderFuzz: the recipe loader (one recipe file per input; one that loads
#            is prepared, planned and applied to a small in-memory repository). It depends on
#            the main package's `SparkRecipes` library product; while Package.swift does not
#            declare it, the build uses a staged copy of the package (under
#            Fuzz/LoaderFuzz/.build/sparkd) with the product line added. Nothing in the
#            working tree is changed.
#
# The corpus grows in Fuzz/<Harness>/.build/fuzz/corpus, seeded from Fuzz/<Harness>/Seeds (the
# loader's also from Tests/RecipesTests/BrokenRecipes and the catalog in recipes/). A crashing,
# leaking or slow (> 10 s) input is written to Fuzz/<Harness>/.build/fuzz/artifacts/ and the
# script exits non-zero. Reproduce one with:
#   Fuzz/RewriteFuzz/.build/release/rewrite-fuzz ARTIFACT
#   Fuzz/LoaderFuzz/.build/release/loader-fuzz ARTIFACT
# Extra arguments go to libFuzzer (e.g. -jobs=2 -workers=2, -runs=0 to replay the corpus).
set -euo pipefail

usage() {
    echo "usage: scripts/fuzz.sh rewrite|loader [SECONDS] [libFuzzer flags…]" >&2
    exit 2
}

target=${1:-}
seconds=${2:-600}
case "$seconds" in '' | *[!0-9]*) usage ;; esac
shift $(($# < 2 ? $# : 2))

root=$(cd "$(dirname "$0")/.." && pwd)
flags=(-c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library)

case "$target" in
rewrite)
    package=$root/Fuzz/RewriteFuzz
    binary_name=rewrite-fuzz
    dict=$package/rewrite.dict
    ;;
loader)
    package=$root/Fuzz/LoaderFuzz
    binary_name=loader-fuzz
    dict=$package/loader.dict
    flags+=(-Xswiftc -enable-testing)
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
        sed "s|^\( *\)\(\.executable(name: \"sparkctl\".*\)$|\1\2\n\1$product|" "$root/Package.swift" \
            >"$sparkd/Package.swift.new"
        grep -q 'name: "SparkRecipes"' "$sparkd/Package.swift.new" || {
            echo "fuzz.sh: could not add the SparkRecipes product to a copy of Package.swift" >&2
            exit 1
        }
        if ! cmp -s "$sparkd/Package.swift.new" "$sparkd/Package.swift"; then
            mv "$sparkd/Package.swift.new" "$sparkd/Package.swift"
        else
            rm "$sparkd/Package.swift.new"
        fi
    fi
    export SPARKD_PACKAGE_PATH=$sparkd
    # Foundation's regex cache looks leaked to LeakSanitizer; see the file.
    export LSAN_OPTIONS=suppressions=$package/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}
    ;;
*) usage ;;
esac

flags+=(--package-path "$package")
swift build "${flags[@]}"
binary=$(swift build "${flags[@]}" --show-bin-path)/$binary_name

work=$package/.build/fuzz
mkdir -p "$work/corpus" "$work/artifacts"
cp -n "$package"/Seeds/* "$work/corpus/" 2>/dev/null || true
if [ "$target" = loader ]; then
    # Every broken and every shipped recipe, named by its path (a/b.yml → broken-a-b.yml).
    for dir in Tests/RecipesTests/BrokenRecipes recipes; do
        (cd "$root" && find "$dir" -name '*.yml' -not -path '*.tests/*') | while read -r file; do
            name=$(basename "$dir")-$(echo "${file#"$dir"/}" | tr / -)
            cp -n "$root/$file" "$work/corpus/$name"
        done
    done
fi

exec "$binary" "$work/corpus" \
    -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=4096 \
    -dict="$dict" -artifact_prefix="$work/artifacts/" -print_final_stats=1 "$@"
