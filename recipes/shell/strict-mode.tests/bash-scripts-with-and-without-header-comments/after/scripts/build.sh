#!/usr/bin/env bash
# Builds the release tarball.
# Usage: scripts/build.sh VERSION
set -euo pipefail

version="$1"
out="dist/app-${version}.tar.gz"
mkdir -p dist
tar -czf "$out" --exclude .git .
echo "wrote $out"
