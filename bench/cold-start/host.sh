#!/usr/bin/env bash
# The local host's first ingest and first lookup after a cold start (issue 17 point 4). A benchmark, not a test.
#
# Publishes src/Segments.Host as this checkout's `dotnet publish -c Release` makes it ("after") and as commit REF
# made it ("before", built from `git archive REF`, its own csproj and settings), starts a private in-memory Azurite
# on free loopback ports, and seeds it once through the "after" host: samples/online-retail-sample.csv ingested and
# one run as of 2011-12-10. Then, RUNS times per variant, alternating: uploads a new order export (the sample with
# one line added, so that its content is new and the batch is accepted, not a duplicate) to transactions/, starts
# the host process cold and polls it every 20 ms until both (a) the Batches ledger shows that upload accepted
# (the blob trigger's first scan found it, the host parsed it and wrote its normalised copy and its row) and (b)
# GET /api/customers/12662 answered 200 from the seeded run (the active-run pointer, the generation's lookup
# blob, the lookup cache); also the first 200 of GET /api/health. All times are from just before the process is
# started. Prints every start and the medians, with the load average before and after.
#
# usage: bash bench/cold-start/host.sh [--runs N] [--before REF] [--publish-dir D] [--publish-only]
#   --runs N         cold starts per variant (default 5)
#   --before REF     the commit to build the "before" host from (default d55b9de, main before issue 17's host changes)
#   --publish-dir D  keep the published folders (host-after, host-before, host-cli) in D and reuse them
#   --publish-only   publish and stop (publish without holding the benchmark lock, then time under it)
# Needs `npm ci` at the repository root (Azurite). Run it under `flock /work/bench.lock` on a shared machine.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
runs=5 before=d55b9de publish_dir="" publish_only=0
while [ $# -gt 0 ]; do
  case $1 in
    --runs) runs=$2; shift 2 ;;
    --before) before=$2; shift 2 ;;
    --publish-dir) publish_dir=$2; shift 2 ;;
    --publish-only) publish_only=1; shift ;;
    *) echo "unknown argument $1"; exit 2 ;;
  esac
done
[ -x "$root/node_modules/.bin/azurite" ] || (cd "$root" && npm ci --no-audit --no-fund >/dev/null)

work=$(mktemp -d "${TMPDIR:-/tmp}/host-start.XXXXXX")
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -- "-$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
out=${publish_dir:-$work}
mkdir -p "$out"
publish() { # SOURCE_ROOT PROJECT FOLDER [ARGS...]: unless FOLDER is already there
  local src=$1 project=$2 folder=$3; shift 3
  [ -d "$out/$folder" ] && { echo "== reusing $out/$folder"; return; }
  echo "== publishing $project from $src as $folder"
  (cd "$src" && dotnet publish "$project" -c Release -o "$out/$folder.partial" --nologo -nodeReuse:false -p:UseSharedCompilation=false "$@" >"$work/$folder.log" 2>&1) \
    || { cat "$work/$folder.log"; exit 1; }
  mv "$out/$folder.partial" "$out/$folder"
}

# Each from its own copy of the sources: publishes with other settings from one obj/ folder reuse each other's output.
for copy in after cli; do
  mkdir -p "$work/$copy-src"
  tar -C "$root" --exclude=bin --exclude=obj -cf - Directory.Build.props Directory.Packages.props src config | tar -x -C "$work/$copy-src"
done
mkdir -p "$work/before-src"
git -C "$root" archive "$before" Directory.Build.props Directory.Packages.props src config | tar -x -C "$work/before-src"
publish "$work/after-src" src/Segments.Host host-after
publish "$work/before-src" src/Segments.Host host-before
publish "$work/cli-src" src/Segments.Cli host-cli -p:SelfContained=false -p:PublishReadyToRunComposite=false -p:PublishReadyToRun=false
[ "$publish_only" = 1 ] && exit 0

blob=$(free_port); queue=$(free_port); table=$(free_port)
setsid "$root/node_modules/.bin/azurite" --inMemoryPersistence --disableTelemetry --skipApiVersionCheck --loose \
  --blobHost 127.0.0.1 --blobPort "$blob" --queueHost 127.0.0.1 --queuePort "$queue" --tableHost 127.0.0.1 --tablePort "$table" \
  >"$work/azurite.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 150); do (exec 3<>"/dev/tcp/127.0.0.1/$table") 2>/dev/null && break; sleep 0.2; done
account_key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
export AzureWebJobsStorage="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$account_key;BlobEndpoint=http://127.0.0.1:$blob/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue/devstoreaccount1;TableEndpoint=http://127.0.0.1:$table/devstoreaccount1;"
export Segments__AdminKey=bench-admin-key Segments__FunctionKey=bench-function-key Segments__HostId=segments-host-start-bench
# No scheduled run during the benchmark; the blob trigger's first scan is at start whatever the interval.
export Segments__Schedule="0 0 2 1 1 *" Segments__PollIntervalSeconds=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1

