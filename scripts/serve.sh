#!/usr/bin/env bash
# Sets up the toolchain, then builds and serves Sync Overview on the in-browser mock store at
# http://127.0.0.1:8080/ (rebuilding on change). Pass another port with PORT=…
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
source scripts/env.sh
echo
echo "Sync Overview on the mock store: http://127.0.0.1:${PORT:-8080}/"
exec trunk serve --release --offline --port "${PORT:-8080}"
