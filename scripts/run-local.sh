#!/usr/bin/env bash
# Sets up and runs Segments locally: installs the pinned Azurite, starts it (loopback only, no telemetry),
# builds and starts the host, uploads the bundled sample export, runs a recompute and prints where to look.
# Leaves Azurite and the host running until Ctrl+C.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

port="${SEGMENTS_PORT:-7071}"
base="http://127.0.0.1:${port}"
admin_key="${Segments__AdminKey:-local-admin-key}"
function_key="${Segments__FunctionKey:-local-function-key}"
state="$root/.azurite"
mkdir -p "$state"

step() { printf '\n==> %s\n' "$*"; }
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_for() {  # wait_for SECONDS DESCRIPTION COMMAND...
  local seconds=$1 what=$2; shift 2
  for _ in $(seq $((seconds * 5))); do "$@" && return 0; sleep 0.2; done
  echo "Gave up after ${seconds}s waiting for ${what}." >&2; return 1
}

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT INT TERM

step "Installing Azurite 3.35.0 (npm ci)"
npm ci --no-audit --no-fund --loglevel=error

step "Building (Release)"
dotnet build Functions.sln -c Release -nologo -v quiet

if listening 10000 && listening 10001 && listening 10002; then
  step "Storage emulator already listening on 10000-10002: using it"
else
  step "Starting Azurite (data in .azurite/, log in .azurite/azurite.log)"
  node_modules/.bin/azurite --location "$state" --disableTelemetry --skipApiVersionCheck --loose \
    --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 >"$state/azurite.log" 2>&1 &
  pids+=($!)
  wait_for 30 "Azurite" bash -c "(exec 3<>/dev/tcp/127.0.0.1/10000) && (exec 3<>/dev/tcp/127.0.0.1/10002)" 2>/dev/null
fi

step "Starting the Segments host on ${base} (log in .azurite/host.log)"
export AzureWebJobsStorage="UseDevelopmentStorage=true"
export Segments__AdminKey="$admin_key"
export Segments__FunctionKey="$function_key"
export Segments__PollIntervalSeconds="${Segments__PollIntervalSeconds:-2}"
dotnet src/Segments.Host/bin/Release/net10.0/Segments.Host.dll --urls "$base" >"$state/host.log" 2>&1 &
pids+=($!)
wait_for 60 "the host" curl -sf "${base}/api/health" -o /dev/null || { cat "$state/host.log" >&2; exit 1; }

step "Uploading samples/online-retail-sample.csv to container 'transactions'"
uploaded=$(dotnet src/Segments.Cli/bin/Release/net10.0/segments.dll upload --file samples/online-retail-sample.csv)
echo "$uploaded"
etag=$(sed -n 's/.*(ETag \(.*\))$/\1/p' <<<"$uploaded")
# Wait for this upload's version (a rerun finds the previous one in the ledger already), priced and final.
batch_done() {
  curl -sf "${base}/api/batches?code=${function_key}" | node -e '
    let s = ""; process.stdin.on("data", d => s += d).on("end", () => {
      const b = JSON.parse(s).find(x => x.eTag === process.argv[1]);
      process.exit(b && b.costUsd && b.status === "accepted" ? 0 : 1);
    });' "${1:-$etag}"
}
wait_for 60 "the blob trigger to ingest the sample" batch_done

step "Uploading samples/customers-sample.csv (synthetic customer profiles) to container 'customers'"
uploaded_profiles=$(dotnet src/Segments.Cli/bin/Release/net10.0/segments.dll upload --customers --file samples/customers-sample.csv)
echo "$uploaded_profiles"
profiles_etag=$(sed -n 's/.*(ETag \(.*\))$/\1/p' <<<"$uploaded_profiles")
wait_for 60 "the blob trigger to ingest the customer profiles" batch_done "$profiles_etag"
curl -s "${base}/api/batches?code=${function_key}"; echo

step "Uploading samples/events-sample.jsonl (synthetic Segment-spec behaviour events) to container 'events'"
uploaded_events=$(dotnet src/Segments.Cli/bin/Release/net10.0/segments.dll upload --events --file samples/events-sample.jsonl)
echo "$uploaded_events"
events_etag=$(sed -n 's/.*(ETag \(.*\))$/\1/p' <<<"$uploaded_events")
wait_for 60 "the blob trigger to ingest the behaviour events" batch_done "$events_etag"

step "Uploading samples/products-sample.csv (synthetic product catalog) as config/products.csv"
dotnet src/Segments.Cli/bin/Release/net10.0/segments.dll upload --config --file samples/products-sample.csv --name products.csv

step "Recomputing segments as of 2011-12-10 (the day after the sample's last order)"
location=$(curl -sf -D - -o /dev/null -X POST "${base}/api/runs" -H "x-functions-key: ${admin_key}" \
  -H 'Content-Type: application/json' -d '{"asOf":"2011-12-10"}' | tr -d '\r' | sed -n 's/^Location: //Ip')
# "succeeded" comes when the generation goes live; the end time, usage and cost a moment later.
wait_for 120 "run ${location}" bash -c "curl -sf '${base}${location}?code=${function_key}' | grep -q '\"status\":\"\(succeeded\|failed\)\".*\"finishedAt\":\"'"
if curl -sf "${base}${location}?code=${function_key}" | grep -q '"status":"failed"'; then
  echo "The run failed:" >&2; curl -s "${base}${location}?code=${function_key}" >&2; echo >&2; exit 1
fi
curl -s "${base}${location}?code=${function_key}"; echo

step "Ready. Try:"
cat <<EOT
  curl '${base}/api/customers/12662?code=${function_key}'        # which segments is customer 12662 in?
  curl '${base}/api/segments?code=${function_key}'               # segments of the active run: sizes, ids, definitions
  curl '${base}/api/segments/rfm:Champions/customers?pageSize=10&code=${function_key}'   # a segment's customers, paged
  curl '${base}/api/segments/behaviour:Cart%20Abandoners/customers?code=${function_key}'  # cart abandoners, each with the abandoned cart
  curl -H 'Accept: text/csv' '${base}/api/segments/rfm:Champions/customers?code=${function_key}'   # ... the whole segment as CSV
  curl '${base}${location}?code=${function_key}'   # the run: counts, stage durations, usage and costUsd
  curl '${base}/api/runs?format=csv&code=${function_key}'        # every run as CSV
  curl '${base}/api/batches?code=${function_key}'                # the Batches ledger
  curl -X POST ${base}/api/runs -H 'x-functions-key: ${admin_key}' -d '{"asOf":"2011-12-10"}'
  ${base}/api/dashboard?code=${function_key}   # the dashboard: segment sizes, R x F grid, movement, run cost (open in a browser)
  ${base}/api/docs                       # API reference (OpenAPI: ${base}/api/openapi.json)

Customer 12662 right now:
EOT
curl -s "${base}/api/customers/12662?code=${function_key}"; echo
printf '\nDrop more exports with: dotnet src/Segments.Cli/bin/Release/net10.0/segments.dll upload --file FILE\n'
printf 'Azurite and the host keep running; press Ctrl+C to stop them.\n'
wait
