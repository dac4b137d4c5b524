#!/usr/bin/env bash
# Run every test of FastBooking.sln against real PostgreSQL and Redis.
#
#   scripts/test.sh [extra dotnet test args...]      e.g. scripts/test.sh --filter "FullyQualifiedName~Booking"
#
# 1. brings the services up (scripts/services.sh),
# 2. exports FASTBOOKING_TEST_POSTGRES / FASTBOOKING_TEST_REDIS unless already set,
# 3. installs the OpenAPI linter (npm ci in tests/openapi-lint) unless present, runs `dotnet test FastBooking.sln -c Release` with a TRX logger into TestResults/run (cleaned first),
# 4. starts a three-master Redis Cluster on loopback (scripts/redis-cluster.sh) and runs the Redis tests again against
#    it (--no-build; the read-model tests and two booking concurrency tests that race Redis reservations, TRX file redis-cluster.trx next to the
#    others), then stops the cluster if it started it,
# 5. prints, as the very last line, "N passed, N failed[, N skipped]" summed over every TRX file of both runs.
# Exit status: non-zero when the build failed, any test failed (in either run), a test host crashed, the cluster did
# not come up, or no test ran.
#
# Knobs: FASTBOOKING_TEST_TIMEOUT (seconds for the whole dotnet test run, default 4800),
#        FASTBOOKING_SKIP_SERVICES=1 (don't run services.sh; you provide the services),
#        FASTBOOKING_CLUSTER_TESTS=1|0 (the cluster run; default 1, but 0 when extra dotnet test args are given),
#        FASTBOOKING_CLUSTER_TEST_FILTER (the cluster run's --filter), FASTBOOKING_CLUSTER_TEST_TIMEOUT (seconds,
#        default 1200), FASTBOOKING_REDIS_CLUSTER_PORTS (default "7001 7002 7003", see scripts/redis-cluster.sh).
set -uo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT" || exit 1

RESULTS_DIR="$REPO_ROOT/TestResults/run"
TEST_TIMEOUT="${FASTBOOKING_TEST_TIMEOUT:-4800}"
if [ "$#" -gt 0 ]; then CLUSTER_TESTS="${FASTBOOKING_CLUSTER_TESTS:-0}"; else CLUSTER_TESTS="${FASTBOOKING_CLUSTER_TESTS:-1}"; fi
CLUSTER_TEST_TIMEOUT="${FASTBOOKING_CLUSTER_TEST_TIMEOUT:-1200}"
CLUSTER_TEST_FILTER="${FASTBOOKING_CLUSTER_TEST_FILTER:-FullyQualifiedName~FastBooking.Api.Tests.ReadModel.|FullyQualifiedName~FastBooking.Api.Tests.Booking.ConcurrencyTests.Two_hundred_concurrent_bookings|FullyQualifiedName~FastBooking.Api.Tests.Booking.ConcurrencyTests.Concurrent_overlapping_starts}"
CLUSTER_TRX=redis-cluster.trx
CLUSTER="$REPO_ROOT/scripts/redis-cluster.sh"
CLUSTER_STARTED=0

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# No build servers that outlive this script (they would hold CI's output pipe open).
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 UseSharedCompilation=false

summary_and_exit() { # passed failed skipped rc
  local line="$1 passed, $2 failed"
  [ "${3:-0}" -gt 0 ] && line="$line, $3 skipped"
  echo "$line"
  exit "$4"
}

command -v dotnet >/dev/null 2>&1 || { echo "[test] ERROR: dotnet SDK not found on PATH" >&2; summary_and_exit 0 0 0 1; }

if [ "${FASTBOOKING_SKIP_SERVICES:-0}" != "1" ]; then
  if ! "$REPO_ROOT/scripts/services.sh"; then
    echo "[test] ERROR: scripts/services.sh failed: PostgreSQL/Redis are not available" >&2
    summary_and_exit 0 0 0 1
  fi
fi

# The OpenAPI linter the contract tests run (npm, pinned by tests/openapi-lint/package-lock.json).
if [ ! -f "$REPO_ROOT/tests/openapi-lint/node_modules/@redocly/cli/bin/cli.js" ]; then
  if command -v npm >/dev/null 2>&1; then
    npm ci --prefix "$REPO_ROOT/tests/openapi-lint" --no-audit --no-fund --loglevel=error </dev/null \
      || echo "[test] WARNING: npm ci in tests/openapi-lint failed: the OpenAPI lint test will fail" >&2
  else
    echo "[test] WARNING: npm not found: the OpenAPI lint test will fail (it needs Node 20+)" >&2
  fi
fi

