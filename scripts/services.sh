#!/usr/bin/env bash
# Idempotent bring-up of the services FastBooking needs, on loopback only:
#   PostgreSQL 15 on 127.0.0.1:5432 (role fastbooking/fastbooking, databases fastbooking and fastbooking_test)
#   Redis on 127.0.0.1:6379 (no persistence)
# Starts only what is not answering; a re-run when everything is up changes nothing.
#
# Without a Docker engine (the normal case here): installs postgresql / redis-server via apt-get when
# missing, starts the PostgreSQL cluster with pg_ctlcluster and Redis with redis-server --daemonize.
# With a Docker engine (`docker info` succeeds) and the server binaries missing, it runs
# `docker compose up -d postgres redis` from the repo's docker-compose.yml instead.
#
# Must run as root on a bare machine (it installs packages and switches to the postgres user).
# Exports nothing; prints the connection strings. Knobs (environment):
#   FASTBOOKING_SERVICES_TIMEOUT  seconds to wait for each service to answer (default 90)
#   FASTBOOKING_PG_VERSION        PostgreSQL major version to use/install (default 15)
set -uo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PG_HOST=127.0.0.1
PG_PORT=5432
PG_ROLE=fastbooking
PG_PASSWORD=fastbooking
PG_DATABASES=(fastbooking fastbooking_test)
PG_VERSION="${FASTBOOKING_PG_VERSION:-15}"
REDIS_HOST=127.0.0.1
REDIS_PORT=6379
TIMEOUT="${FASTBOOKING_SERVICES_TIMEOUT:-90}"
LOG_DIR="${TMPDIR:-/tmp}/fastbooking-services"
mkdir -p "$LOG_DIR"

