#!/usr/bin/env bash
# For parallel work in git worktrees: merge main into the current branch, then fast-forward main to it.
# Usage (from a worktree whose branch is not main): bash scripts/land.sh
set -euo pipefail
branch=$(git rev-parse --abbrev-ref HEAD)
[ "$branch" != "main" ] || { echo "land: run this from a worktree branch, not main" >&2; exit 2; }
main_dir=$(git worktree list --porcelain | awk '/^worktree /{w=$2} /^branch refs\/heads\/main$/{print w}')
[ -n "$main_dir" ] || { echo "land: no worktree has main checked out" >&2; exit 2; }
exec 9>"$(git rev-parse --git-common-dir)/land.lock"
flock 9
git merge --no-edit main
git -C "$main_dir" merge --ff-only "$branch"
echo "land: main is now $(git rev-parse --short HEAD)"
