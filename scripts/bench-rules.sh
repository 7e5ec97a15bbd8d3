#!/usr/bin/env bash
# Rules-engine benchmarks: one cloud-use decision, add-business-days, and the cold start of
# `fincloud rules evaluate` as a published ReadyToRun binary. Never part of the test run.
# Extra arguments go to BenchmarkDotNet, e.g. --filter '*BusinessDay*'.
set -euo pipefail
cd "$(dirname "$0")/.."
rid=${RID:-linux-x64}
out=artifacts/publish/fincloud-r2r
# Framework-dependent ReadyToRun: precompiled code for our assemblies without shipping the runtime.
# (A self-contained composite image also precompiles the framework's generics but takes minutes of
# crossgen for the database libraries the CLI carries; Native AOT is ruled out for the same reason.)
dotnet publish src/FinCloud.Cli -c Release -r "$rid" --self-contained false \
  -p:PublishReadyToRun=true -o "$out" >/dev/null
export FINCLOUD_CLI=$PWD/$out/fincloud
filters=(--filter '*CloudUseDecisionBenchmarks*' '*BusinessDayBenchmarks*' '*CliColdStartBenchmarks*')
[ "$#" -gt 0 ] && filters=()
# In-process: the benchmark project is built once here, not regenerated per job (slow on a shared 2-core machine).
dotnet run -c Release --project bench/FinCloud.Benchmarks -- --inProcess --artifacts artifacts/benchmarks "${filters[@]}" "$@"
