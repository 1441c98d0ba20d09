#!/usr/bin/env bash
# Functions worker start-up with and without ReadyToRun (issue 13 point 7). A benchmark, not a test.
#
# Publishes src/Segments.Functions twice for linux-x64 (ReadyToRun, as `dotnet publish -c Release` does, and the
# same with -p:PublishReadyToRun=false), seeds a private Azurite with the sample export and one run through the
# app itself, then starts the real Functions runtime (../shared/tools/functions-host) cold over each folder RUNS
# times, alternating, and times from the start of the processes to the first 200 of GET /api/health (an
# in-process invocation that touches no storage) and of a customer lookup (GET /api/customers/12662: storage,
# the active run, the lookup cache), measured from the host process's start and from the worker process's start
# (its start time from /proc); also when the worker reported itself initialized, and the duration the runtime logged
# for the first GetHealth and GetCustomer invocations. Prints the medians, each start's numbers, and both sizes.
#
# usage: bash bench/functions-startup/run.sh [RUNS]      (default 5; needs npm ci for Azurite)
set -euo pipefail
runs=${1:-5}
root=$(cd "$(dirname "$0")/../.." && pwd)
runtime=$root/../shared/tools/functions-host
[ -x "$runtime/run-host.sh" ] || [ -f "$runtime/run-host.sh" ] || { echo "the Functions runtime is not at $runtime (../shared/tools/functions-host)"; exit 1; }
[ -x "$root/node_modules/.bin/azurite" ] || { echo "Azurite is not installed: run 'npm ci' at the repository root"; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/functions-startup.XXXXXX")
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -- "-$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
wait_for_200() { # URL [KEY] -> waits up to 180 s
  local deadline=$(( $(now_ms) + 180000 ))
  while [ "$(curl -s -o /dev/null -w '%{http_code}' ${2:+-H "x-functions-key: $2"} "$1")" != 200 ]; do
    [ "$(now_ms)" -lt "$deadline" ] || { echo "no 200 from $1 within 180 s" >&2; return 1; }
    sleep 0.05
  done
}
json() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const v=eval("("+s.replace(/^\uFEFF/,"")+")"+process.argv[1]);console.log(v)})' "$1"; }

echo "== publishing (linux-x64, framework-dependent): ReadyToRun and plain IL"
(cd "$root" && dotnet publish src/Segments.Functions -c Release -o "$work/r2r" --nologo -nodeReuse:false -p:UseSharedCompilation=false >"$work/publish-r2r.log" 2>&1) \
  || { cat "$work/publish-r2r.log"; exit 1; }
(cd "$root" && dotnet publish src/Segments.Functions -c Release -o "$work/jit" -p:PublishReadyToRun=false --nologo -nodeReuse:false -p:UseSharedCompilation=false >"$work/publish-jit.log" 2>&1) \
  || { cat "$work/publish-jit.log"; exit 1; }

blob=$(free_port); queue=$(free_port); table=$(free_port)
setsid "$root/node_modules/.bin/azurite" --inMemoryPersistence --disableTelemetry --skipApiVersionCheck --loose \
  --blobHost 127.0.0.1 --blobPort "$blob" --queueHost 127.0.0.1 --queuePort "$queue" --tableHost 127.0.0.1 --tablePort "$table" \
  >"$work/azurite.log" 2>&1 &
pids+=($!)
account_key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
export AzureWebJobsStorage="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$account_key;BlobEndpoint=http://127.0.0.1:$blob/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue/devstoreaccount1;TableEndpoint=http://127.0.0.1:$table/devstoreaccount1;"
export FUNCTIONS_HOST_WORKDIR=$work/runtime FUNCTIONS_SECRETS_PATH=$work/secrets
cat >"$work/settings.json" <<'EOF'
{"IsEncrypted": false, "Values": {"Segments__Schedule": "0 0 2 1 1 *", "Segments__HostId": "segments-startup-bench", "Segments__PageTokenKey": "bench"}}
EOF

start_runtime() { # APP_DIR -> sets host_pid, port, t0
  port=$(free_port)
  t0=$(now_ms)
  setsid bash "$runtime/run-host.sh" "$1" "$port" "$work/settings.json" >"$work/host-$port.log" 2>&1 &
  host_pid=$!
  pids+=("$host_pid")
}
stop_runtime() {
  kill -- "-$host_pid" 2>/dev/null || true
  while kill -0 "$host_pid" 2>/dev/null; do sleep 0.1; done
}
# Start time of a process in ms since boot (clock ticks of /proc/PID/stat field 22).
started_ms() { awk -v hz="$(getconf CLK_TCK)" '{ sub(/.*\) /, ""); print int($20 * 1000 / hz) }' "/proc/$1/stat"; }
worker_pid() { # the host's child that runs the app
  local child
  for child in $(pgrep -P "$1" || true); do
    if tr '\0' ' ' <"/proc/$child/cmdline" | grep -q 'Segments.Functions.dll'; then echo "$child"; return; fi
  done
}

echo "== seeding: the sample export and one run, through the app on the runtime"
(cd "$root" && dotnet run --project src/Segments.Cli -c Release -- upload --file samples/online-retail-sample.csv --connection "$AzureWebJobsStorage" >"$work/upload.log" 2>&1) \
  || { cat "$work/upload.log"; exit 1; }