upload() { # FILE NAME -> prints the ETag
  "$out/host-cli/segments" upload --file "$1" --name "$2" --connection "$AzureWebJobsStorage" | sed -n 's/.*(ETag \(.*\))$/\1/p'
}
start_host() { # DIR -> sets host_pid, base
  local port; port=$(free_port)
  base=http://127.0.0.1:$port
  setsid dotnet "$1/Segments.Host.dll" --urls "$base" >"$work/host-$port.log" 2>&1 &
  host_pid=$!
  pids+=("$host_pid")
}
stop_host() {
  kill -- "-$host_pid" 2>/dev/null || true
  while kill -0 "$host_pid" 2>/dev/null; do sleep 0.05; done
}
status_of() { curl -s -o /dev/null -w '%{http_code}' -H "x-functions-key: $Segments__FunctionKey" "$base$1"; }
accepted() { # ETAG -> 0 when the ledger has that version accepted
  curl -s -H "x-functions-key: $Segments__FunctionKey" "$base/api/batches" | node -e '
    let s = ""; process.stdin.on("data", d => s += d).on("end", () => {
      let rows = []; try { rows = JSON.parse(s); } catch { }
      const b = Array.isArray(rows) ? rows.find(x => x.eTag === process.argv[1]) : null;
      process.exit(b && b.status === "accepted" ? 0 : 1);
    });' "$1"
}

echo "== seeding: the sample export ingested and one run as of 2011-12-10, through the after host"
seed_etag=$(upload "$root/samples/online-retail-sample.csv" online-retail-sample.csv)
start_host "$out/host-after"
for _ in $(seq 1 600); do accepted "$seed_etag" && break; sleep 0.2; done
accepted "$seed_etag" || { echo "the seed batch was not accepted"; cat "$work"/host-*.log; exit 1; }
location=$(curl -s -D - -o /dev/null -X POST "$base/api/runs" -H "x-functions-key: $Segments__AdminKey" -H 'Content-Type: application/json' \
  -d '{"asOf":"2011-12-10"}' | tr -d '\r' | sed -n 's/^Location: //Ip')
for _ in $(seq 1 900); do curl -s -H "x-functions-key: $Segments__FunctionKey" "$base$location" | grep -q '"status":"succeeded"' && break; sleep 0.2; done
[ "$(status_of /api/customers/12662)" = 200 ] || { echo "no lookup after the seed run ($location)"; cat "$work"/host-*.log; exit 1; }
stop_host

measure() { # LABEL DIR N -> one line: label, ms to health 200, to first batch accepted, to first lookup 200
  local file=$work/first-$1-$3.csv
  { cat "$root/samples/online-retail-sample.csv"; echo "59$3$RANDOM,BENCH,HOST START BENCHMARK $1 $3,1,2011-12-09 12:00:00,1.0,12662.0,Germany"; } >"$file"
  local etag; etag=$(upload "$file" "first-$1-$3.csv")
  local t0; t0=$(now_ms)
  start_host "$2"
  local health="" batch="" lookup="" deadline=$(( t0 + 180000 ))
  while [ -z "$batch" ] || [ -z "$lookup" ]; do
    [ "$(now_ms)" -lt "$deadline" ] || { echo "$1: no answer within 180 s"; cat "$work/host-${base##*:}.log"; exit 1; }
    if [ -z "$health" ] && [ "$(status_of /api/health)" = 200 ]; then health=$(( $(now_ms) - t0 )); fi
    if [ -n "$health" ] && [ -z "$lookup" ] && [ "$(status_of /api/customers/12662)" = 200 ]; then lookup=$(( $(now_ms) - t0 )); fi
    if [ -n "$health" ] && [ -z "$batch" ] && accepted "$etag"; then batch=$(( $(now_ms) - t0 )); fi
    sleep 0.02
  done
  stop_host
  echo "$1 $health $batch $lookup" >>"$work/results"
  printf '  %-6s start -> health 200 %6d ms | -> first batch accepted %6d ms | -> first lookup 200 %6d ms\n' "$1" "$health" "$batch" "$lookup"
}

echo "== warm-up start of each (page cache), not counted"
measure after "$out/host-after" 0 >/dev/null; measure before "$out/host-before" 0 >/dev/null; : >"$work/results"
echo "== $runs cold starts of each, alternating (load average $(cut -d' ' -f1-3 /proc/loadavg))"
for i in $(seq 1 "$runs"); do
  if [ $((i % 2)) = 1 ]; then measure before "$out/host-before" "$i"; measure after "$out/host-after" "$i"
  else measure after "$out/host-after" "$i"; measure before "$out/host-before" "$i"; fi
done
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }
echo "== medians of $runs cold starts (ms from process start; load average at the end $(cut -d' ' -f1-3 /proc/loadavg))"
printf '  %-8s %16s %24s %22s\n' variant "health 200" "first batch accepted" "first lookup 200"
for label in before after; do
  printf '  %-8s' "$label"
  for c in 2 3 4; do printf ' %20s' "$(awk -v l="$label" -v c="$c" '$1 == l { print $c }' "$work/results" | median)"; done
  echo
done
echo "== publish folder size (bytes)"
for label in before after; do printf '  %-8s %12s\n' "$label" "$(du -sb "$out/host-$label" | cut -f1)"; done
