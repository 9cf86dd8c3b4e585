#!/usr/bin/env bash
# Runs the timing-sensitive suites N times (default 5) while two busy loops keep both cores at
# 100%, and prints how often each test passed and failed. Every test must pass every time.
#
#   ./scripts/stress-tests.sh [N]
#
# The suites: the server's process, edge and replica tests (SQLite and a throwaway PostgreSQL), the
# end-to-end tabs, faults, undo and embed tests on the mock store and on the HTTP backend, and the
# smoke suite in each engine (Chromium, Firefox ESR, WebKit).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-5}"
./scripts/setup.sh >/dev/null
source scripts/env.sh

echo "== building what the suites run (the release bundle, sync-server, the server's tests)"
# The same target directories and features as scripts/test.sh, so nothing is built twice.
CARGO_TARGET_DIR="$PWD/target/wasm-lane" trunk build --release --offline >/dev/null
cargo build --workspace --exclude sync-overview --bin sync-server --quiet
cargo test --workspace --exclude sync-overview --test process --test replicas --test edges --no-run --quiet

SYNC_SERVER_TEST_POSTGRES="$(./scripts/postgres.sh)"
export SYNC_SERVER_TEST_POSTGRES

results="$(mktemp)"
logs="$(mktemp -d)"
busy=()
stop() {
  for pid in "${busy[@]}"; do kill "$pid" 2>/dev/null || true; done
  ./scripts/postgres.sh stop
}
trap stop EXIT
for _ in 1 2; do
  (while :; do :; done) &
  busy+=($!)
done
echo "== two busy loops running (pids ${busy[*]}); logs in $logs"

# Appends "suite<TAB>test<TAB>ok|FAILED" for each test a run reports.
record_cargo() { # suite log
  sed -n 's/^test \(.*\) \.\.\. \(ok\|FAILED\|ignored\)$/\1\t\2/p' "$2" | sed "s/^/$1\t/" >>"$results"
}
record_node() { # suite log (TAP: "ok 1 - name" / "not ok 1 - name", subtests indented)
  sed -n 's/^ *\(not ok\|ok\) [0-9]* - \(.*\)$/\1\t\2/p' "$2" \
    | grep -v '# SKIP' \
    | awk -F'\t' -v suite="$1" '{ print suite "\t" $2 "\t" ($1 == "ok" ? "ok" : "FAILED") }' >>"$results"
}

for round in $(seq "$rounds"); do
  echo "== round $round of $rounds"
  log="$logs/server-$round.log"
  cargo test --workspace --exclude sync-overview --test process --test replicas --test edges -- --test-threads 2 >"$log" 2>&1 || true
  record_cargo server "$log"
  for backend in mock http; do
    log="$logs/e2e-$backend-$round.log"
    E2E_BACKEND=$backend node --test --test-concurrency=2 --test-reporter=tap \
      tests/e2e/tabs.test.mjs tests/e2e/faults.test.mjs tests/e2e/undo.test.mjs tests/e2e/embed.test.mjs \
      >"$log" 2>&1 || true
    record_node "e2e $backend" "$log"
  done
  for engine in chromium firefox webkit; do
    log="$logs/engines-$engine-$round.log"
    ENGINES=$engine node --test --test-reporter=tap tests/engines/ >"$log" 2>&1 || true
    record_node "smoke $engine" "$log"
  done
  echo "   failures so far: $(grep -c $'\tFAILED$' "$results" || true)"
done

echo
echo "== pass/fail per test over $rounds rounds, both cores busy"
awk -F'\t' '
  { key = $1 " | " $2; if ($3 == "ok") pass[key]++; else if ($3 == "FAILED") fail[key]++; seen[key] = 1 }
  END { for (k in seen) printf "%3d passed %3d failed  %s\n", pass[k], fail[k], k }
' "$results" | sort -k5
failed="$(grep -c $'\tFAILED$' "$results" || true)"
tests="$(cut -f1,2 "$results" | sort -u | wc -l)"
echo "$tests tests, $rounds rounds: $failed failures (logs: $logs)"
[ "$failed" -eq 0 ]
