#!/usr/bin/env -S bash --noprofile
set -euo pipefail
host="${DB_HOST:-localhost}"
until pg_isready -h "$host"; do
  sleep 1
done
