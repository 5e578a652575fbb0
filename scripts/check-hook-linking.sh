#!/usr/bin/env bash
# `scripts/check-hook-linking.sh BINDIR`: checks that BINDIR/sparkd-hook is linked as libgit2 is to
# be linked (scripts/libgit2-linking.sh): one static executable whenever libgit2's archives are
# installed, dynamically linked otherwise. The Makefile runs it after every build of sparkd-hook.
# Exits 1, saying why and what to do, when the hook is not what it should be.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
hook="${1:?usage: check-hook-linking.sh BINDIR}/sparkd-hook"
[ -x "$hook" ] || { echo "check-hook-linking: there is no $hook to check" >&2; exit 1; }

expected="$("$root/scripts/libgit2-linking.sh")"
# `file` names the linking; without it (a minimal image), ldd says a static binary is not dynamic.
if command -v file >/dev/null 2>&1; then
  description="$(file -bL "$hook")"
else
  description="$(ldd "$hook" 2>&1 || true)"
  case "$description" in *"not a dynamic executable"*) description="statically linked" ;; *) description="dynamically linked" ;; esac
fi
case "$description" in
  *"statically linked"*) linked=static ;;
  *"dynamically linked"*) linked=shared ;;
  *) echo "check-hook-linking: cannot tell how $hook is linked (file says: $description)" >&2; exit 1 ;;
esac

if [ "$linked" = "$expected" ]; then
  echo "check-hook-linking: $hook is $([ "$linked" = static ] && echo "one static executable" || echo "dynamically linked (libgit2's static archives are not installed)")"
  exit 0
fi
if [ "$expected" = static ]; then
  cat >&2 <<EOF
check-hook-linking: $hook is dynamically linked, though libgit2's static archives are installed
  (SPARKD_LIBGIT2=${SPARKD_LIBGIT2:-auto}). Every commit waits for the hook, and dynamically linked
  it takes nearly four times as long (10 ms a run against 2.7). SwiftPM planned this build from an
  evaluation of Package.swift made before the archives were there: it caches that evaluation keyed
  on the manifest and the environment, not on the files the manifest looked at.
  Fix: build with the choice in the environment, which is part of that key:
    SPARKD_LIBGIT2=static swift build ...        (make build, make test and make install do this)
EOF
else
  reason="SPARKD_LIBGIT2=shared"
  [ "${SPARKD_LIBGIT2:-auto}" = shared ] || reason="libgit2's static archives are not all installed"
  cat >&2 <<EOF
check-hook-linking: $hook is a static executable, but libgit2 is to be linked as a shared library
  ($reason). It was built with another choice, or planned from an evaluation of Package.swift
  made when the archives were installed.
  Fix: build with the choice in the environment: SPARKD_LIBGIT2=shared swift build ...
EOF
fi
exit 1
