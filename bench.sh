#!/usr/bin/env bash
# Runs the load benchmarks (figures as ratios against raw baselines measured in the same run)
# against a throwaway PostgreSQL unless PM_TEST_POSTGRES names one. `./bench.sh micro` runs the
# BenchmarkDotNet micro benchmarks instead.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/throwaway-postgres.sh
pm_start_pg_unless_given
if [ "${1:-}" = micro ]; then
  exec dotnet run -c Release --project tests/PositionManager.Benchmarks -- "$@"
fi
# The harness hosts nodes in its own process, so it runs as the container image runs the node:
# published for linux-x64, hence ReadyToRun (src/NodeRuntime.props). The processes it starts
# beside it (a member to kill, a broker) come from the plain build.
dotnet build -c Release tests/PositionManager.Benchmarks -v quiet -nologo
published=tests/PositionManager.Benchmarks/bin/Release/readytorun
dotnet publish tests/PositionManager.Benchmarks -c Release -r linux-x64 --self-contained false -v quiet -nologo -o "$published"
dotnet "$published/PositionManager.Benchmarks.dll" "$@"
