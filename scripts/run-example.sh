#!/usr/bin/env bash
# `make run`: builds an example repository from examples/demo (in the git-ignored .example/),
# leaves a staged and an unstaged edit in it, runs the fixup recipes with `sparkctl apply`, and
# shows the review branch — and that the checkout was not touched.
set -euo pipefail
sparkctl="$1"
root="$(cd "$(dirname "$0")/.." && pwd)"
demo="$root/.example/demo"
export GIT_AUTHOR_NAME="Example Dev" GIT_AUTHOR_EMAIL="dev@example.com"
export GIT_COMMITTER_NAME="Example Dev" GIT_COMMITTER_EMAIL="dev@example.com"
export GIT_AUTHOR_DATE="2026-01-01T12:00:00Z" GIT_COMMITTER_DATE="2026-01-01T12:00:00Z"

rm -rf "$demo"
mkdir -p "$demo"
cp -R "$root/examples/demo/." "$demo/"
git -C "$demo" init -q -b main
git -C "$demo" add -A
git -C "$demo" commit -q -m "Example project with whitespace problems"
# Work in progress the review branch must not disturb.
printf 'staged note   \n' >> "$demo/README.md"
git -C "$demo" add README.md
printf 'unstaged note\t\n' >> "$demo/src/main.swift"
before="$(git -C "$demo" status --porcelain=v1; git -C "$demo" rev-parse HEAD; sha1sum "$demo/.git/index")"

echo "== sparkctl apply (example repository: .example/demo)"
env -u GIT_AUTHOR_NAME -u GIT_AUTHOR_EMAIL -u GIT_COMMITTER_NAME -u GIT_COMMITTER_EMAIL "$sparkctl" apply --repo "$demo" \
  --recipe fixup/trailing-whitespace --recipe fixup/end-of-file --recipe fixup/mixed-line-ending
branch="$(git -C "$demo" for-each-ref --format='%(refname:short)' refs/heads/spark/)"
echo
echo "== git log --stat $branch"
git -C "$demo" log --stat -1 "$branch" | cat
after="$(git -C "$demo" status --porcelain=v1; git -C "$demo" rev-parse HEAD; sha1sum "$demo/.git/index")"
echo
if [ "$before" = "$after" ]; then
  echo "== checkout untouched: HEAD, index and working tree (staged and unstaged edits) are as they were"
else
  echo "!! the checkout changed" >&2
  exit 1
fi
