#!/usr/bin/env bash
# Page render times on a volume demo: 2,000 cloud-use cases with 50,000 evidence records in the demo bank.
# Starts the app (Release) on a fresh SQLite file, or on a throw-away PostgreSQL with --postgres, waits for
# /health, then times each main page over loopback. Never part of the test run.
#   bash scripts/bench-pages.sh [--postgres] [--cases 2000] [--evidence-per-case 25] [--runs 30]
set -euo pipefail
cd "$(dirname "$0")/.."
cases=2000 evidence=25 runs=30 provider=sqlite
while [ $# -gt 0 ]; do
  case "$1" in
    --postgres) provider=postgres; shift ;;
    --cases) cases=$2; shift 2 ;;
    --evidence-per-case) evidence=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
dotnet build -c Release src/FinCloud.Web >/dev/null
dotnet build -c Release bench/FinCloud.Benchmarks >/dev/null
data=$(mktemp -d /tmp/fincloud-pages.XXXXXX)
password="Bench1!$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
export Data__Directory=$data Demo__Password=$password Demo__Banner=false Demo__Volume__Cases=$cases \
  Demo__Volume__EvidencePerCase=$evidence Jobs__Enabled=false ASPNETCORE_ENVIRONMENT=Production \
  Logging__LogLevel__Default=Warning
if [ "$provider" = postgres ]; then
  source scripts/postgres.sh
  export Database__Provider=postgres ConnectionStrings__FinCloud="$FINCLOUD_TEST_POSTGRES"
fi
dotnet artifacts/bin/FinCloud.Web/release/FinCloud.Web.dll --urls "http://127.0.0.1:$port" >"$data/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null; rm -rf "$data"' EXIT
started=$(date +%s)
until curl -sf "http://127.0.0.1:$port/health" >/dev/null; do
  kill -0 $app 2>/dev/null || { cat "$data/app.log" >&2; exit 1; }
  sleep 1
done
echo "app ready on $provider with $cases cases x $evidence evidence records after $(( $(date +%s) - started )) s (seeding included)"
dotnet artifacts/bin/FinCloud.Benchmarks/release/FinCloud.Benchmarks.dll pages --url "http://127.0.0.1:$port" --password "$password" --runs "$runs"
