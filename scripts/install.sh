#!/usr/bin/env bash
# `make install`: builds sparkd, sparkctl and sparkd-hook (what the pre-commit hook runs) in release mode and installs them with their systemd
# units and an example configuration.
#
#   PREFIX      /usr/local   binaries in $PREFIX/bin; ExecStart= of the units points there
#   DESTDIR     (empty)      staging root prepended to every path written (for packaging)
#   SYSTEMDDIR  $PREFIX/lib/systemd/system
#   SYSUSERSDIR $PREFIX/lib/sysusers.d
#   STATIC_STDLIB yes        link sparkctl's Swift runtime and Foundation statically (-static-stdlib), so
#                            it needs no Swift toolchain on the host; "no" to link it dynamically
#                            (then the toolchain's lib/swift/linux must be on the host). sparkd and
#                            sparkd-hook are always linked statically (Package.swift says why).
#
# /etc/sparkd/sparkd.yml is written only when it does not exist: an administrator's
# configuration is never overwritten.
set -euo pipefail
SWIFT="${SWIFT:-swift}"
PREFIX="${PREFIX:-/usr/local}"
DESTDIR="${DESTDIR:-}"
SYSTEMDDIR="${SYSTEMDDIR:-$PREFIX/lib/systemd/system}"
SYSUSERSDIR="${SYSUSERSDIR:-$PREFIX/lib/sysusers.d}"
STATIC_STDLIB="${STATIC_STDLIB:-yes}"
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
# How libgit2 is linked, explicitly (the Makefile's SPARKD_LIBGIT2 says why): static when its archives are installed.
export SPARKD_LIBGIT2="${SPARKD_LIBGIT2:-$(scripts/libgit2-linking.sh)}"

case "$PREFIX" in /*) ;; *) echo "install: PREFIX must be an absolute path, not '$PREFIX'" >&2; exit 2 ;; esac

flags=(-c release)
[ "$STATIC_STDLIB" = yes ] && flags+=(-Xswiftc -static-stdlib)
for product in sparkd sparkctl sparkd-hook; do
  echo "swift build ${flags[*]} --product $product"
  "$SWIFT" build "${flags[@]}" --product "$product"
done
bin="$("$SWIFT" build "${flags[@]}" --show-bin-path)"
scripts/check-hook-linking.sh "$bin"

bindir="$PREFIX/bin"
install -d "$DESTDIR$bindir" "$DESTDIR$SYSTEMDDIR" "$DESTDIR$SYSUSERSDIR" "$DESTDIR$PREFIX/share/doc/sparkd" "$DESTDIR/etc/sparkd"
# sparkd-hook beside sparkctl: `sparkctl hook install` links the pre-commit hook to it there.
install -m 0755 "$bin/sparkd" "$bin/sparkctl" "$bin/sparkd-hook" "$DESTDIR$bindir/"

# The units name the binaries where they are installed (without DESTDIR: that is where they run).
for unit in sparkd.service sparkd-nightly.service sparkd-nightly.timer; do
  sed "s|@BINDIR@|$bindir|g" "systemd/$unit" > "$DESTDIR$SYSTEMDDIR/$unit.tmp"
  chmod 0644 "$DESTDIR$SYSTEMDDIR/$unit.tmp"
  mv "$DESTDIR$SYSTEMDDIR/$unit.tmp" "$DESTDIR$SYSTEMDDIR/$unit"
done
# The built-in recipes, where the binaries look for them (<bin>/../share/sparkd/recipes); their
# fixtures (*.tests) stay in the source tree.
rm -rf "$DESTDIR$PREFIX/share/sparkd/recipes"
install -d "$DESTDIR$PREFIX/share/sparkd/recipes"
tar -C recipes --exclude='*.tests' -cf - . | tar -C "$DESTDIR$PREFIX/share/sparkd/recipes" -xf -
install -m 0644 systemd/sparkd.sysusers "$DESTDIR$SYSUSERSDIR/sparkd.conf"
install -m 0644 systemd/sparkd.yml.example systemd/sparkd.service.d/repositories.conf.example Documentation/Install.md \
  "$DESTDIR$PREFIX/share/doc/sparkd/"

config="$DESTDIR/etc/sparkd/sparkd.yml"
if [ -e "$config" ]; then
  echo "kept $config (the example is in $PREFIX/share/doc/sparkd/sparkd.yml.example)"
else
  install -m 0644 systemd/sparkd.yml.example "$config"
fi

echo "installed sparkd and sparkctl in $DESTDIR$bindir, recipes in $DESTDIR$PREFIX/share/sparkd/recipes, units in $DESTDIR$SYSTEMDDIR"
echo "next: Documentation/Install.md (user, configuration, ReadWritePaths= drop-in, systemctl enable)"
