#!/usr/bin/env bash
# Peak RSS of the local host for one run, scored from the whole population and bucket by bucket (Segments:BucketedRuns),
# on the same ingested export (issue 19 point 3). Builds the host and CLI (Release), starts Azurite (free loopback ports,
# data on disk in a fresh temporary directory), ingests FILE by blob with a first host and runs once (that run builds the
# per-bucket state), stops it; then for each mode a fresh host runs once more (the state is up to date) and its VmHWM is
# read when the run's record is final. RECOMMENDATIONS=false also runs both modes without the recommender;
# BUCKETED_MODES="true" measures the bucketed mode only.
# Usage: flock /work/bench.lock bench/bucketrun/run.sh [FILE]   (default /tmp/segments-generated-1024MiB-seed1.csv)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
file="${1:-/tmp/segments-generated-1024MiB-seed1.csv}"
[ -f "$file" ] || dotnet run -c Release --project "$root/src/Segments.Cli" -- generate --megabytes 1024 --seed 1 --out "$file"
dotnet build "$root/src/Segments.Host" -c Release -v q -nologo >/dev/null
dotnet build "$root/src/Segments.Cli" -c Release -v q -nologo >/dev/null
host="$root/src/Segments.Host/bin/Release/net10.0/Segments.Host.dll"
cli="$root/src/Segments.Cli/bin/Release/net10.0/segments.dll"
admin_key=bench-admin-key function_key=bench-function-key
work="$(mktemp -d /tmp/bucketrun-bench.XXXXXX)"

