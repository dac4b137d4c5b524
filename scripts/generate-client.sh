#!/usr/bin/env bash
# Regenerates the NSwag C# client the contract tests compile (tests/FastBooking.Api.Tests/Contract/Generated) from
# the OpenAPI document the engine serves; run it after changing an endpoint's contract, then run the tests.
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"
"$REPO_ROOT/scripts/services.sh" >/dev/null
export FASTBOOKING_TEST_POSTGRES="${FASTBOOKING_TEST_POSTGRES:-Host=127.0.0.1;Port=5432;Database=fastbooking_test;Username=fastbooking;Password=fastbooking;SSL Mode=Disable}"
export FASTBOOKING_TEST_REDIS="${FASTBOOKING_TEST_REDIS:-127.0.0.1:6379}"
FASTBOOKING_UPDATE_CLIENT=1 dotnet test tests/FastBooking.Api.Tests -c Release \
  --filter "FullyQualifiedName~GeneratedClientTests.The_committed_client_is_what_nswag_generates" </dev/null
