#!/usr/bin/env bash
# The browser half of the test run (scripts/test.sh starts it beside the native half): lints of
# the wasm32 builds, the app's unit tests and browser component tests, and the release builds the
# end-to-end tests serve (dist/ and dist-lean/), with their size budgets. Expects
# scripts/setup.sh to have run.
#
# It builds in its own target directory (target/wasm-lane): Cargo locks a target directory while
# it builds (a wasm build locks the host folder too, for build scripts and proc macros), so the
# two halves could not otherwise build at once.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
source scripts/steps.sh
trap 'steps_report $?' EXIT
export CARGO_TARGET_DIR="$PWD/target/wasm-lane"

step "cargo clippy (wasm32: the default build and the lean build)"
cargo clippy -p sync-overview --all-targets --target wasm32-unknown-unknown -- -D warnings
cargo clippy -p sync-overview --lib --bins --target wasm32-unknown-unknown --no-default-features -- -D warnings

step "the app's unit tests (wasm-bindgen-test, in Node) and component tests (headless Chromium)"
cargo test -p sync-overview --target wasm32-unknown-unknown --lib --test components --test sync_status

step "release builds (Trunk): the default build, and the lean portal build (HTTP only)"
trunk build --release --offline
trunk build --release --offline --no-default-features --dist dist-lean
node tests/size.mjs