now() { date +%s.%N; }
seconds() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$1" "$2"; }
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
hwm_mb() { awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$1/status" 2>/dev/null || echo "?"; }

host_pid="" azurite=""
cleanup() {
  [ -n "$host_pid" ] && kill "$host_pid" 2>/dev/null || true
  [ -n "$azurite" ] && kill "$azurite" 2>/dev/null || true
  wait 2>/dev/null || true
  # The host's log outlives the temporary directory: a failed run is read from it.
  mkdir -p /tmp/bucketrun-logs && cp "$work"/*.log /tmp/bucketrun-logs/ 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT INT TERM
echo "load before: $(cat /proc/loadavg)"

blob=$(port); queue=$(port); table=$(port)
NODE_OPTIONS="--max-old-space-size=8192" "$root/node_modules/.bin/azurite" --silent --location "$work/azurite" --skipApiVersionCheck --disableTelemetry --loose \
  --blobHost 127.0.0.1 --blobPort "$blob" --queueHost 127.0.0.1 --queuePort "$queue" --tableHost 127.0.0.1 --tablePort "$table" >"$work/azurite.log" 2>&1 &
azurite=$!
for _ in $(seq 1 120); do listening "$table" && listening "$blob" && break; sleep 0.5; done
key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
cs="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$blob/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue/devstoreaccount1;TableEndpoint=http://127.0.0.1:$table/devstoreaccount1;"
base=""

# start_host BUCKETED RECOMMENDATIONS: a fresh host process.
start_host() {
  local p; p=$(port)
  env AzureWebJobsStorage="$cs" Segments__AdminKey="$admin_key" Segments__FunctionKey="$function_key" Segments__PollIntervalSeconds=1 \
    Segments__BucketedRuns="$1" Segments__Recommendations__Enabled="$2" \
    dotnet "$host" --urls "http://127.0.0.1:$p" >>"$work/host.log" 2>&1 &
  host_pid=$!
  base="http://127.0.0.1:$p"
  for _ in $(seq 1 240); do curl -sf "$base/api/health" -o /dev/null && return 0; sleep 0.5; done
  echo "host did not start" >&2; tail -n 50 "$work/host.log" >&2; exit 1
}
stop_host() { kill "$host_pid"; wait "$host_pid" 2>/dev/null || true; host_pid=""; }

# run AS_OF LABEL: requests a run, waits for its final record, prints the host's peak RSS and the record's numbers.
run() {
  local location record started
  started=$(now)
  # `|| true`: under `set -e -o pipefail` a 503 from the API (storage busy) ended the script here.
  location=$(curl -s -D - -o /dev/null -X POST "$base/api/runs" -H "x-functions-key: $admin_key" -H 'Content-Type: application/json' \
    -d "{\"asOf\":\"$1\"}" | tr -d '\r' | sed -n 's/^Location: //Ip' || true)
  [ -n "$location" ] || { echo "RESULT $2: POST /api/runs did not answer 202 with a Location"; return 1; }
  local final='type == "object" and (.status == "succeeded" or .status == "failed") and .finishedAt != null and (.costUsd != null or .status == "failed")'
  for _ in $(seq 1 72000); do
    record=$(curl -s -m 60 "$base$location?code=$function_key" || true)
    [ -n "$record" ] && jq -e "$final" >/dev/null 2>&1 <<<"$record" && break
    kill -0 "$host_pid" 2>/dev/null || { echo "RESULT $2: the host exited: $(grep -m1 -iE 'OutOfMemory|fatal|unhandled' "$work/host.log")"; return 1; }
    sleep 0.5
  done
  jq -e "$final" >/dev/null 2>&1 <<<"$record" || { echo "RESULT $2: no final run record after 10 hours"; return 1; }
  echo "RESULT $2: requested to final record $(seconds "$started" "$(now)") s; host peak RSS $(hwm_mb "$host_pid") MB; Azurite $(hwm_mb "$azurite") MB"
  # A record jq cannot read (or none) is shown as it is, with the host's last log lines, instead of silently comparing nothing.
  if ! jq -e '.status' >/dev/null 2>&1 <<<"$record"; then
    echo "  the run record could not be read (${#record} characters): ${record:0:2000}"; tail -n 40 "$work/host.log"; return 1
  fi
  [ "$(jq -r '.status' <<<"$record")" = succeeded ] || tail -n 40 "$work/host.log"
  jq -r '"  status \(.status)\(if .error then ": " + .error else "" end); lines \(.transactionsRead), customers \(.customersScored); stages (ms): \(.stageDurationsMs | to_entries | map("\(.key) \(.value)") | join(", "))"' <<<"$record"
  jq -c '{transactionsRead, customersScored, segments, predictiveSegments: .predictions.segments}' <<<"$record" >"$work/sizes-$2.json"
}

as_of=$(date -u -d "$(tail -n 1 "$file" | awk -F, '{print substr($(NF-3), 1, 10)}') + 1 day" +%F)
start_host false true
started=$(now)
etag=$(dotnet "$cli" upload --file "$file" --connection "$cs" | sed -n 's/.*(ETag \(.*\))$/\1/p')
for _ in $(seq 1 36000); do
  status=$(curl -sf "$base/api/batches?code=$function_key" | jq -r --arg e "$etag" '[.[] | select(.eTag == $e)][0].status // ""' || true)
  [ "$status" = accepted ] && break
  [ "$status" = rejected ] || [ "$status" = failed ] && { echo "the export was $status" >&2; exit 1; }
  sleep 0.5
done
echo "RESULT ingest of $(basename "$file"): $(seconds "$started" "$(now)") s"
run "$as_of" "first run (builds the state)"
stop_host

modes=("true")
[ "${RECOMMENDATIONS:-true}" = false ] && modes+=("false")
for recs in "${modes[@]}"; do
  for bucketed in ${BUCKETED_MODES:-false true}; do
    start_host "$bucketed" "$recs"
    run "$as_of" "bucketed=$bucketed recommendations=$recs" || true
    stop_host
  done
  if cmp -s "$work/sizes-bucketed=false recommendations=$recs.json" "$work/sizes-bucketed=true recommendations=$recs.json"; then
    echo "RESULT recommendations=$recs: both modes give the same lines, customers, RFM segment and predictive segment sizes"
  else
    echo "RESULT recommendations=$recs: the sizes DIFFER"; cat "$work"/sizes-*"recommendations=$recs.json"
  fi
done
echo "load after: $(cat /proc/loadavg)"