export FASTBOOKING_TEST_POSTGRES="${FASTBOOKING_TEST_POSTGRES:-Host=127.0.0.1;Port=5432;Database=fastbooking_test;Username=fastbooking;Password=fastbooking;SSL Mode=Disable;Max Auto Prepare=64}"
export FASTBOOKING_TEST_REDIS="${FASTBOOKING_TEST_REDIS:-127.0.0.1:6379}"

rm -rf "$RESULTS_DIR"
mkdir -p "$RESULTS_DIR"

echo "[test] dotnet test FastBooking.sln -c Release (results: ${RESULTS_DIR#"$REPO_ROOT"/})"
timeout --kill-after=60 "$TEST_TIMEOUT" \
  dotnet test FastBooking.sln -c Release --disable-build-servers \
    --logger "trx" --results-directory "$RESULTS_DIR" \
    --blame-hang-timeout 15m --blame-hang-dump-type none \
    "$@" </dev/null
rc=$?
if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
  echo "[test] ERROR: dotnet test did not finish within ${TEST_TIMEOUT}s" >&2
fi

# The Redis tests again, against a real Redis Cluster (unless the build failed: then there is nothing to run).
cluster_rc=0
stop_cluster() { # stops the cluster only if this script started it
  [ "$CLUSTER_STARTED" -eq 1 ] || return 0
  CLUSTER_STARTED=0
  "$CLUSTER" stop
}
trap 'stop_cluster >/dev/null 2>&1' EXIT
if [ "$CLUSTER_TESTS" = "1" ] && find "$RESULTS_DIR" -name '*.trx' | grep -q .; then
  "$CLUSTER" status >/dev/null 2>&1 || CLUSTER_STARTED=1
  if "$CLUSTER" start; then
    seeds="$("$CLUSTER" seeds)"
    echo "[test] the Redis tests against the Redis Cluster $seeds (results: ${RESULTS_DIR#"$REPO_ROOT"/}/$CLUSTER_TRX)"
    started_at=$SECONDS
    FASTBOOKING_TEST_REDIS="$seeds" timeout --kill-after=60 "$CLUSTER_TEST_TIMEOUT" \
      dotnet test tests/FastBooking.Api.Tests/FastBooking.Api.Tests.csproj -c Release --no-build --disable-build-servers \
        --filter "$CLUSTER_TEST_FILTER" \
        --logger "trx;LogFileName=$CLUSTER_TRX" --results-directory "$RESULTS_DIR" \
        --blame-hang-timeout 10m --blame-hang-dump-type none </dev/null
    cluster_rc=$?
    echo "[test] the Redis Cluster run took $((SECONDS - started_at)) s"
    if [ "$cluster_rc" -eq 124 ] || [ "$cluster_rc" -eq 137 ]; then
      echo "[test] ERROR: the Redis Cluster run did not finish within ${CLUSTER_TEST_TIMEOUT}s" >&2
    fi
    if [ ! -f "$RESULTS_DIR/$CLUSTER_TRX" ]; then
      echo "[test] ERROR: the Redis Cluster run wrote no $CLUSTER_TRX (see output above)" >&2
      [ "$cluster_rc" -ne 0 ] || cluster_rc=1
    fi
  else
    echo "[test] ERROR: scripts/redis-cluster.sh start failed: the Redis tests did not run against a cluster" >&2
    cluster_rc=1
  fi
  stop_cluster
fi

# Sum the <Counters .../> of every TRX file. Failed counts failed+error+timeout+aborted;
# skipped counts whatever was neither passed nor failed (xUnit Skip, inconclusive).
read -r files total passed failed skipped < <("$REPO_ROOT/scripts/trx-summary.sh" "$RESULTS_DIR")

if [ "${files:-0}" -eq 0 ]; then
  echo "[test] ERROR: no TRX results were written (build failure or test host crash; see output above)" >&2
  summary_and_exit 0 0 0 1
fi

status=0
if [ "$rc" -ne 0 ]; then
  if [ "$failed" -eq 0 ]; then
    echo "[test] ERROR: dotnet test exited with $rc although no counted test failed: a project failed to build, a test host crashed or the run was aborted (see output above)" >&2
  else
    echo "[test] dotnet test exited with $rc" >&2
  fi
  status=1
fi
if [ "$cluster_rc" -ne 0 ]; then
  echo "[test] the Redis Cluster run failed (exit $cluster_rc)" >&2
  status=1
fi
if [ "$failed" -gt 0 ]; then
  status=1
fi
if [ "$((passed + failed))" -eq 0 ]; then
  echo "[test] ERROR: no test ran" >&2
  status=1
fi
echo "[test] $files TRX file(s), $total test(s) in total"
summary_and_exit "$passed" "$failed" "$skipped" "$status"
