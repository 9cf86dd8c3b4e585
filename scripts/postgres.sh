#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on 127.0.0.1 for the server's tests (installing Debian's
# `postgresql` if needed) and prints its admin URL. `scripts/postgres.sh stop` stops it.
set -euo pipefail
PORT="${PG_PORT:-5433}"
DIR="${PG_DIR:-/tmp/sync-overview-pg}"
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

if [ "${1:-}" = stop ]; then
  [ -n "$bin" ] && [ -f "$DIR/postmaster.pid" ] && as_postgres "$bin/pg_ctl" -D "$DIR" -m fast stop >/dev/null
  exit 0
fi

if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update >&2
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y postgresql >&2
  bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
fi

if [ -f "$DIR/postmaster.pid" ] && as_postgres "$bin/pg_ctl" -D "$DIR" status >/dev/null 2>&1; then
  :
else
  rm -rf "$DIR"
  mkdir -p "$DIR"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$DIR"
  as_postgres "$bin/initdb" -D "$DIR" -U postgres --auth=trust >/dev/null
  as_postgres "$bin/pg_ctl" -D "$DIR" -l "$DIR/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -c port=$PORT -c unix_socket_directories=$DIR -c fsync=off" start >/dev/null
fi
echo "postgres://postgres@127.0.0.1:$PORT/postgres"
