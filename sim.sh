#!/usr/bin/env bash
# Seeded simulation of the whole system (issue 17): ./sim.sh --scenarios N [--seed S] [--scenario-seed X]
# The last line is "simulation: N scenarios, M violations"; the exit code is non-zero on any violation.
set -euo pipefail
cd "$(dirname "$0")"
dotnet build tests/PositionManager.Simulation -c Release -v quiet -nologo >/dev/null
exec dotnet run --no-build -c Release --project tests/PositionManager.Simulation -- "$@"
