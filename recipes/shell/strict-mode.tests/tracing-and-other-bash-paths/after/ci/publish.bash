#!/usr/local/bin/bash
# shellcheck disable=SC2086
set -euo pipefail
set -x
npm publish $NPM_FLAGS
