#!/usr/bin/env bash
# The fixers are tested byte for byte against the real pre-commit-hooks 6.0.0 (from PyPI).
set -euo pipefail
if python3 -c 'import importlib.metadata as m, sys; sys.exit(m.version("pre-commit-hooks") != "6.0.0")' 2>/dev/null; then
  exit 0
fi
python3 -m pip install -q --disable-pip-version-check 'pre-commit-hooks==6.0.0'
