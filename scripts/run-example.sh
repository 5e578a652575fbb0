#!/usr/bin/env bash
# `make run`: sparkd on embedded defaults. Builds an example project (examples/demo) into the
# git-ignored .example/: a bare "server" repository that sparkd watches and a developer's clone.
# Starts `sparkd` (SQLite state and the in-process WSE simulator in .example/state), pushes a
# commit to the watched branch, shows the review branch appearing and `sparkctl jobs`, and
# stops the daemon with SIGTERM.
set -euo pipefail
bin="$1"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$root/.example"
server="$work/server.git" demo="$work/demo" state="$work/state" config="$work/sparkd.yml"
socket="$state/sparkd.sock"
export GIT_AUTHOR_NAME="Example Dev" GIT_AUTHOR_EMAIL="dev@example.com"
export GIT_COMMITTER_NAME="Example Dev" GIT_COMMITTER_EMAIL="dev@example.com"

rm -rf "$work"
mkdir -p "$work"
git init -q --bare -b main "$server"
cp -R "$root/examples/demo/." "$demo/"
git -C "$demo" init -q -b main
git -C "$demo" add -A
git -C "$demo" commit -q -m "Example project with whitespace problems"
git -C "$demo" remote add origin "$server"
git -C "$demo" push -q origin main

cat > "$config" <<YAML
# Embedded defaults for make run: SQLite and the socket in $state, the simulated WSE backend.
state_dir: $state
workers: 2
backend: { kind: wse-sim, profile: codex-spark }
identity: { name: sparkd, email: sparkd@localhost }
repositories:
  - path: $server
    branches: [main]
    recipes:
      - { id: fixup/whitespace, on: [push] }
      - { id: fixup/trailing-whitespace, on: [nightly] }
YAML

echo "== sparkd --config .example/sparkd.yml (log: .example/sparkd.log)"
"$bin/sparkd" --config "$config" 2> "$work/sparkd.log" &
daemon=$!
trap 'kill -9 $daemon 2>/dev/null || true' EXIT
for _ in $(seq 1 500); do [ -S "$socket" ] && break; sleep 0.01; done
"$bin/sparkctl" status --socket "$socket"

wait_for_branch() { # NAME OLD-TIP: wait until the branch exists and differs from OLD-TIP
  for _ in $(seq 1 1000); do
    tip="$(git -C "$server" rev-parse -q --verify "refs/heads/$1" || true)"
    if [ -n "$tip" ] && [ "$tip" != "$2" ]; then echo "$tip"; return 0; fi
    sleep 0.005
  done
  echo "!! no review branch $1 after 5 s; see .example/sparkd.log" >&2
  return 1
}
first="$(wait_for_branch spark/fixup-whitespace "")"
echo
echo "== at start-up, the tip of main became spark/fixup-whitespace ($(git -C "$server" rev-parse --short "$first"))"

echo
echo "== a developer pushes a commit to main"
printf 'func greet() {   \n    print("hi")\t\n}' > "$demo/src/greet.swift"
git -C "$demo" add src/greet.swift
git -C "$demo" commit -q -m "Add greet()"
start="$(date +%s%N)"
git -C "$demo" push -q origin main
second="$(wait_for_branch spark/fixup-whitespace "$first")"
echo "   review branch regenerated on the new base in $(( ($(date +%s%N) - start) / 1000000 )) ms"
echo
echo "== git log --stat -1 spark/fixup-whitespace (in the watched repository)"
git -C "$server" log --stat -1 "$second" | cat
echo
echo "== sparkctl jobs"
"$bin/sparkctl" jobs --socket "$socket"

echo
echo "== SIGTERM: sparkd finishes what runs and stops"
kill -TERM "$daemon"
status=0
wait "$daemon" || status=$?
trap - EXIT
echo "   sparkd exited with status $status"
git -C "$server" fsck --no-progress --no-dangling && echo "   git fsck: clean"
exit "$status"
