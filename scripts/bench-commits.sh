#!/usr/bin/env bash
# Compares commits on the browser benchmark, to find where a figure moved: builds each commit
# (in its own worktree, sharing one target directory) and runs today's benchmark on every build
# in turn, ROUNDS times (default 3), so the machine's drift falls on all of them alike. Prints
# first rows and keystroke figures at 100k (mock store; no Exclude/Include, which older builds
# offer differently), each against the floor page measured in the same run.
#
#   ./scripts/bench-commits.sh [--rounds N] COMMIT...      e.g. 8428f48 866abef HEAD
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=3
if [ "${1:-}" = --rounds ]; then
  rounds=$2
  shift 2
fi
[ $# -gt 0 ] || { echo "usage: $0 [--rounds N] COMMIT..." >&2; exit 2; }
./scripts/setup.sh >/dev/null
source scripts/env.sh
work=target/bench-commits
mkdir -p "$work"
builds=()
for commit in "$@"; do
  id=$(git rev-parse --short "$commit")
  if [ ! -f "$work/dist-$id/index.html" ]; then
    echo "== building $id"
    rm -rf "$work/tree-$id"
    git worktree add --force --detach "$work/tree-$id" "$id" >/dev/null
    ln -sfn "$PWD/node_modules" "$work/tree-$id/node_modules"
    (cd "$work/tree-$id" && CARGO_TARGET_DIR="$PWD/../target" trunk build --release --offline \
      --dist "$PWD/../dist-$id" >"$PWD/../build-$id.log" 2>&1) \
      || { tail -n 20 "$work/build-$id.log"; exit 1; }
    git worktree remove --force "$work/tree-$id"
  fi
  builds+=("$id")
done
for round in $(seq "$rounds"); do
  for id in "${builds[@]}"; do
    echo "== round $round of $rounds: $id $(git log --format=%s -1 "$id" | cut -c1-60)"
    node tests/bench/run.mjs --dist "$work/dist-$id" --sizes 100000 --keystrokes 30 --actions 0 \
      --no-http | sed -n '/100,000 items/,$p' | sed -n 3,6p
  done
done