start_runtime "$work/r2r"
base=http://127.0.0.1:$port
wait_for_200 "$base/api/health"
curl -s -o /dev/null "$base/admin/host/status?code=bootstrap"   # the runtime writes its keys when a key is first presented
for _ in $(seq 1 100); do [ -s "$FUNCTIONS_SECRETS_PATH/host.json" ] && break; sleep 0.1; done
master=$(json '.masterKey.value' <"$FUNCTIONS_SECRETS_PATH/host.json")
function_key=$(json '.functionKeys[0].value' <"$FUNCTIONS_SECRETS_PATH/host.json")
system_key=$(curl -s -X POST -H "x-functions-key: $master" "$base/admin/host/systemkeys/blobs_extension" | json '.value')
curl -s -o /dev/null -X POST -H 'aeg-event-type: Notification' -H 'Content-Type: application/json' \
  "$base/runtime/webhooks/blobs?functionName=Host.Functions.IngestBatch&code=$system_key" \
  -d "[{\"id\":\"1\",\"topic\":\"/subscriptions/0/resourceGroups/bench/providers/Microsoft.Storage/storageAccounts/devstoreaccount1\",\"subject\":\"/blobServices/default/containers/transactions/blobs/online-retail-sample.csv\",\"eventType\":\"Microsoft.Storage.BlobCreated\",\"eventTime\":\"2026-01-01T00:00:00Z\",\"dataVersion\":\"\",\"metadataVersion\":\"1\",\"data\":{\"api\":\"PutBlob\",\"url\":\"http://127.0.0.1:$blob/devstoreaccount1/transactions/online-retail-sample.csv\",\"blobType\":\"BlockBlob\"}}]"
for _ in $(seq 1 600); do curl -s -H "x-functions-key: $function_key" "$base/api/batches" | grep -q '"status":"accepted"' && break; sleep 0.2; done
run=$(curl -s -X POST -H "x-functions-key: $master" "$base/api/runs" -d '{"asOf":"2011-12-10"}' | json '.runId')
for _ in $(seq 1 600); do curl -s -H "x-functions-key: $function_key" "$base/api/runs/$run" | grep -q '"status":"succeeded"' && break; sleep 0.2; done
wait_for_200 "$base/api/customers/12662" "$function_key"
stop_runtime

# Duration the runtime logged for the first invocation of FUNCTION (the worker's own time for it, JIT included).
first_invocation_ms() { grep -m1 -o "Executed 'Functions.$2' (Succeeded, Id=[^,]*, Duration=[0-9]*ms)" "$1" | sed 's/.*Duration=\([0-9]*\)ms)/\1/'; }
measure() { # LABEL APP_DIR -> one line of results:
  # label, host start->health 200, worker start->initialized, worker start->health 200, first health invocation,
  # host start->lookup 200, worker start->lookup 200, first lookup invocation (ms)
  start_runtime "$2"
  local log=$work/host-$port.log init_file=$work/init-$port
  # The runtime logs this line when the worker has connected back over gRPC and answered its init request.
  ( until grep -q 'Worker process started and initialized' "$log" 2>/dev/null; do sleep 0.02; done; now_ms >"$init_file" ) &
  local watcher=$!
  wait_for_200 "http://127.0.0.1:$port/api/health"
  local health=$(( $(now_ms) - t0 ))
  wait_for_200 "http://127.0.0.1:$port/api/customers/12662" "$function_key"
  local lookup=$(( $(now_ms) - t0 ))
  wait "$watcher"
  local worker; worker=$(worker_pid "$host_pid")
  local offset=$(( $(started_ms "$worker") - $(started_ms "$host_pid") ))
  local init=$(( $(cat "$init_file") - t0 - offset ))
  local first_health; first_health=$(first_invocation_ms "$log" GetHealth)
  local first_lookup; first_lookup=$(first_invocation_ms "$log" GetCustomer)
  stop_runtime
  echo "$1 $health $init $(( health - offset )) $first_health $lookup $(( lookup - offset )) $first_lookup" >>"$work/results"
  printf '  %-4s host->health %5d | worker->init %5d, ->health %5d (first GetHealth %4d ms), ->lookup %5d (first GetCustomer %4d ms) | worker started %d ms after the host\n' \
    "$1" "$health" "$init" $(( health - offset )) "$first_health" $(( lookup - offset )) "$first_lookup" "$offset"
}

echo "== warm-up start of each (page cache), not counted"
measure r2r "$work/r2r" >/dev/null; measure jit "$work/jit" >/dev/null; : >"$work/results"
echo "== $runs cold starts of each, alternating (uptime load: $(cut -d' ' -f1-3 /proc/loadavg))"
for _ in $(seq 1 "$runs"); do measure r2r "$work/r2r"; measure jit "$work/jit"; done

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }
echo "== medians of $runs starts (ms)"
header=("host->health" "worker->init" "worker->health" "1st GetHealth" "host->lookup" "worker->lookup" "1st GetCustomer")
printf '  %-4s' ""; printf ' %15s' "${header[@]}"; echo
for label in r2r jit; do
  printf '  %-4s' "$label"
  for c in 2 3 4 5 6 7 8; do printf ' %15s' "$(awk -v l="$label" -v c="$c" '$1 == l { print $c }' "$work/results" | median)"; done
  echo
done
zip_bytes() { python3 -c 'import os,sys,zipfile,io
b=io.BytesIO(); z=zipfile.ZipFile(b,"w",zipfile.ZIP_DEFLATED)
for d,_,fs in os.walk(sys.argv[1]):
    for f in fs: p=os.path.join(d,f); z.write(p,os.path.relpath(p,sys.argv[1]))
z.close(); print(len(b.getvalue()))' "$1"; }
echo "== publish folder size (bytes): folder, deflate zip (what zip deploy uploads)"
for label in r2r jit; do printf '  %-4s %12s %12s\n' "$label" "$(du -sb "$work/$label" | cut -f1)" "$(zip_bytes "$work/$label")"; done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
