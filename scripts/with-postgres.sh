#!/usr/bin/env bash
# Runs a command with DATABASE_URL pointing at a real PostgreSQL server.
#   bash scripts/with-postgres.sh npm run test:server
# With DATABASE_URL already set, the command runs against that server. Otherwise (as root, as in
# CI) Debian's PostgreSQL is installed when missing, a throwaway cluster starts in a temporary
# folder on a free loopback port (never 5432), and it is stopped and removed when the command ends.
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: bash scripts/with-postgres.sh <command> [args…]" >&2
  exit 2
fi

if [ -n "${DATABASE_URL:-}" ]; then
  exec "$@"
fi

find_bin() {
  local initdb
  initdb=$(ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$initdb" ] && dirname "$initdb"
}

bin=$(find_bin || true)
if [ -z "$bin" ]; then
  echo "with-postgres: installing Debian's postgresql…" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  bin=$(find_bin)
fi

port_taken() {
  # ss lists listening sockets; a port in use shows as ":<port> ".
  ss -ltnH 2>/dev/null | awk '{print $4}' | grep -qE "[:.]$1\$"
}

port=""
for candidate in 55432 55433 55434 55435 55436 55437 55438 55439 56432 57432; do
  if ! port_taken "$candidate"; then
    port=$candidate
    break
  fi
done
if [ -z "$port" ]; then
  echo "with-postgres: no free port among the candidates" >&2
  exit 1
fi

dir=$(mktemp -d)
chown postgres "$dir"
stop() {
  if [ -f "$dir/db/postmaster.pid" ]; then
    su postgres -c "$bin/pg_ctl -D '$dir/db' -m fast stop" >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}
trap stop EXIT

su postgres -c "$bin/initdb -D '$dir/db' -A trust -U test" >"$dir/initdb.log" 2>&1 || {
  cat "$dir/initdb.log" >&2
  exit 1
}
# POSTGRES_OPTIONS adds server settings, e.g. "-c shared_buffers=2GB" for a benchmark.
if ! su postgres -c "$bin/pg_ctl -D '$dir/db' -o '-p $port -k $dir -c listen_addresses=127.0.0.1 ${POSTGRES_OPTIONS:-}' -l '$dir/log' -w start" >/dev/null; then
  cat "$dir/log" >&2
  exit 1
fi

export DATABASE_URL="postgres://test@127.0.0.1:$port/postgres"
echo "with-postgres: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') at $DATABASE_URL" >&2

# Not exec: the trap must run after the command to stop the server and remove the folder.
status=0
"$@" || status=$?
exit "$status"
