#!/usr/bin/env bash
# Runs every test of the solution against a throwaway PostgreSQL (scripts/throwaway-postgres.sh)
# unless PM_TEST_POSTGRES names one, and ends with one line: "Tests: N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")"
. scripts/throwaway-postgres.sh
pm_start_pg_unless_given

# The partition scenario puts nodes in network namespaces with `ip netns` (iproute2, as root); it
# fails loudly where they cannot be made. Install the tool where it is missing, as for PostgreSQL.
if ! command -v ip >/dev/null 2>&1; then
  echo "installing iproute2 (apt-get) for the partition scenario"
  sudo_cmd=""; [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq iproute2 >/dev/null
fi

# The console's browser tests drive Debian's chromium through its chromium-driver (Selenium, headless);
# nothing downloads a browser. Install both where missing, as for PostgreSQL and iproute2.
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  echo "installing chromium and chromium-driver (apt-get) for the console's browser tests"
  sudo_cmd=""; [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# Style first (.editorconfig): a misformatted file fails the run before anything is built.
echo "checking format (dotnet format --verify-no-changes)"
if ! dotnet format Actors.sln --verify-no-changes; then
  echo "format check failed: run 'dotnet format Actors.sln' and commit the result" >&2
  echo "Tests: 0 passed, 1 failed, 0 skipped"
  exit 1
fi

log=$(mktemp)
status=0
dotnet test Actors.sln -c Release 2>&1 | tee "$log" || status=$?

# One closing line for the whole run: the sum over every test assembly.
awk '/(Passed|Failed)! +- +Failed: /{
       for (i = 1; i <= NF; i++) { gsub(",", "", $(i+1)); if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
     } END { printf "Tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
exit "$status"
