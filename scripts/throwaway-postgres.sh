#!/usr/bin/env bash
# Starts a disposable PostgreSQL cluster on a free loopback port and prints its URL.
# Usage: eval "$(scripts/throwaway-postgres.sh start)"   → exports TEST_DATABASE_URL and KOMEK_PG_DIR
#        scripts/throwaway-postgres.sh stop "$KOMEK_PG_DIR"
#        eval "$(scripts/throwaway-postgres.sh replica "$KOMEK_PG_DIR")"   → a streaming read replica
#          of that server (hot standby, Debian's pg_basebackup), exports TEST_REPLICA_URL
#        scripts/throwaway-postgres.sh restart "$KOMEK_PG_DIR"   (fast shutdown, then start: fault tests)
#        scripts/throwaway-postgres.sh kill "$KOMEK_PG_DIR"      (SIGKILL of the postmaster, then start)
set -euo pipefail

pg_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/pg_ctl" ] && { echo "$dir"; return; }
  done
  echo "PostgreSQL server binaries not found; install the postgresql package" >&2
  exit 1
}

# PostgreSQL refuses to run as root; run it as the postgres system user then.
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

case "${1:-}" in
  start)
    bin=$(pg_bin)
    dir=$(mktemp -d /tmp/komek-pg.XXXXXX)
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    port=$(free_port)
    as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1
    # Fast and forgetful for tests; KOMEK_PG_DURABLE=1 keeps commits across a kill (fault tests).
    if [ "${KOMEK_PG_DURABLE:-}" = 1 ]; then durability=""; else
      durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"; fi
    opts="-p $port -k $dir -c listen_addresses=127.0.0.1 $durability -c max_connections=200"
    echo "$opts" >"$dir/opts"
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -o "$opts" start >/dev/null
    echo "export TEST_DATABASE_URL=postgres://postgres@127.0.0.1:$port/postgres"
    echo "export KOMEK_PG_DIR=$dir"
    ;;
  replica)
    dir=${2:?directory}
    bin=$(pg_bin)
    port=$(sed -E 's/^-p ([0-9]+).*/\1/' "$dir/opts")
    rport=$(free_port)
    as_owner "$bin/pg_basebackup" -h 127.0.0.1 -p "$port" -U postgres -D "$dir/replica" -R -X stream \
      >"$dir/basebackup.log" 2>&1
    # Feedback keeps the primary from vacuuming away rows a long report on the replica still reads.
    ropts="-p $rport -k $dir -c listen_addresses=127.0.0.1 -c hot_standby_feedback=on -c max_connections=200"
    as_owner "$bin/pg_ctl" -D "$dir/replica" -l "$dir/replica.log" -w -o "$ropts" start >/dev/null
    echo "export TEST_REPLICA_URL=postgres://postgres@127.0.0.1:$rport/postgres"
    ;;
  restart)
    dir=${2:?directory}
    as_owner "$(pg_bin)/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -m fast restart >/dev/null
    ;;
  kill)
    dir=${2:?directory}
    kill -9 "$(head -1 "$dir/data/postmaster.pid")"
    # Orphaned backends notice the postmaster's death and exit; until then a new one cannot start.
    for _ in $(seq 1 40); do
      sleep 0.5
      as_owner "$(pg_bin)/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -o "$(cat "$dir/opts")" start >/dev/null 2>&1 && exit 0
    done
    echo "PostgreSQL did not come back after kill" >&2
    exit 1
    ;;
  stop)
    dir=${2:?directory}
    [ -d "$dir/replica" ] && as_owner "$(pg_bin)/pg_ctl" -D "$dir/replica" -m immediate stop >/dev/null 2>&1 || true
    as_owner "$(pg_bin)/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start | stop|restart|kill DIR" >&2
    exit 2
    ;;
esac
