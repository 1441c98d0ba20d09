#!/usr/bin/env bash
# Runs every test of Functions.sln. Installs the pinned Azurite first (the integration tests start it
# themselves on free loopback ports) and Chromium when it is missing (the dashboard tests drive it), then
# prints one summary line: "N passed, N failed, N skipped".
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

npm ci --no-audit --no-fund --loglevel=error || { echo "npm ci failed: Azurite could not be installed"; exit 1; }

# The dashboard tests draw the page in headless Chromium (Debian package). Pinned to the version they were
# checked with; Debian's security archive keeps only the newest build, so when the pin is gone the current
# package is installed instead, and the log says so. Without a browser those tests fail, saying why.
chromium_version="156.0.8078.79-1~deb12u1"
if [ ! -x /usr/bin/chromium ]; then
  as_root=""
  [ "$(id -u)" -eq 0 ] || as_root="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $as_root apt-get update \
    && { $as_root apt-get install -y --no-install-recommends "chromium=${chromium_version}" \
      || { echo "chromium=${chromium_version} is no longer in the archive: installing the current chromium"; \
           $as_root apt-get install -y --no-install-recommends chromium; }; } \
    || echo "Chromium could not be installed: the dashboard tests will fail"
fi

results="$root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"
dotnet test Functions.sln -c Release --logger "trx" --results-directory "$results" 2>&1 | tee "$root/artifacts/test-output.log"
status=${PIPESTATUS[0]}

# dotnet test prints a summary per test assembly; add them up from the TRX files.
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  total=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters")
  executed=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${total:-0} - ${executed:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1  # the run itself broke (build error, crash): never report that as green
fi
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$status"
