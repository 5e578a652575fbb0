#!/usr/local/bin/bash
# shellcheck disable=SC2086
set -x
npm publish $NPM_FLAGS
