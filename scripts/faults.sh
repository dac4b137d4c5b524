#!/usr/bin/env bash
# Fault scenarios against two engine instances of the Release build, on a PostgreSQL 15 and a Redis of their own
# (127.0.0.1:55432 and :6395 by default; the shared services on 5432/6379 are never touched):
#
#   bash scripts/faults.sh [--short] [options] [scenario…]
#     scenarios: storm redis-kill redis-flush postgres-restart instance-kill projector-throughput (default: all)
#     --short    the CI-sized run (about 3 minutes); the default is the full run (about 10 minutes)
#     options (passed to the tool): --pg-port P --redis-port P --engine-port P (engines on P and P+1) --engine <dll>
#
# 1. builds FastBooking.sln in Release, 2. installs redis-server / postgresql-15 with apt-get when missing,
# 3. runs load-tests/FastBooking.Faults, which prints what each scenario checked and measured and a summary table.
# Exit status: the tool's (0 every check passed, 1 a check failed, 2 the rig could not be set up; 124 the run overran).
# The services' logs of the last run are left in TestResults/faults/. docs/faults.md explains every scenario.
set -uo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT" || exit 1
LOG_DIR="$REPO_ROOT/TestResults/faults"
PG_BIN=/usr/lib/postgresql/15/bin

log()  { printf '[faults] %s\n' "$*"; }
fail() { printf '[faults] ERROR: %s\n' "$*" >&2; exit 2; }

tool_args=()
bound=900
for arg in "$@"; do
  [ "$arg" = "--short" ] && bound=420
  tool_args+=("$arg")
done

APT_UPDATED=0
apt_install() {
  [ "$(id -u)" -eq 0 ] || fail "$* missing and not root: install it yourself"
  command -v apt-get >/dev/null 2>&1 || fail "$* missing and apt-get not available"
  mkdir -p "$LOG_DIR"
  if [ "$APT_UPDATED" -eq 0 ]; then
    log "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get -q -o DPkg::Lock::Timeout=600 update >>"$LOG_DIR/apt.log" 2>&1 \
      || fail "apt-get update failed (log: $LOG_DIR/apt.log)"
    APT_UPDATED=1
  fi
  log "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends -o DPkg::Lock::Timeout=600 "$@" >>"$LOG_DIR/apt.log" 2>&1 \
    || fail "apt-get install $* failed (log: $LOG_DIR/apt.log)"
}

command -v redis-server >/dev/null 2>&1 || apt_install redis-server
command -v redis-cli >/dev/null 2>&1 || apt_install redis-tools
[ -x "$PG_BIN/initdb" ] || apt_install postgresql-15
[ -x "$PG_BIN/initdb" ] || fail "PostgreSQL 15 server binaries are not in $PG_BIN"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# No build servers that outlive this script.
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 UseSharedCompilation=false

mkdir -p "$REPO_ROOT/TestResults"
log "dotnet build FastBooking.sln -c Release"
dotnet build FastBooking.sln -c Release --disable-build-servers -v quiet -nologo </dev/null >"$LOG_DIR.build.log" 2>&1 \
  || { tail -n 30 "$LOG_DIR.build.log" >&2; fail "the build failed (log: $LOG_DIR.build.log)"; }

rm -rf "$LOG_DIR"
# SIGTERM first: the tool then ends every process it started and removes its temporary directory.
timeout --kill-after=30 "$bound" \
  dotnet load-tests/FastBooking.Faults/bin/Release/net10.0/FastBooking.Faults.dll --logs "$LOG_DIR" "${tool_args[@]}" </dev/null
rc=$?
[ "$rc" -eq 124 ] && log "ERROR: the run did not finish within ${bound}s"
exit "$rc"
