#!/usr/bin/env bash
# The server under load: read throughput with wrk (a 50-row page, a partial-name filter, a Not
# Synced page sorted by status; 100,000 items in one client) on SQLite with one process and on a
# throwaway PostgreSQL with one and two replicas; then a mixed read/write run against the two
# replicas that checks every acknowledged write is in the database exactly once and the counts
# add up, and again with four clients reading suggestions all along (write latency behind scoring
# passes). Usage: scripts/load-test.sh [seconds per run, default 10]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN="${1:-10}"
command -v wrk >/dev/null || { sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd=sudo; DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y wrk >&2; }
cargo build -p sync-server --profile server
BIN=target/server/sync-server
WORK="$(mktemp -d)"
# A cluster of its own, apart from the one the tests use.
export PG_PORT=5434 PG_DIR=/tmp/sync-overview-load-pg
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; ./scripts/postgres.sh stop; rm -rf "$WORK"; }
trap cleanup EXIT

start() { # port database → waits until it answers
  RUST_LOG=warn "$BIN" --listen "127.0.0.1:$1" --database "$2" --demo --demo-size 100000 >"$WORK/$1.log" 2>&1 &
  PIDS+=($!)
  # Polls (up to 5 minutes: seeding 100,000 items) until it is ready; the sleep paces the polling.
  for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$1/readyz" >/dev/null && return; sleep 0.5; done
  echo "server on $1 was not ready within 5 minutes; its log:" >&2; cat "$WORK/$1.log" >&2; exit 1
}
stop_all() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done; PIDS=(); }

paths() { # base → the three read paths for the largest client
  node -e '
    const base = process.argv[1];
    const j = async (p) => (await fetch(base + p)).json();
    (async () => {
      let best;
      for (const i of await j("/api/v1/integrations"))
        for (const c of await j(`/api/v1/integrations/${i.id}/clients`)) {
          const t = (await j(`/api/v1/integrations/${i.id}/clients/${c.id}/items?limit=1`)).total;
          if (!best || t > best.t) best = { t, p: `/api/v1/integrations/${i.id}/clients/${c.id}/items` };
        }
      console.log(`${best.p}?limit=50&offset=500`);
      console.log(`${best.p}?filter=ab&limit=50`);
      console.log(`${best.p}?status=not-synced&sort=status&limit=50`);
    })();' "$1"
}

measure() { # label ports...
  local label="$1"; shift
  mapfile -t READS < <(paths "http://127.0.0.1:$1")
  local names=("50-row page" "partial-name filter" "Not Synced by status")
  for n in 0 1 2; do
    local total=0 wrks=()
    for port in "$@"; do
      wrk -t$((2 / $#)) -c$((32 / $#)) -d"${SECONDS_PER_RUN}s" "http://127.0.0.1:$port${READS[$n]}" >"$WORK/wrk-$port" &
      wrks+=($!)
    done
    wait "${wrks[@]}"
    for port in "$@"; do
      total=$(awk -v t="$total" '/Requests\/sec/ {printf "%.0f", t + $2}' "$WORK/wrk-$port")
    done
    printf '  %-28s %-22s %8s req/s\n' "$label" "${names[$n]}" "$total"
  done
}

echo "== read throughput (wrk, 2 threads, 32 connections in all, ${SECONDS_PER_RUN}s each)"
start 8801 "sqlite:$WORK/load.db"
measure "SQLite, one process" 8801
stop_all

ADMIN="$(./scripts/postgres.sh)"
psql "$ADMIN" -qc "DROP DATABASE IF EXISTS sync_load" -c "CREATE DATABASE sync_load"
PG="${ADMIN%/*}/sync_load"
start 8801 "$PG"
measure "PostgreSQL, one replica" 8801
start 8802 "$PG"
measure "PostgreSQL, two replicas" 8801 8802

echo
echo "== mixed reads and writes, alternating between the two replicas"
node tests/load/run.mjs --replicas http://127.0.0.1:8801,http://127.0.0.1:8802 --database "$PG" --seconds "$SECONDS_PER_RUN"

echo
echo "== the same, 4 of the clients reading suggestions (a scoring pass over 100,000 items each): writes must not wait behind them"
node tests/load/run.mjs --replicas http://127.0.0.1:8801,http://127.0.0.1:8802 --database "$PG" --seconds "$SECONDS_PER_RUN" --suggestion-readers 4
