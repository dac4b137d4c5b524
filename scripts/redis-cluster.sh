#!/usr/bin/env bash
# A throw-away Redis Cluster on loopback, for running the read-model tests against a real cluster:
# three masters (no replicas, no persistence) on 127.0.0.1:7001-7003 by default.
#
#   scripts/redis-cluster.sh start     start the nodes and create the cluster unless it is already up (idempotent)
#   scripts/redis-cluster.sh stop      stop the nodes this script started (by their pid files) and forget the cluster
#   scripts/redis-cluster.sh status    show each node and the cluster's state; exit 0 only when the cluster is ok
#   scripts/redis-cluster.sh seeds     print the seed-node list for ConnectionStrings__Redis / FASTBOOKING_TEST_REDIS
#
# `start` when the cluster is up changes nothing. A half-created or broken cluster of this script's (nodes files or
# pid files present, but the cluster not ok) is reset: its nodes are stopped, their files removed, and it is created
# again. A port answered by a process this script did not start is an error (nothing is killed or reused).
# Installs redis-server/redis-tools via apt-get when missing (needs root then), like scripts/services.sh.
#
# Knobs (environment):
#   FASTBOOKING_REDIS_CLUSTER_PORTS    the masters' ports, space- or comma-separated (default "7001 7002 7003";
#                                      at least 3: Redis refuses a cluster of fewer masters)
#   FASTBOOKING_REDIS_CLUSTER_DIR      nodes files, pid files and logs (default $TMPDIR/fastbooking-redis-cluster-<first port>)
#   FASTBOOKING_REDIS_CLUSTER_TIMEOUT  seconds for each wait (nodes answering, cluster ok, nodes stopping; default 30)
set -uo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HOST=127.0.0.1
read -r -a PORTS <<<"$(printf '%s' "${FASTBOOKING_REDIS_CLUSTER_PORTS:-7001 7002 7003}" | tr ',' ' ')"
TIMEOUT="${FASTBOOKING_REDIS_CLUSTER_TIMEOUT:-30}"
DIR="${FASTBOOKING_REDIS_CLUSTER_DIR:-${TMPDIR:-/tmp}/fastbooking-redis-cluster-${PORTS[0]:-none}}"
LOG_DIR="$DIR"
SLOTS=16384

log()  { printf '[redis-cluster] %s\n' "$*"; }
fail() { printf '[redis-cluster] ERROR: %s\n' "$*" >&2; exit 1; }

# shellcheck source=lib/apt.sh
. "$REPO_ROOT/scripts/lib/apt.sh"

[ "${#PORTS[@]}" -ge 3 ] || fail "FASTBOOKING_REDIS_CLUSTER_PORTS must name at least 3 ports (got '${PORTS[*]}')"
for port in "${PORTS[@]}"; do
  [[ "$port" =~ ^[0-9]+$ ]] && [ "$port" -ge 1 ] && [ "$port" -le 55535 ] \
    || fail "bad port '$port' in FASTBOOKING_REDIS_CLUSTER_PORTS (the cluster bus uses port + 10000, so at most 55535)"
done

seeds() { local IFS=,; local list=("${PORTS[@]/#/$HOST:}"); echo "${list[*]}"; }

# ---------------------------------------------------------------- probes

cli() { # port args...
  local port="$1"; shift
  timeout 5 redis-cli -h "$HOST" -p "$port" "$@" 2>/dev/null
}

answers() { [ "$(cli "$1" ping)" = "PONG" ]; }

pid_file() { echo "$DIR/redis-$1.pid"; }
nodes_file() { echo "$DIR/nodes-$1.conf"; }

