#!/usr/bin/env bash
# Sets up the toolchain, then runs every check and test: format, lints, sync-core's unit and
# property tests, the reference server's API tests (on SQLite and on a throwaway local
# PostgreSQL), the API contract check, the app's unit tests and browser component tests
# (wasm-bindgen-test, in Node and headless Chromium), the end-to-end tests (Playwright driving
# Chromium on the release build), a smoke suite in Chromium, Firefox ESR and WebKit, and a
# benchmark smoke.
# Ends with a table of each step's wall time.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/steps.sh
wasm_lane=""
finish() {
  local status=$?
  # A failure in the native half leaves the browser half running: stop it and its children.
  [ -z "$wasm_lane" ] || kill -- "-$wasm_lane" 2>/dev/null || true
  ./scripts/postgres.sh stop || true
  steps_report "$status"
}
trap finish EXIT

step "set-up (toolchain, browser, packages; skips what is installed)"
./scripts/setup.sh
source scripts/env.sh
# Set-up fetched every crate: from here on Cargo never touches the network or the package cache's
# download lock.
export CARGO_NET_OFFLINE=true

step "cargo fmt"
cargo fmt --all -- --check

# The browser half (wasm lints, component tests, release builds) runs beside the native half:
# each has stretches that leave a core idle (a link, LTO, a test waiting on a database or a
# browser), which the other fills.
wasm_log=target/test-wasm.log
mkdir -p target
step "browser half started beside the native half (log: $wasm_log)"
setsid ./scripts/test-wasm.sh >"$wasm_log" 2>&1 &
wasm_lane=$!

# The app is linted, unit-tested and built for wasm32 only, in the browser half: a native build of
# it (Leptos, web-sys) cost the native half about three minutes and tested nothing the browser
# half does not.
step "cargo clippy (native: sync-core and sync-server)"
cargo clippy --workspace --exclude sync-overview --all-targets -- -D warnings

step "PostgreSQL for the server's tests (127.0.0.1:5433)"
SYNC_SERVER_TEST_POSTGRES="$(./scripts/postgres.sh)"
export SYNC_SERVER_TEST_POSTGRES
echo "$SYNC_SERVER_TEST_POSTGRES"

step "native tests (sync-core, server API on SQLite and PostgreSQL)"
cargo test --workspace --exclude sync-overview

step "API contract: sync-server against docs/openapi.yaml (schemathesis)"
# The binary the tests above built (features unified across the workspace, as there); with
# `-p sync-server` Cargo would build it again with other features, and a second copy of 40 crates.
cargo build --workspace --exclude sync-overview --bin sync-server
./scripts/contract.sh

step "browser half: waiting for it to finish (wasm lints, component tests, release builds)"
wasm_status=0
wait "$wasm_lane" || wasm_status=$?
wasm_lane=""
cat "$wasm_log"
[ "$wasm_status" -eq 0 ] || { echo "the browser half failed (exit $wasm_status): see above" >&2; exit "$wasm_status"; }

step "embed.d.ts: the host example type-checks, and its mistakes are caught (tsc --noEmit)"
npx --no-install tsc -p tests/types

step "the configuration check embed.js runs before the app loads (node:test)"
node --test tests/unit/

step "end-to-end tests on the mock store (Playwright + Chromium)"
node --test --test-concurrency=2 tests/e2e/

step "smoke suite in every engine: Chromium, Firefox ESR and WebKitGTK (screenshots: target/screenshots/engines/)"
node --test tests/engines/

step "end-to-end tests on the HTTP backend against sync-server + SQLite"
E2E_BACKEND=http node --test --test-concurrency=2 tests/e2e/

step "end-to-end tests on the mock store at 100,000 items (each test starts on that client)"
E2E_DEMO=100000 node --test --test-concurrency=2 tests/e2e/

step "benchmark smoke (10k items; the full run is scripts/bench.sh)"
node tests/bench/run.mjs --sizes 10000 --keystrokes 6 --actions 2
