# Sourced by test.sh and bench.sh. Where PM_TEST_POSTGRES is not set, starts a throwaway
# PostgreSQL on 127.0.0.1 in a temporary directory (installing the server with apt-get only where
# it is missing), exports PM_TEST_POSTGRES, and stops the server when the calling script exits.

pm_pg_dir=""
pm_pg_bin=""

pm_as_postgres() {
  # initdb refuses to run as root; a non-root user runs the server as itself.
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pm_find_pg_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

pm_free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  echo "no free port found" >&2; return 1
}

pm_stop_pg() {
  if [ -n "$pm_pg_dir" ]; then
    pm_as_postgres "$pm_pg_bin/pg_ctl" -D "$pm_pg_dir/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$pm_pg_dir"
  fi
}

pm_start_pg_unless_given() {
  [ -n "${PM_TEST_POSTGRES:-}" ] && return 0
  pm_pg_bin=$(pm_find_pg_bin)
  if [ -z "$pm_pg_bin" ] || [ ! -x "$pm_pg_bin/initdb" ]; then
    echo "installing the PostgreSQL server (apt-get)"
    local sudo_cmd=""; [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq postgresql >/dev/null
    pm_pg_bin=$(pm_find_pg_bin)
  fi
  pm_pg_dir=$(mktemp -d)
  trap pm_stop_pg EXIT
  if [ "$(id -u)" = 0 ]; then chown postgres "$pm_pg_dir"; fi
  local port; port=$(pm_free_port)
  pm_as_postgres "$pm_pg_bin/initdb" -D "$pm_pg_dir/data" -U postgres -A trust >/dev/null
  # fsync off: a throwaway test server; durability is not what the tests measure.
  pm_as_postgres "$pm_pg_bin/pg_ctl" -D "$pm_pg_dir/data" -l "$pm_pg_dir/log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $pm_pg_dir -c max_connections=300 -c fsync=off" start >/dev/null
  export PM_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  echo "throwaway PostgreSQL on 127.0.0.1:$port"
}