log()  { printf '[services] %s\n' "$*"; }
fail() { printf '[services] ERROR: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------- probes (need no client tools)

tcp_open() { # host port
  (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
}

pg_answers() {
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -h "$PG_HOST" -p "$PG_PORT" -t 2 >/dev/null 2>&1
  else
    tcp_open "$PG_HOST" "$PG_PORT"
  fi
}

redis_answers() {
  if command -v redis-cli >/dev/null 2>&1; then
    [ "$(timeout 3 redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" ping 2>/dev/null)" = "PONG" ]
  else
    local reply=""
    {
      exec 3<>"/dev/tcp/$REDIS_HOST/$REDIS_PORT" || return 1
      printf 'PING\r\n' >&3
      IFS= read -r -t 3 reply <&3 || true
      exec 3>&-
    } 2>/dev/null
    [ "${reply%$'\r'}" = "+PONG" ]
  fi
}

# true when the fastbooking role can log in over TCP with its password to every database
pg_app_ready() {
  command -v psql >/dev/null 2>&1 || return 1
  local db
  for db in "${PG_DATABASES[@]}"; do
    PGPASSWORD="$PG_PASSWORD" PGCONNECT_TIMEOUT=3 psql -X -q -h "$PG_HOST" -p "$PG_PORT" -U "$PG_ROLE" -d "$db" \
      -tAc 'select 1' >/dev/null 2>&1 || return 1
  done
}

wait_for() { # name probe-function
  local name="$1" probe="$2" deadline=$((SECONDS + TIMEOUT))
  until "$probe"; do
    if [ "$SECONDS" -ge "$deadline" ]; then
      return 1
    fi
    sleep 1
  done
}

# ---------------------------------------------------------------- helpers

docker_engine() {
  command -v docker >/dev/null 2>&1 && timeout 10 docker info >/dev/null 2>&1
}

compose() {
  if docker compose version >/dev/null 2>&1; then
    docker compose -f "$REPO_ROOT/docker-compose.yml" "$@"
  elif command -v docker-compose >/dev/null 2>&1; then
    docker-compose -f "$REPO_ROOT/docker-compose.yml" "$@"
  else
    return 127
  fi
}

# apt_update / apt_install (shared with scripts/redis-cluster.sh)
# shellcheck source=lib/apt.sh
. "$REPO_ROOT/scripts/lib/apt.sh"

pg_server_installed() {
  command -v pg_ctlcluster >/dev/null 2>&1 && [ -x "/usr/lib/postgresql/$PG_VERSION/bin/postgres" ]
}

redis_server_installed() {
  command -v redis-server >/dev/null 2>&1
}

as_postgres() { # runs a command as the postgres OS user
  if command -v runuser >/dev/null 2>&1; then
    runuser -u postgres -- "$@"
  else
    su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
  fi
}

pg_admin() { # psql as the postgres superuser over the local socket (peer auth)
  as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$PG_PORT" -d postgres -tA "$@"
}

# ---------------------------------------------------------------- PostgreSQL

start_local_postgres() {
  if ! pg_server_installed; then
    local pkg="postgresql-$PG_VERSION"
    apt_update
    if ! apt-cache show "$pkg" >/dev/null 2>&1; then
      # Not packaged in this release: take the distribution's default PostgreSQL instead.
      log "$pkg is not packaged here; installing the distribution default 'postgresql'"
      apt_install postgresql
      PG_VERSION="$(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -n 1)"
      [ -n "$PG_VERSION" ] || fail "no PostgreSQL server found after apt-get install postgresql"
    else
      apt_install "$pkg"
    fi
    pg_server_installed || fail "PostgreSQL $PG_VERSION server binaries still missing after apt-get install"
  fi

  if ! pg_lsclusters -h 2>/dev/null | awk -v v="$PG_VERSION" '$1 == v && $2 == "main" { f = 1 } END { exit !f }'; then
    log "creating PostgreSQL $PG_VERSION cluster 'main' on port $PG_PORT"
    pg_createcluster -p "$PG_PORT" "$PG_VERSION" main >"$LOG_DIR/pg_createcluster.log" 2>&1 \
      || { cat "$LOG_DIR/pg_createcluster.log" >&2; fail "pg_createcluster $PG_VERSION main failed"; }
  fi

  local port
  port="$(pg_lsclusters -h 2>/dev/null | awk -v v="$PG_VERSION" '$1 == v && $2 == "main" { print $3 }')"
  [ "$port" = "$PG_PORT" ] || fail "PostgreSQL $PG_VERSION/main is configured for port $port, not $PG_PORT (/etc/postgresql/$PG_VERSION/main/postgresql.conf)"

  log "starting PostgreSQL $PG_VERSION/main"
  if ! pg_ctlcluster "$PG_VERSION" main start </dev/null >"$LOG_DIR/pg_ctlcluster.log" 2>&1; then
    # "already running" is fine: it may still be starting up
    if ! grep -qi 'already running' "$LOG_DIR/pg_ctlcluster.log"; then
      cat "$LOG_DIR/pg_ctlcluster.log" >&2
      tail -n 20 "/var/log/postgresql/postgresql-$PG_VERSION-main.log" >&2 2>/dev/null || true
      fail "pg_ctlcluster $PG_VERSION main start failed"
    fi
  fi
}

setup_postgres_role_and_dbs() {
  # Needs the local cluster (peer auth as the postgres OS user).
  id postgres >/dev/null 2>&1 || fail "PostgreSQL answers on $PG_HOST:$PG_PORT but the fastbooking role cannot log in, and there is no local postgres user to fix it"
  local exists
  exists="$(pg_admin -c "select 1 from pg_roles where rolname = '$PG_ROLE'")" \
    || fail "cannot reach PostgreSQL as the postgres superuser over the local socket (port $PG_PORT)"
  if [ "$exists" != "1" ]; then
    log "creating role $PG_ROLE"
    pg_admin -c "create role $PG_ROLE login createdb password '$PG_PASSWORD'" >/dev/null \
      || fail "create role $PG_ROLE failed"
  elif ! PGPASSWORD="$PG_PASSWORD" PGCONNECT_TIMEOUT=3 psql -X -q -h "$PG_HOST" -p "$PG_PORT" -U "$PG_ROLE" -d postgres -tAc 'select 1' >/dev/null 2>&1; then
    log "resetting login/password of role $PG_ROLE"
    pg_admin -c "alter role $PG_ROLE login createdb password '$PG_PASSWORD'" >/dev/null \
      || fail "alter role $PG_ROLE failed"
  fi
  local db
  for db in "${PG_DATABASES[@]}"; do
    exists="$(pg_admin -c "select 1 from pg_database where datname = '$db'")" || fail "query pg_database failed"
    if [ "$exists" != "1" ]; then
      log "creating database $db owned by $PG_ROLE"
      pg_admin -c "create database $db owner $PG_ROLE" >/dev/null || fail "create database $db failed"
    fi
  done
}

ensure_postgres() {
  if ! pg_answers; then
    if ! pg_server_installed && docker_engine; then
      log "PostgreSQL not installed; Docker engine found: docker compose up -d postgres"
      compose up -d postgres || fail "docker compose up -d postgres failed"
    else
      start_local_postgres
    fi
    wait_for postgres pg_answers \
      || fail "PostgreSQL did not answer on $PG_HOST:$PG_PORT within ${TIMEOUT}s (see /var/log/postgresql/postgresql-$PG_VERSION-main.log)"
  fi

  if ! command -v psql >/dev/null 2>&1; then
    apt_install postgresql-client
  fi

  if ! pg_app_ready; then
    if id postgres >/dev/null 2>&1 && pg_lsclusters -h 2>/dev/null | awk -v p="$PG_PORT" '$3 == p && $4 == "online" { f = 1 } END { exit !f }'; then
      setup_postgres_role_and_dbs
    elif docker_engine && compose ps postgres >/dev/null 2>&1; then
      # The postgres:15 image creates role+db fastbooking itself; add the test database if absent.
      wait_for "postgres role" pg_app_ready_main || true
      compose exec -T postgres sh -c "psql -U $PG_ROLE -d postgres -tAc \"select 1 from pg_database where datname='fastbooking_test'\" | grep -q 1 || createdb -U $PG_ROLE -O $PG_ROLE fastbooking_test" \
        || fail "creating fastbooking_test in the postgres container failed"
    else
      fail "PostgreSQL answers on $PG_HOST:$PG_PORT but role $PG_ROLE cannot log in, and no local cluster on that port to fix it"
    fi
    wait_for "postgres login" pg_app_ready \
      || fail "role $PG_ROLE cannot log in to ${PG_DATABASES[*]} on $PG_HOST:$PG_PORT with its password (check pg_hba.conf: host 127.0.0.1/32 scram-sha-256 or md5)"
  fi
}

pg_app_ready_main() {
  PGPASSWORD="$PG_PASSWORD" PGCONNECT_TIMEOUT=3 psql -X -q -h "$PG_HOST" -p "$PG_PORT" -U "$PG_ROLE" -d fastbooking -tAc 'select 1' >/dev/null 2>&1
}

# ---------------------------------------------------------------- Redis

ensure_redis() {
  redis_answers && return 0
  if ! redis_server_installed && docker_engine; then
    log "redis-server not installed; Docker engine found: docker compose up -d redis"
    compose up -d redis || fail "docker compose up -d redis failed"
  else
    redis_server_installed || apt_install redis-server
    log "starting redis-server on $REDIS_HOST:$REDIS_PORT"
    redis-server --daemonize yes --bind "$REDIS_HOST" --port "$REDIS_PORT" --save '' --appendonly no \
      --dir "$LOG_DIR" --logfile "$LOG_DIR/redis.log" </dev/null >/dev/null 2>&1 \
      || fail "redis-server failed to start (log: $LOG_DIR/redis.log)"
  fi
  wait_for redis redis_answers \
    || { tail -n 20 "$LOG_DIR/redis.log" >&2 2>/dev/null; fail "Redis did not answer PING on $REDIS_HOST:$REDIS_PORT within ${TIMEOUT}s"; }
}

# ---------------------------------------------------------------- main

ensure_postgres
ensure_redis

log "PostgreSQL: Host=$PG_HOST;Port=$PG_PORT;Database=fastbooking;Username=$PG_ROLE;Password=$PG_PASSWORD;SSL Mode=Disable"
log "PostgreSQL (tests): Host=$PG_HOST;Port=$PG_PORT;Database=fastbooking_test;Username=$PG_ROLE;Password=$PG_PASSWORD;SSL Mode=Disable"
log "Redis: $REDIS_HOST:$REDIS_PORT"
