#!/usr/bin/env bash
# Brings a Komek cluster up on one machine, for tests and rehearsals: two API nodes serving
# without workers, one worker, and HAProxy (Debian's package) in front, all over the PostgreSQL
# server named by DATABASE_URL (already migrated or not: the first node migrates it).
#
# Usage: eval "$(DATABASE_URL=postgres://… scripts/cluster.sh start)"
#          → exports KOMEK_CLUSTER_URL (the proxy), KOMEK_NODE1_URL, KOMEK_NODE2_URL,
#            KOMEK_NODE1_PID, KOMEK_NODE2_PID, KOMEK_WORKER_PID and KOMEK_CLUSTER_DIR
#        scripts/cluster.sh stop "$KOMEK_CLUSTER_DIR"
# KOMEK_ENCRYPTION_KEYS and KOMEK_AUDIT_KEYS are made for the cluster when they are not set:
# every process must hold the same ones.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}
key() { node -e "console.log(require('crypto').randomBytes(32).toString('base64'))"; }

# Waits until a URL answers 200, or gives up after a minute showing the process's log.
wait_ready() {
  local url=$1 log=$2
  for _ in $(seq 1 120); do
    if node -e "fetch('$url').then(r=>process.exit(r.status===200?0:1),()=>process.exit(1))"; then return 0; fi
    sleep 0.5
  done
  echo "not ready: $url" >&2
  cat "$log" >&2
  exit 1
}

# komek <name> <args…>: a process of its own, its pid and log in the cluster folder.
komek() {
  local name=$1
  shift
  # A simple command in the background, so that $! is the node process itself (env and nohup
  # exec it), and none of this script's streams stay open in it.
  cd "$root/apps/server"
  env PORT="${PORT:-3000}" KOMEK_DATA_DIR="$KOMEK_DATA_DIR" nohup node --import tsx src/cli.ts "$@" \
    </dev/null >"$dir/$name.log" 2>&1 &
  echo $! >"$dir/$name.pid"
  cd - >/dev/null
}

case "${1:-}" in
  start)
    : "${DATABASE_URL:?set DATABASE_URL to the PostgreSQL server the cluster shares}"
    command -v haproxy >/dev/null || { echo "haproxy not found; install the haproxy package" >&2; exit 1; }
    dir=$(mktemp -d /tmp/komek-cluster.XXXXXX)
    export KOMEK_ENCRYPTION_KEYS=${KOMEK_ENCRYPTION_KEYS:-c1:$(key)}
    export KOMEK_AUDIT_KEYS=${KOMEK_AUDIT_KEYS:-a1:$(key)}
    export KOMEK_CLUSTER=1 KOMEK_TRUSTED_PROXIES=127.0.0.1 KOMEK_WEB_DIST=${KOMEK_WEB_DIST:-/nonexistent}
    export KOMEK_DRAIN_SECONDS=${KOMEK_DRAIN_SECONDS:-1} LOG_LEVEL=${LOG_LEVEL:-warn} HOST=127.0.0.1
    port1=$(free_port)
    port2=$(free_port)
    proxy=$(free_port)
    # The first node migrates the database alone; the others start once it is ready.
    PORT=$port1 KOMEK_DATA_DIR=$dir/node1 komek node1 serve --no-workers
    wait_ready "http://127.0.0.1:$port1/api/health/ready" "$dir/node1.log"
    PORT=$port2 KOMEK_DATA_DIR=$dir/node2 komek node2 serve --no-workers
    KOMEK_DATA_DIR=$dir/worker komek worker worker
    wait_ready "http://127.0.0.1:$port2/api/health/ready" "$dir/node2.log"
    for _ in $(seq 1 120); do grep -q 'worker is running' "$dir/worker.log" && break; sleep 0.5; done
    grep -q 'worker is running' "$dir/worker.log" || { cat "$dir/worker.log" >&2; exit 1; }
    cat >"$dir/haproxy.cfg" <<EOF
defaults
  mode http
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  # A request the dead node never received goes to the other one; one it may have received is
  # not sent twice by the proxy (the client retries it, with its Idempotency-Key).
  retries 3
  retry-on conn-failure
  option redispatch
frontend komek
  bind 127.0.0.1:$proxy
  option forwardfor
  default_backend nodes
backend nodes
  balance roundrobin
  option httpchk GET /api/health/ready
  default-server inter 500ms fall 1 rise 2
  server node1 127.0.0.1:$port1 check
  server node2 127.0.0.1:$port2 check
EOF
    # Its own log, and none of this script's streams: whoever reads the script's output is not kept
    # waiting by a daemon holding them open.
    haproxy -f "$dir/haproxy.cfg" -D -p "$dir/haproxy.pid" </dev/null >"$dir/haproxy.log" 2>&1
    wait_ready "http://127.0.0.1:$proxy/api/health/ready" "$dir/node1.log"
    echo "export KOMEK_CLUSTER_URL=http://127.0.0.1:$proxy"
    echo "export KOMEK_NODE1_URL=http://127.0.0.1:$port1"
    echo "export KOMEK_NODE2_URL=http://127.0.0.1:$port2"
    echo "export KOMEK_NODE1_PID=$(cat "$dir/node1.pid")"
    echo "export KOMEK_NODE2_PID=$(cat "$dir/node2.pid")"
    echo "export KOMEK_WORKER_PID=$(cat "$dir/worker.pid")"
    echo "export KOMEK_CLUSTER_DIR=$dir"
    ;;
  stop)
    dir=${2:?directory}
    for name in node1 node2 worker haproxy; do
      [ -f "$dir/$name.pid" ] && kill "$(cat "$dir/$name.pid")" 2>/dev/null || true
    done
    ;;
  *)
    echo "usage: $0 start | stop DIR" >&2
    exit 2
    ;;
esac
