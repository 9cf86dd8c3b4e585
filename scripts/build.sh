#!/usr/bin/env bash
# Builds the app for static hosting into dist/: index.html (the standalone page), embed.js (the
# module entry a portal page imports) and their hashed files. Every URL in the build is relative,
# so dist/ works from any folder of any static server, e.g. copied to /tools/sync-overview/.
# Optionally pass the public path to write absolute URLs instead: ./scripts/build.sh /tools/sync-overview/
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh >/dev/null
source scripts/env.sh
if [ $# -gt 0 ]; then
  trunk build --release --offline --public-url "$1"
else
  trunk build --release --offline
fi
echo
echo "Built into dist/: copy its files to a folder of a static host (${1:-any path})."
