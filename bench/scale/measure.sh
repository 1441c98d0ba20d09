#!/usr/bin/env bash
# The timed part of bench/scale/run.sh, run by it under `flock /work/bench.lock`: `segments analyze` on the file, then
# Azurite (on free loopback ports, data on disk in a fresh temporary directory) and one or two published hosts; blob
# ingest of the file (or the history and day files), runs requested by POST /api/runs and read back from the run record.
# Arguments: MODE FILE DAILY_DIR PROCESSES "CHECKPOINTS" ANALYZE PUBLISH_DIR
# Environment: SCALEGEN_SETTINGS ("KEY=VALUE ..." host settings), SCALEGEN_LOCK_HELD (1: run.sh holds the lock for the
# whole measurement; 0: this script takes it around each timed run), SCALEGEN_RUN_TIMEOUT_S (default 10800).
set -euo pipefail
mode=$1 file=$2 daily=$3 processes=$4 checkpoints=$5 analyze=$6 publish=$7
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cli="$publish/cli/segments.dll"
host="$publish/host/Segments.Host.dll"
admin_key=bench-admin-key
function_key=bench-function-key
work="$(mktemp -d /tmp/scalegen-bench.XXXXXX)"
logs="${SCALEGEN_LOGS:-/tmp/scalegen-logs}"
mkdir -p "$logs"

