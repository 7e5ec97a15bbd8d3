#!/usr/bin/env bash
# Rules-engine benchmarks: one cloud-use decision, add-business-days, and the cold start of
# `fincloud rules evaluate` as the published binary. Never part of the test run.
# Extra arguments go to BenchmarkDotNet, e.g. --filter '*BusinessDay*'.
set -euo pipefail
cd "$(dirname "$0")/.."
rid=${RID:-linux-x64}
out=artifacts/publish/fincloud
# The CLI as it ships (docs/deployment.md): self-contained with one composite ReadyToRun image of our
# assemblies and the framework, so even the framework's generics over our types (JSON metadata, lists of
# our records) come precompiled. The composite compile takes minutes; it is done once here, not per run.
bash scripts/publish-cli.sh "$rid" "$out"
export FINCLOUD_CLI=$PWD/$out/fincloud
filters=(--filter '*CloudUseDecisionBenchmarks*' '*BusinessDayBenchmarks*' '*CliColdStartBenchmarks*')
[ "$#" -gt 0 ] && filters=()
# In-process: the benchmark project is built once here, not regenerated per job (slow on a shared 2-core machine).
dotnet run -c Release --project bench/FinCloud.Benchmarks -- --inProcess --artifacts artifacts/benchmarks "${filters[@]}" "$@"
