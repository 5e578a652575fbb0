#!/usr/bin/env bash
# Installs the system packages sparkd builds against, only when they are missing.
set -euo pipefail
need=()
command -v git >/dev/null 2>&1 || need+=(git)
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
# JobQueueTests edit a job database with the sqlite3 command line, as an operator would.
command -v sqlite3 >/dev/null 2>&1 || need+=(sqlite3)
if command -v pkg-config >/dev/null 2>&1; then
  pkg-config --exists libgit2 || need+=(libgit2-dev)
  pkg-config --exists sqlite3 || need+=(libsqlite3-dev)
else
  need+=(libgit2-dev libsqlite3-dev)
fi
[ ${#need[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "installing: ${need[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