now() { date +%s.%N; }
seconds() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$1" "$2"; }
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
hwm_mb() { awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$1/status" 2>/dev/null || echo "?"; }
day_of() { basename "$1" .csv | sed 's/^orders-//'; }
last_order_day() { tail -n 1 "$1" | awk -F, '{print substr($(NF-3), 1, 10)}'; }
day_after() { date -u -d "$1 + 1 day" +%F; }

# With --lock runs the lock is taken around each timed run (and analyze) only: fd 9 stays open on the lock file.
if [ "${SCALEGEN_LOCK_HELD:-1}" = 1 ]; then
  lock() { :; }; unlock() { :; }
else
  exec 9>/work/bench.lock
  lock() { local waited=$(now); flock 9; echo "  (bench lock taken after $(seconds "$waited" "$(now)") s of waiting; load $(cut -d' ' -f1-3 /proc/loadavg))"; }
  unlock() { flock -u 9; }
fi

# Host settings from --setting KEY=VALUE: the .NET configuration reads KEY from the environment with ':' as '__'.
host_settings=()
for kv in ${SCALEGEN_SETTINGS:-}; do host_settings+=("${kv%%=*}=${kv#*=}"); done
for i in "${!host_settings[@]}"; do k="${host_settings[$i]%%=*}"; host_settings[$i]="${k//:/__}=${host_settings[$i]#*=}"; done

pids=()
azurite=""
storage_pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${storage_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  cp "$work"/*.log "$work"/*.json "$work"/*.time "$logs/" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

echo "load before: $(cat /proc/loadavg)"
echo "file: $file ($(stat -c %s "$file") bytes, $(($(wc -l <"$file") - 1)) rows)"

if [ "$analyze" = 1 ]; then
  lock
  as_of=$(day_after "$(last_order_day "$file")")
  cli_limit=()
  [ -n "${SCALEGEN_CLI_HEAP_LIMIT_MB:-}" ] && cli_limit=(env "DOTNET_GCHeapHardLimit=$(printf '0x%X' $((SCALEGEN_CLI_HEAP_LIMIT_MB * 1024 * 1024)))")
  /usr/bin/time -v -o "$work/analyze.time" "${cli_limit[@]}" dotnet "$cli" analyze --input "$file" --as-of "$as_of" >"$work/analyze.log" 2>&1 || echo "analyze failed (exit $?${SCALEGEN_CLI_HEAP_LIMIT_MB:+, GC heap capped at $SCALEGEN_CLI_HEAP_LIMIT_MB MB}): $(grep -m1 -iE 'exception|error' "$work/analyze.log")"
  echo "RESULT analyze: wall $(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/analyze.time"), peak RSS $(awk '/Maximum resident/ {printf "%.0f MB", $NF / 1024}' "$work/analyze.time"), $(grep -m1 -o 'customers[^,]*' "$work/analyze.log" || true)"
  unlock
fi

blob=$(port); queue=$(port); table=$(port)
# The emulator keeps tables in memory (LokiJS); a million customers' generation needs more than node's default heap.
# On disk it saves each database as one JSON string, and V8 strings end near 512 MiB: at 1M customers the table
# database passes that and Azurite aborts (V8 "Check failed" in JSON.stringify). SCALEGEN_AZURITE_IN_MEMORY=1 keeps
# everything in memory instead; the storage sizes after a run are then the blobs' only, listed by blob_sizes.mjs.
if [ "${SCALEGEN_AZURITE_IN_MEMORY:-0}" = 1 ]; then persistence=(--inMemoryPersistence); else persistence=(--location "$work/azurite"); fi
emulator=(--silent "${persistence[@]}" --skipApiVersionCheck --disableTelemetry --loose)
if [ "${SCALEGEN_AZURITE_PER_SERVICE:-0}" = 1 ]; then
  # One emulator process per service, as Azure serves them apart: a run's table writes saturate the table emulator's
  # one thread, and in a shared process the run lease's blob renewals then wait behind them (a 1M run under load
  # failed "the run lease could not be renewed for 30 s"). $azurite is the table emulator, the one that grows.
  "$root/node_modules/.bin/azurite-blob" "${emulator[@]}" --blobHost 127.0.0.1 --blobPort "$blob" >"$work/azurite-blob.log" 2>&1 &
  storage_pids+=($!)
  "$root/node_modules/.bin/azurite-queue" "${emulator[@]}" --queueHost 127.0.0.1 --queuePort "$queue" >"$work/azurite-queue.log" 2>&1 &
  storage_pids+=($!)
  NODE_OPTIONS="--max-old-space-size=${SCALEGEN_AZURITE_HEAP_MB:-12288}" "$root/node_modules/.bin/azurite-table" "${emulator[@]}" \
    --tableHost 127.0.0.1 --tablePort "$table" >"$work/azurite.log" 2>&1 &
  azurite=$!
else
  NODE_OPTIONS="--max-old-space-size=${SCALEGEN_AZURITE_HEAP_MB:-12288}" "$root/node_modules/.bin/azurite" "${emulator[@]}" \
    --blobHost 127.0.0.1 --blobPort "$blob" --queueHost 127.0.0.1 --queuePort "$queue" --tableHost 127.0.0.1 --tablePort "$table" >"$work/azurite.log" 2>&1 &
  azurite=$!
fi
storage_pids+=("$azurite")
for _ in $(seq 1 120); do listening "$table" && listening "$blob" && break; sleep 0.5; done
key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
cs="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$blob/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue/devstoreaccount1;TableEndpoint=http://127.0.0.1:$table/devstoreaccount1;"

host_ports=()
for i in $(seq 1 "$processes"); do host_ports+=("$(port)"); done
# Starts the hosts on their ports (logs appended, so a restart keeps the earlier lines) and waits until they answer.
start_hosts() {
  local i p b limit
  pids=(); bases=()
  for i in $(seq 1 "$processes"); do
    p=${host_ports[$((i - 1))]}
    # SCALEGEN_HOST_HEAP_LIMIT_MB caps each host's GC heap (DOTNET_GCHeapHardLimit): past it the host fails with
    # OutOfMemoryException instead of the machine's OOM killer picking a process, and it models an instance's memory.
    limit=()
    [ -n "${SCALEGEN_HOST_HEAP_LIMIT_MB:-}" ] && limit=(env "DOTNET_GCHeapHardLimit=$(printf '0x%X' $((SCALEGEN_HOST_HEAP_LIMIT_MB * 1024 * 1024)))")
    "${limit[@]}" env "${host_settings[@]}" AzureWebJobsStorage="$cs" Segments__AdminKey="$admin_key" Segments__FunctionKey="$function_key" Segments__PollIntervalSeconds=1 \
      dotnet "$host" --urls "http://127.0.0.1:$p" >>"$work/host-$i.log" 2>&1 &
    pids+=($!)
    bases+=("http://127.0.0.1:$p")
  done
  base="${bases[0]}"
  for b in "${bases[@]}"; do
    for _ in $(seq 1 240); do curl -sf "$b/api/health" -o /dev/null && break; sleep 0.5; done
    curl -sf "$b/api/health" -o /dev/null || { echo "host at $b did not start" >&2; cat "$work"/host-*.log >&2; exit 1; }
  done
}
# SCALEGEN_FRESH_HOSTS=1 (run.sh --fresh-hosts): new host processes before every run, as a cold serverless instance
# would run it, so that what a long-lived host accumulated over the ingests before does not count in the run.
restart_hosts() {
  kill "${pids[@]}" 2>/dev/null || true
  wait "${pids[@]}" 2>/dev/null || true
  start_hosts
}
start_hosts
echo "hosts: ${bases[*]} (pids ${pids[*]}), Azurite pid $azurite${SCALEGEN_HOST_HEAP_LIMIT_MB:+, host GC heap capped at $SCALEGEN_HOST_HEAP_LIMIT_MB MB}; settings: ${SCALEGEN_SETTINGS:-(defaults)}"

alive() { for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && return 0; done; return 1; }
died() { echo "RESULT every host process has exited (see $logs/host-*.log): $(grep -h -m1 -iE 'OutOfMemory|fatal|unhandled' "$work"/host-*.log | head -n 1)"; }

# Uploads FILE through the CLI and waits until the blob trigger has accepted and priced it; prints the seconds taken.
ingest() {
  local started etag status
  started=$(now)
  etag=$(dotnet "$cli" upload --file "$1" --connection "$cs" | sed -n 's/.*(ETag \(.*\))$/\1/p')
  for _ in $(seq 1 36000); do
    status=$(curl -sf "$base/api/batches?code=$function_key" | jq -r --arg e "$etag" '[.[] | select(.eTag == $e)][0] | if . == null then "" elif .status == "accepted" and .costUsd != null then "accepted" else .status end')
    case "$status" in
      accepted) seconds "$started" "$(now)"; return 0;;
      rejected|failed) echo "batch $1 was $status" >&2; curl -s "$base/api/batches?code=$function_key" | jq --arg e "$etag" '.[] | select(.eTag == $e)' >&2; return 1;;
    esac
    alive || { died; return 1; }
    sleep 0.2
  done
  echo "gave up waiting for $1" >&2; return 1
}

median() { python3 -c 'import statistics, sys; print(f"{statistics.median(float(x) for x in sys.argv[1:]):.1f}")' "$@"; }
last_started_finished="" last_requested_final=""

# Requests a run as of DAY, waits for its final record and prints what it measured. LABEL names the line.
run() {
  local as_of=$1 label=$2 location="" record="" started deadline final i
  [ "${SCALEGEN_FRESH_HOSTS:-0}" = 1 ] && restart_hosts
  lock
  echo "  load at the run's start: $(cut -d' ' -f1-3 /proc/loadavg)"
  for pid in "${pids[@]}"; do echo 5 >"/proc/$pid/clear_refs"; done   # VmHWM from here on is this run's peak
  echo 5 >"/proc/$azurite/clear_refs"
  started=$(now)
  deadline=$(( $(date +%s) + ${SCALEGEN_RUN_TIMEOUT_S:-10800} ))
  # The API answers 503 while storage does not answer: ask again (a pipeline failing under `set -e` ended the script).
  for _ in $(seq 1 60); do
    location=$(curl -s -D - -o /dev/null -X POST "$base/api/runs" -H "x-functions-key: $admin_key" -H 'Content-Type: application/json' \
      -d "{\"asOf\":\"$as_of\"}" | tr -d '\r' | sed -n 's/^Location: //Ip' || true)
    [ -n "$location" ] && break
    sleep 1
  done
  [ -n "$location" ] || { echo "RESULT run $label: POST /api/runs did not answer 202 with a Location"; unlock; return 1; }
  # Azurite under a run's writes resets connections and the API answers 503, or curl times out: keep asking until the
  # record is final, the hosts have exited or the deadline passed (an empty or non-JSON answer is not final).
  final='type == "object" and (.status == "succeeded" or .status == "failed") and .finishedAt != null and (.costUsd != null or .status == "failed")'
  while :; do
    record=$(curl -s -m 60 "$base$location?code=$function_key" || true)
    [ -n "$record" ] && jq -e "$final" >/dev/null 2>&1 <<<"$record" && break
    alive || { died; break; }
    # SCALEGEN_STOP_AT_LOG=TEXT (run.sh --stop-at-log): stop waiting once a host logged TEXT for this run, e.g. the
    # end of scoring, to measure the stages before an emulator-bound write of a million rows; the peaks are so far.
    if [ -n "${SCALEGEN_STOP_AT_LOG:-}" ] && grep -q "${location##*/}.*$SCALEGEN_STOP_AT_LOG" "$work"/host-*.log 2>/dev/null; then
      echo "RESULT run $label: stopped waiting at the log line '$SCALEGEN_STOP_AT_LOG' ($(grep -h -m1 -o "[0-9:.]* [a-z]*: [^ ]* Run ${location##*/}.*$SCALEGEN_STOP_AT_LOG.*" "$work"/host-*.log | cut -c1-300))"
      grep -h "Run ${location##*/}" "$work"/host-*.log | sed 's/^/    /' | cut -c1-300
      break
    fi
    [ "$(date +%s)" -lt "$deadline" ] || { echo "RESULT run $label: no final record after ${SCALEGEN_RUN_TIMEOUT_S:-10800} s"; break; }
    sleep 0.5
  done
  local waited peaks=""
  waited=$(seconds "$started" "$(now)")
  for i in "${!pids[@]}"; do peaks+="host $((i + 1)) $(hwm_mb "${pids[$i]}") MB, "; done
  echo "  load at the run's end: $(cut -d' ' -f1-3 /proc/loadavg)"
  unlock
  echo "$record" >"$work/run-$label.json"
  cp "$work/run-$label.json" "$logs/" 2>/dev/null || true
  echo "RESULT run $label (as of $as_of): requested to final record ${waited} s; peak RSS ${peaks}Azurite $(hwm_mb "$azurite") MB"
  jq -e "$final" >/dev/null 2>&1 <<<"$record" || return 0
  # Kept for the repeats' medians (SCALEGEN_REPEAT): this run's seconds from its start to its end, and from the request.
  last_started_finished=$(jq -r 'def t: (sub("\\.[0-9]+"; "") | sub("\\+00:00$"; "Z") | fromdateiso8601) + ((capture("\\.(?<f>[0-9]+)").f // "0") | "0." + . | tonumber);
    (.finishedAt | t) - (.startedAt | t) | . * 10 | round / 10' <<<"$record")
  last_requested_final=$waited
  jq -r --arg started_finished "$last_started_finished" '"  status \(.status)\(if .error then ": " + .error else "" end); batches \(.batchesRead), lines \(.transactionsRead), customers \(.customersScored)",
         "  stages (ms): \(.stageDurationsMs | to_entries | map("\(.key) \(.value)") | join(", ")); started→finished \($started_finished) s",
         "  coordinator peak working set by stage (MB): \(.usage.stages | to_entries | map("\(.key) \(.value.peakWorkingSetBytes / 1048576 | floor)") | join(", "))",
         "  storage requests: \(.usage.requests.total) (blob \(.usage.requests.blob.total), table \(.usage.requests.table.total), queue \(.usage.requests.queue.total)); by stage: \(.usage.stages | to_entries | map("\(.key) \(.value.requests.total)") | join(", "))",
         "  cost USD \(.costUsd.total) (compute \(.costUsd.compute), blob \(.costUsd.blobOps), table \(.costUsd.tableOps), queue \(.costUsd.queueOps))"' <<<"$record"
  # Which host coordinated the run and which did the buckets (the coordinator logs each pass's workers, as
  # MACHINE/PID; the pids are the hosts' here).
  local id; id=$(jq -r .runId <<<"$record")
  for i in "${!pids[@]}"; do
    grep -q "Run $id: succeeded\|Run $id: failed" "$work/host-$((i + 1)).log" 2>/dev/null && echo "  coordinated by host $((i + 1)) (pid ${pids[$i]})"
  done
  grep -h -o "Run $id: pass '[a-z]*' done on every one of [0-9]* buckets (by worker: [^)]*)" "$work"/host-*.log 2>/dev/null \
    | sed "s/^Run $id: /  /" | while IFS= read -r l; do
      for i in "${!pids[@]}"; do l=$(sed "s#[^ ,(]*/${pids[$i]} #host $((i + 1)) #g" <<<"$l"); done
      echo "$l"
    done || true   # no bucket passes (BucketedRuns off): grep finds nothing, which must not end the script (set -e)
  grep -h -o "Run $id: scored bucket by bucket.*" "$work"/host-*.log 2>/dev/null | sed "s/^Run $id: /  /" || true
  # Seconds per stage and bucket pass (state refresh, summarise, rank, score, the recommender), from the hosts' logs.
  python3 "$here/pass_times.py" "$id" "$work"/host-*.log || true
  # What storage holds after the run: Azurite saves its database files every few seconds, a large table database
  # (100 MB at 100k customers) takes longer: wait (at most 120 s) for a save of each that began after the run ended.
  if [ "${SCALEGEN_AZURITE_IN_MEMORY:-0}" = 1 ]; then
    # No database files to read: the blobs are listed through the Blob API (Azure's own client); tables are not.
    echo "  storage after the run (blobs listed through the Blob API; tables not measured, Azurite in memory):"
    node "$here/blob_sizes.mjs" "$cs" "$(jq -r '.customersScored // 0' <<<"$record")" || true
    return 0
  fi
  local ended; ended=$(date +%s)
  for _ in $(seq 1 120); do
    [ "$(stat -c %Y "$work/azurite/__azurite_db_table__.json" 2>/dev/null || echo 0)" -gt "$ended" ] \
      && [ "$(stat -c %Y "$work/azurite/__azurite_db_blob__.json" 2>/dev/null || echo 0)" -gt "$ended" ] && break
    sleep 1
  done
  sleep 2
  echo "  storage after the run (Azurite's database files):"
  python3 "$here/storage_sizes.py" "$work/azurite" "$(jq -r '.customersScored // 0' <<<"$record")" || true
}

if [ "$mode" = full ]; then
  echo "RESULT ingest of $(basename "$file"): $(ingest "$file") s; peak RSS so far: host 1 $(hwm_mb "${pids[0]}") MB, Azurite $(hwm_mb "$azurite") MB"
  run "$(day_after "$(last_order_day "$file")")" full
else
  last=0; for c in $checkpoints; do [ "$c" -gt "$last" ] && last=$c; done
  mapfile -t days < <(ls "$daily"/orders-*.csv | sort)
  recent=("${days[@]: -$last}")
  echo "RESULT first load: ingest of $(basename "$file") (every day before $(day_of "${recent[0]}")): $(ingest "$file") s; peak RSS so far: host 1 $(hwm_mb "${pids[0]}") MB"
  total=0
  # SCALEGEN_DAY_BEFORE=K (run.sh --day-before, --days-before K): a run after each of the K day files before each
  # checkpoint (after the history alone for checkpoint 1), so that the checkpoint's run, like a real daily run, merges
  # one day file into the state; without it the run after 365 merges every day file since the run after 30 at once.
  # With K >= 3 the checkpoint's run also drops the oldest generation, as every run of a shop that runs daily does
  # (RecomputeSegmentsHandler.GenerationsKept).
  before="${SCALEGEN_DAY_BEFORE:-0}"
  if [ "$before" -ge 1 ] && [[ " $checkpoints " == *" 1 "* ]]; then
    run "$(day_of "${recent[0]}")" "daily-0-before-1"
  fi
  for i in $(seq 1 "$last"); do
    f="${recent[$((i - 1))]}"
    took=$(ingest "$f")
    total=$(python3 -c "print(f'{$total + $took:.1f}')")
    for c in $checkpoints; do
      if [ "$c" -gt "$i" ] && [ "$((c - i))" -le "$before" ]; then
        run "$(day_after "$(day_of "$f")")" "daily-$i-before-$c"
        break
      fi
    done
    if [[ " $checkpoints " == *" $i "* ]]; then
      echo "RESULT after $i daily batches: ingest of the day files $total s in all ($(python3 -c "print(f'{$total / $i:.1f}')") s each)"
      run "$(day_after "$(day_of "$f")")" "daily-$i"
      # SCALEGEN_REPEAT=K (run.sh --repeat K): K-1 more runs as of the same day with nothing new (the state up to date,
      # the same customers scored), so that the checkpoints compare medians rather than single runs (about ±1 s each).
      if [ "${SCALEGEN_REPEAT:-1}" -gt 1 ]; then
        sf=("$last_started_finished"); rf=("$last_requested_final")
        for k in $(seq 2 "$SCALEGEN_REPEAT"); do
          run "$(day_after "$(day_of "$f")")" "daily-$i-again-$k"
          sf+=("$last_started_finished"); rf+=("$last_requested_final")
        done
        echo "RESULT after $i daily batches, $SCALEGEN_REPEAT runs: started→finished $(median "${sf[@]}") s median (${sf[*]}); requested→final $(median "${rf[@]}") s median (${rf[*]})"
      fi
    fi
  done
fi
echo "load after: $(cat /proc/loadavg)"
