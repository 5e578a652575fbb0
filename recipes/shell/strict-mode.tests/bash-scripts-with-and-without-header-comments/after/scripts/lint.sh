#!/usr/bin/env bash
set -euo pipefail

# Runs every linter; "set -e" would stop at the first failure, so we collect.
status=0
shellcheck scripts/*.sh || status=1
exit "$status"
