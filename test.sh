#!/usr/bin/env bash
# Runs every test of the solution against a throwaway PostgreSQL (scripts/throwaway-postgres.sh)
# unless PM_TEST_POSTGRES names one, and ends with one line: "Tests: N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")"
. scripts/throwaway-postgres.sh
pm_start_pg_unless_given

log=$(mktemp)
status=0
dotnet test Actors.sln -c Release 2>&1 | tee "$log" || status=$?

# One closing line for the whole run: the sum over every test assembly.
awk '/(Passed|Failed)! +- +Failed: /{
       for (i = 1; i <= NF; i++) { gsub(",", "", $(i+1)); if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
     } END { printf "Tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
exit "$status"
