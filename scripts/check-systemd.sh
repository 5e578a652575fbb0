#!/usr/bin/env bash
# Checks the units in systemd/ as `make install` would install them: `systemd-analyze verify`
# (syntax, and that ExecStart= points at an executable) and `systemd-analyze security
# --offline=true` for each service. Prints each service's exposure score and fails when one is
# above MAX_EXPOSURE (default 2.0; 0 is fully locked down, 10 is unprotected).
set -euo pipefail
MAX_EXPOSURE="${MAX_EXPOSURE:-2.0}"
root="$(cd "$(dirname "$0")/.." && pwd)"
command -v systemd-analyze >/dev/null 2>&1 || { echo "check-systemd: systemd-analyze is not installed (apt-get install systemd)" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# verify wants ExecStart='s binaries to exist: stand-ins in a temporary bin directory.
mkdir -p "$work/bin" "$work/sparkd.service.d"
for binary in sparkd sparkctl; do cp /bin/true "$work/bin/$binary"; done
units=(sparkd.service sparkd-nightly.service sparkd-nightly.timer)
for unit in "${units[@]}"; do
  sed "s|@BINDIR@|$work/bin|g" "$root/systemd/$unit" > "$work/$unit"
done

cd "$work"
status=0
echo "systemd-analyze verify ${units[*]}"
systemd-analyze verify "${units[@]}" || status=1

# The repositories drop-in, uncommented as an administrator would write it, must still verify.
mkdir -p srv/git/app
sed -n 's/^#\(\[Service\]\|ReadWritePaths=\|SupplementaryGroups=\)/\1/p' "$root/systemd/sparkd.service.d/repositories.conf.example" \
  | sed "s|/srv/git/app|-$work/srv/git/app|" > "$work/sparkd.service.d/repositories.conf"
systemd-analyze verify sparkd.service || { echo "check-systemd: sparkd.service with the example drop-in does not verify" >&2; status=1; }

for service in sparkd.service sparkd-nightly.service; do
  line="$(systemd-analyze security --offline=true --no-pager "$service" 2>/dev/null | grep 'Overall exposure level' || true)"
  score="$(sed -n 's/.*: \([0-9][0-9.]*\) .*/\1/p' <<<"$line")"
  if [ -z "$score" ]; then
    echo "check-systemd: no exposure score for $service:" >&2
    systemd-analyze security --offline=true --no-pager "$service" >&2 || true
    status=1; continue
  fi
  printf '%-24s exposure %s (limit %s)\n' "$service" "$score" "$MAX_EXPOSURE"
  if awk -v s="$score" -v m="$MAX_EXPOSURE" 'BEGIN { exit !(s > m) }'; then
    echo "check-systemd: $service is above the limit; what is still exposed:" >&2
    systemd-analyze security --offline=true --no-pager "$service" | grep '✗' >&2 || true
    status=1
  fi
done
exit "$status"
