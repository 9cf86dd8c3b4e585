#!/usr/bin/env bash
# Sets up the toolchain, then runs every check and test: format, lints, sync-core's unit and
# property tests, the app's unit tests, the reference server's API tests (on SQLite and on a
# throwaway local PostgreSQL), the browser component tests (wasm-bindgen-test in headless
# Chromium) and the end-to-end tests (Playwright driving Chromium on the release build).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
source scripts/env.sh

step() { printf '\n== %s\n' "$*"; }

step "cargo fmt"
cargo fmt --all -- --check

step "cargo clippy (native and wasm32)"
cargo clippy --workspace --all-targets -- -D warnings
cargo clippy -p sync-overview --all-targets --target wasm32-unknown-unknown -- -D warnings
cargo clippy -p sync-overview --lib --bins --target wasm32-unknown-unknown --no-default-features -- -D warnings

step "PostgreSQL for the server's tests (127.0.0.1:5433)"
SYNC_SERVER_TEST_POSTGRES="$(./scripts/postgres.sh)"
export SYNC_SERVER_TEST_POSTGRES
trap './scripts/postgres.sh stop' EXIT
echo "$SYNC_SERVER_TEST_POSTGRES"

step "native tests (sync-core, app units, server API on SQLite and PostgreSQL)"
cargo test --workspace

step "API contract: sync-server against docs/openapi.yaml (schemathesis)"
cargo build -p sync-server
./scripts/contract.sh

step "browser component tests (wasm-bindgen-test, headless Chromium)"
cargo test -p sync-overview --target wasm32-unknown-unknown --test components --test sync_status

step "release builds (Trunk): the default build, and the lean portal build (HTTP only)"
trunk build --release --offline
trunk build --release --offline --no-default-features --dist dist-lean
node tests/size.mjs

step "end-to-end tests on the mock store (Playwright + Chromium)"
node --test --test-concurrency=2 tests/e2e/

step "end-to-end tests on the mock store at 100,000 items (each test starts on that client)"
E2E_DEMO=100000 node --test --test-concurrency=2 tests/e2e/

step "end-to-end tests on the HTTP backend against sync-server + SQLite"
E2E_BACKEND=http node --test --test-concurrency=2 tests/e2e/

step "benchmark smoke (10k items; the full run is scripts/bench.sh)"
node tests/bench/run.mjs --sizes 10000 --keystrokes 6 --actions 2
