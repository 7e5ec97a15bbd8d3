#!/usr/bin/env bash
# Web load test over loopback on PostgreSQL: a throw-away cluster, the published app (Release) as one process,
# 50 institutions with an API key each, then closed-loop reads and writes. Never part of the test run.
# Usage: bash scripts/bench-web.sh [--seconds 20] [--concurrency 32] [--institutions 50] [--reads /api/deadlines]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/postgres.sh
dotnet publish src/FinCloud.Web -c Release -o artifacts/publish/web -v q -nologo >/dev/null
dotnet build bench/FinCloud.LoadDriver -c Release -v q -nologo >/dev/null
db="fincloud_load_$$"
psql_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
"$psql_bin/psql" "postgresql://postgres@127.0.0.1:$pg_port/postgres" -qc "CREATE DATABASE $db"
connection="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=$db;Maximum Pool Size=100"
data=$(mktemp -d /tmp/fincloud-load.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" Database__Provider=postgres \
  ConnectionStrings__FinCloud="$connection" Data__Directory="$data" Demo__Banner=false Logging__LogLevel__Default=Warning \
  dotnet artifacts/publish/web/FinCloud.Web.dll >"$data/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null; rm -rf "$data"; stop_postgres' EXIT
for _ in $(seq 1 240); do curl -fs "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.5; done
dotnet artifacts/bin/FinCloud.LoadDriver/release/FinCloud.LoadDriver.dll --url "http://127.0.0.1:$port" --connection "$connection" "$@"
