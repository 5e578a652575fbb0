#!/usr/bin/env bash
# scripts/fuzz-loader.sh [SECONDS] [libFuzzer flags…] — kept for old instructions; the same as
# `scripts/fuzz.sh loader [SECONDS] …`.
exec "$(dirname "$0")/fuzz.sh" loader "$@"
