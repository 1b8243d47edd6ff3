#!/usr/bin/env bash
# Runs every test of the solution. Where PM_TEST_POSTGRES is not set it starts a throwaway
# PostgreSQL on 127.0.0.1 in a temporary directory (installing the server only where it is
# missing), exports its connection string as PM_TEST_POSTGRES, and always stops it afterwards.
set -euo pipefail
cd "$(dirname "$0")"

started_pg_dir=""
pg_bin=""

as_postgres() {
  # initdb refuses to run as root; a non-root user runs the server as itself.
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

find_pg_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  echo "no free port found" >&2; return 1
}

stop_pg() {
  if [ -n "$started_pg_dir" ]; then
    as_postgres "$pg_bin/pg_ctl" -D "$started_pg_dir/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$started_pg_dir"
  fi
}
trap stop_pg EXIT

if [ -z "${PM_TEST_POSTGRES:-}" ]; then
  pg_bin=$(find_pg_bin)
  if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
    echo "test.sh: installing the PostgreSQL server (apt-get)"
    sudo_cmd=""; [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq postgresql >/dev/null
    pg_bin=$(find_pg_bin)
  fi
  started_pg_dir=$(mktemp -d)
  [ "$(id -u)" = 0 ] && chown postgres "$started_pg_dir"
  port=$(free_port)
  as_postgres "$pg_bin/initdb" -D "$started_pg_dir/data" -U postgres -A trust >/dev/null
  as_postgres "$pg_bin/pg_ctl" -D "$started_pg_dir/data" -l "$started_pg_dir/log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $started_pg_dir -c max_connections=300 -c fsync=off" start >/dev/null
  export PM_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  echo "test.sh: throwaway PostgreSQL on 127.0.0.1:$port"
fi

log=$(mktemp)
status=0
dotnet test Actors.sln -c Release 2>&1 | tee "$log" || status=$?

# One closing line for the whole run: the sum over every test assembly.
awk '/(Passed|Failed)! +- +Failed: /{
       for (i = 1; i <= NF; i++) { gsub(",", "", $(i+1)); if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
     } END { printf "Tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
exit "$status"
