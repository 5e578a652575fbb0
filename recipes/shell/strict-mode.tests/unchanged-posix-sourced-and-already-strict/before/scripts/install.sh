#!/bin/sh
# POSIX sh: pipefail is not available everywhere.
set -eu
cp app /usr/local/bin/app
