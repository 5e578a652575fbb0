#!/usr/bin/env -S bash --noprofile
host="${DB_HOST:-localhost}"
until pg_isready -h "$host"; do
  sleep 1
done