# The pid of the node this script started on the port, if that process still runs (and is a redis-server on that
# port: a pid file outliving its process must not make us signal whoever got the pid since).
our_pid() { # port -> pid or nothing; exit 1 when none
  local file pid
  file="$(pid_file "$1")"
  [ -s "$file" ] || return 1
  pid="$(tr -dc '0-9' <"$file")"
  [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q "redis-server.*:$1\b" || return 1
  echo "$pid"
}

info_field() { # port field -> value of "field:value" in CLUSTER INFO
  cli "$1" cluster info | tr -d '\r' | sed -n "s/^$2://p"
}

# The cluster is ok when every node answers, and each one sees the state ok, all slots assigned, and every node.
cluster_ok() {
  local port
  for port in "${PORTS[@]}"; do
    [ "$(info_field "$port" cluster_state)" = "ok" ] || return 1
    [ "$(info_field "$port" cluster_slots_assigned)" = "$SLOTS" ] || return 1
    [ "$(info_field "$port" cluster_slots_ok)" = "$SLOTS" ] || return 1
    [ "$(info_field "$port" cluster_known_nodes)" = "${#PORTS[@]}" ] || return 1
  done
}

all_answer() { local port; for port in "${PORTS[@]}"; do answers "$port" || return 1; done; }

wait_until() { # what probe...
  local what="$1" deadline=$((SECONDS + TIMEOUT)); shift
  until "$@"; do
    [ "$SECONDS" -lt "$deadline" ] || fail "$what: not within ${TIMEOUT}s (logs: $DIR/redis-*.log)"
    sleep 0.2
  done
}

# ---------------------------------------------------------------- actions

ensure_installed() {
  command -v redis-server >/dev/null 2>&1 || apt_install redis-server
  command -v redis-cli >/dev/null 2>&1 || apt_install redis-tools
  command -v redis-server >/dev/null 2>&1 && command -v redis-cli >/dev/null 2>&1 \
    || fail "redis-server/redis-cli still missing after apt-get install"
}

stop_node() { # port
  local port="$1" pid deadline
  if pid="$(our_pid "$port")"; then
    log "stopping node $HOST:$port (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    deadline=$((SECONDS + TIMEOUT))
    while [ -e "/proc/$pid" ] && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.2; done
    if [ -e "/proc/$pid" ]; then
      log "node $HOST:$port (pid $pid) did not stop within ${TIMEOUT}s: killing it"
      kill -KILL "$pid" 2>/dev/null || true
      sleep 0.2
    fi
  fi
  rm -f "$(pid_file "$port")" "$(nodes_file "$port")" "$DIR/dump-$port.rdb"
}

start_node() { # port
  local port="$1"
  answers "$port" && fail "$HOST:$port is answered by a Redis this script did not start: stop it or choose other ports (FASTBOOKING_REDIS_CLUSTER_PORTS)"
  redis-server --bind "$HOST" --port "$port" --daemonize yes \
    --cluster-enabled yes --cluster-config-file "$(nodes_file "$port")" --cluster-node-timeout 5000 \
    --save '' --appendonly no --dbfilename "dump-$port.rdb" --dir "$DIR" \
    --pidfile "$(pid_file "$port")" --logfile "$DIR/redis-$port.log" </dev/null >/dev/null 2>&1 9>&- \
    || fail "redis-server on $HOST:$port failed to start (log: $DIR/redis-$port.log)"
}

has_leftovers() {
  local port
  for port in "${PORTS[@]}"; do
    [ -e "$(pid_file "$port")" ] || [ -e "$(nodes_file "$port")" ] && return 0
  done
  return 1
}

start() {
  ensure_installed
  if cluster_ok; then
    log "already up: $(seeds)"
    return 0
  fi
  if has_leftovers; then
    log "a cluster in $DIR is there but not ok: resetting it"
    local port
    for port in "${PORTS[@]}"; do stop_node "$port"; done
  fi
  local port
  for port in "${PORTS[@]}"; do start_node "$port"; done
  wait_until "nodes answering PING" all_answer
  log "creating the cluster: $(seeds)"
  local addresses=("${PORTS[@]/#/$HOST:}")
  timeout "$TIMEOUT" redis-cli --cluster create "${addresses[@]}" --cluster-replicas 0 --cluster-yes \
    >"$DIR/create.log" 2>&1 || { cat "$DIR/create.log" >&2; fail "redis-cli --cluster create failed"; }
  wait_until "cluster_state:ok and $SLOTS slots on every node" cluster_ok
  log "up: $(seeds)"
}

stop() {
  local port
  for port in "${PORTS[@]}"; do
    stop_node "$port"
    answers "$port" && log "$HOST:$port still answers: it is not a node this script started (left alone)"
  done
  rm -f "$DIR/create.log"
  log "stopped"
}

status() {
  local port pid state
  for port in "${PORTS[@]}"; do
    if pid="$(our_pid "$port")"; then pid="pid $pid"; else pid="no node of this script's"; fi
    if answers "$port"; then
      state="cluster_state:$(info_field "$port" cluster_state) slots:$(info_field "$port" cluster_slots_assigned) nodes:$(info_field "$port" cluster_known_nodes)"
    else
      state="not answering"
    fi
    log "$HOST:$port  $pid  $state"
  done
  if command -v redis-cli >/dev/null 2>&1 && cluster_ok; then
    log "ok: $(seeds)"
  else
    log "not ok"
    return 1
  fi
}

main() {
  local action="${1:-}"
  case "$action" in
    start|stop|status) ;;
    seeds) seeds; return 0 ;;
    *) echo "usage: $0 start|stop|status|seeds" >&2; return 2 ;;
  esac
  mkdir -p "$DIR" || fail "cannot create $DIR"
  # One invocation at a time per cluster directory.
  exec 9>"$DIR/lock"
  flock -w "$TIMEOUT" 9 || fail "another $0 is running on $DIR"
  "$action"
}

main "$@"
