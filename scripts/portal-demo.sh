#!/usr/bin/env bash
# The demo host page: builds the app, starts the reference server (SQLite, port 8787) and serves a
# mock portal embedding the module, on the demo data at http://127.0.0.1:8090/ and against the
# server at http://127.0.0.1:8090/?backend=http. Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/build.sh
cargo build --profile server -p sync-server
PORT="${PORT:-8090}"
target/server/sync-server --listen 127.0.0.1:8787 --database "sqlite:${TMPDIR:-/tmp}/sync-overview-portal-demo.db" --demo \
  --cors-origin "http://127.0.0.1:$PORT" &
server=$!
trap 'kill $server 2>/dev/null' EXIT
node examples/portal-host/serve.mjs "$PORT" http://127.0.0.1:8787
