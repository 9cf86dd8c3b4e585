#!/usr/bin/env bash
# Builds the app for static hosting: index.html (the standalone page), embed.js (the module entry a
# portal page imports) and their hashed files. Every URL in the build is relative, so the output
# works from any folder of any static server, e.g. copied to /tools/sync-overview/.
#
#   ./scripts/build.sh [--lean] [public path]
#
# --lean: the portal build, HTTP backend only (no mock store, no demo data), into dist-lean/;
#         otherwise the default build, mock store included, into dist/.
# public path: write absolute URLs for that path instead, e.g. /tools/sync-overview/
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh >/dev/null
source scripts/env.sh
args=(--release --offline)
dist=dist
if [ "${1:-}" = --lean ]; then
  args+=(--no-default-features --dist dist-lean)
  dist=dist-lean
  shift
fi
if [ $# -gt 0 ]; then
  args+=(--public-url "$1")
fi
trunk build "${args[@]}"
echo
echo "Built into $dist/: copy its files to a folder of a static host (${1:-any path})."
