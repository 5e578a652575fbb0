#!/usr/bin/env bash
# scripts/fuzz.sh rewrite [SECONDS] — build the libFuzzer harness of the structural matcher
# (Fuzz/RewriteFuzz, AddressSanitizer on) and fuzz it for SECONDS (default 600).
#
# The corpus grows in Fuzz/RewriteFuzz/.build/fuzz/corpus (seeded from Fuzz/RewriteFuzz/Seeds);
# a crashing, leaking or slow (> 10 s) input is written to Fuzz/RewriteFuzz/.build/fuzz/artifacts/
# and the script exits non-zero. Reproduce one with:
#   Fuzz/RewriteFuzz/.build/release/rewrite-fuzz ARTIFACT
# Extra arguments after SECONDS go to libFuzzer (e.g. -jobs=2 -workers=2).
set -euo pipefail

target=${1:-}
seconds=${2:-600}
case "$target" in
rewrite) ;;
*)
    echo "usage: scripts/fuzz.sh rewrite [SECONDS] [libFuzzer flags…]" >&2
    exit 2
    ;;
esac
shift $(($# < 2 ? $# : 2))

root=$(cd "$(dirname "$0")/.." && pwd)
package=$root/Fuzz/RewriteFuzz
flags=(-c release --package-path "$package" -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library)
swift build "${flags[@]}"
binary=$(swift build "${flags[@]}" --show-bin-path)/rewrite-fuzz

work=$package/.build/fuzz
mkdir -p "$work/corpus" "$work/artifacts"
cp -n "$package"/Seeds/* "$work/corpus/"

exec "$binary" "$work/corpus" \
    -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=4096 \
    -dict="$package/rewrite.dict" -artifact_prefix="$work/artifacts/" -print_final_stats=1 "$@"
