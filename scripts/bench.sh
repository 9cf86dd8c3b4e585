#!/usr/bin/env bash
# The benchmarks: a release build measured in headless Chromium at 10k and 100k items (sizes,
# first rows, keystroke and action latency, memory), then sync-core at 1M items (criterion).
# Pass arguments to the browser part, e.g. --sizes 10000 --keystrokes 10.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh >/dev/null
source scripts/env.sh
trunk build --release --offline
node tests/bench/run.mjs "$@"
cargo bench -p sync-core
