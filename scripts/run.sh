#!/usr/bin/env bash
# Run the FastBooking engine locally: brings PostgreSQL and Redis up (scripts/services.sh), then
#   dotnet run -c Release --project src/FastBooking.Api
# listening on http://localhost:8080. The API applies its migrations and seeds the demo data at start-up.
# Every setting below can be overridden from the environment; extra arguments go to the app.
#   FASTBOOKING_ADMIN_KEY   admin API key (default: dev-admin-key)
set -uo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT" || exit 1

"$REPO_ROOT/scripts/services.sh" || { echo "[run] ERROR: scripts/services.sh failed" >&2; exit 1; }

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://localhost:8080}"
export ConnectionStrings__Postgres="${ConnectionStrings__Postgres:-Host=127.0.0.1;Port=5432;Database=fastbooking;Username=fastbooking;Password=fastbooking;Maximum Pool Size=40;SSL Mode=Disable;Max Auto Prepare=64}"
export ConnectionStrings__Redis="${ConnectionStrings__Redis:-127.0.0.1:6379}"
export FastBooking__SeedDemo="${FastBooking__SeedDemo:-true}"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
# The development key is refused outside Development: set FASTBOOKING_ADMIN_KEY (or FastBooking__AdminKey) there.
export FastBooking__AdminKey="${FastBooking__AdminKey:-${FASTBOOKING_ADMIN_KEY:-dev-admin-key}}"

echo "[run] FastBooking on $ASPNETCORE_URLS (Ctrl-C to stop)"
exec dotnet run -c Release --project src/FastBooking.Api -- "$@"
