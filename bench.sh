#!/usr/bin/env bash
# Runs the load benchmarks (figures as ratios against raw baselines measured in the same run)
# against a throwaway PostgreSQL unless PM_TEST_POSTGRES names one. `./bench.sh micro` runs the
# BenchmarkDotNet micro benchmarks instead.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/throwaway-postgres.sh
pm_start_pg_unless_given
dotnet run -c Release --project tests/PositionManager.Benchmarks -- "$@"
