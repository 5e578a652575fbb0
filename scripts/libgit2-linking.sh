#!/usr/bin/env bash
# Prints how Package.swift is to link libgit2, for SPARKD_LIBGIT2: `static` when libgit2's static
# archives and those of its dependencies are all installed in one directory (Debian's libgit2-dev
# brings them), else `shared`. An explicit SPARKD_LIBGIT2=static or shared is printed as it is.
#
# Why the Makefile asks this instead of leaving it to Package.swift (`auto`): SwiftPM caches its
# evaluation of Package.swift, and the build plan made from it, keyed on the manifest's text and the
# environment, not on the files the manifest looked at. A build first planned before the archives
# were installed goes on linking the shared libgit2. A choice passed in the environment is part of
# that key, so it is always the one used.
#
# The names and directories are Package.swift's libgit2ArchiveNames and libgit2ArchiveDirectories.
set -euo pipefail

case "${SPARKD_LIBGIT2:-auto}" in
  static | shared) echo "$SPARKD_LIBGIT2"; exit 0 ;;
  auto) ;;
  *) echo "libgit2-linking: SPARKD_LIBGIT2=$SPARKD_LIBGIT2 is not static, shared or auto" >&2; exit 2 ;;
esac

names=(git2 mbedtls mbedx509 mbedcrypto http_parser ssh2 crypto pcre2-8 z)
directories=(/usr/lib/x86_64-linux-gnu /usr/lib/aarch64-linux-gnu /usr/lib64 /usr/lib)
for directory in "${directories[@]}"; do
  missing=0
  for name in "${names[@]}"; do
    [ -e "$directory/lib$name.a" ] || { missing=1; break; }
  done
  if [ "$missing" = 0 ]; then echo static; exit 0; fi
done
echo shared
