#!/usr/bin/env bash
# Scale benchmark (issue 19, point 5): N customers through blob ingest and a run of the local host over Azurite, and
# `segments analyze` on the same data. A benchmark, not a test. Prepares outside the benchmark lock (publishes the host
# and the CLI in Release, generates the data once, cached under /tmp/scalegen-data), then measures under
# `flock /work/bench.lock` (bench/scale/measure.sh), so no two engineers' benchmarks overlap.
#
# Usage: bench/scale/run.sh CUSTOMERS [--lines L] [--mode full|daily] [--quick] [--processes 1|2] [--checkpoints "1 30 365"] [--fixed-population]
#                                     [--no-analyze] [--seed S] [--repeat K] [--fresh-hosts] [--day-before | --days-before K]
#   full  (default): one file (~20 lines per customer over 2022-01-01..2024-12-31) uploaded as one batch, then one run.
#   daily: the same orders as one history file (every day before the last K days) plus the last K days one file a day;
#          the history is ingested first, then day files one at a time, with a run after each checkpoint (1 30 365;
#          --quick: 1 5 10).
#   SCALEGEN_SKIP_PUBLISH=1 reuses an earlier publish; SCALEGEN_HOST_HEAP_LIMIT_MB / SCALEGEN_CLI_HEAP_LIMIT_MB cap the
#   GC heap of the hosts / of `segments analyze` (DOTNET_GCHeapHardLimit), to model an instance's memory.
#   --processes 2: a second host process on the same Azurite (both poll the blob trigger, the run queue and, with
#          Segments:BucketWorkOnQueue, the bucket-work queue; a run is coordinated by one of them under the run lease).
#   --setting KEY=VALUE (repeatable): a host setting, e.g. --setting Segments:BucketedRuns=true (passed to every host as
#          the environment variable KEY with ':' as '__').
#   --fixed-population: (daily) generate with `--arrivals-until` the day before the last K day files (K = the largest
#          checkpoint; the generator's default range ends 2024-12-31), so the day files bring no new customers: the
#          runs after 1, 30 and 365 score the same population, and only the history grows between them.
#   --day-before: (daily) also a run after the day file before each checkpoint, so the checkpoint's run merges one day
#          file into the state, as a run each day would; without it the run after 365 catches up every file since 30.
#   --days-before K: (daily) as --day-before, with a run after each of the K day files before each checkpoint; with
#          K >= 3 the checkpoint's run drops the oldest generation, as each run of a shop that runs daily does.
#   --repeat K: (daily) K runs at each checkpoint: the checkpoint's run, then K-1 more as of the same day with nothing
#          new; prints each checkpoint's median started→finished and requested→final (single runs vary by about ±1 s).
#   --fresh-hosts: new host processes before every run (a cold instance), not the ones that ingested the files before.
#   --azurite-in-memory: Azurite without its database files (needed from about 1M customers: on disk it saves the
#          table database as one JSON string, which passes V8's ~512 MiB string limit, and Azurite aborts); the
#          storage sizes after a run are then the blobs' (bench/scale/blob_sizes.mjs lists them through the Blob API).
#   --azurite-per-service: one emulator process per service (azurite-blob, -queue, -table) instead of one for all, so
#          the run lease's blob renewals are not queued behind a million table writes on one thread; "Azurite" in the
#          results is then the table emulator.
#   --stop-at-log TEXT: stop waiting for a run once a host logged TEXT for it (e.g. 'scored bucket by bucket'), and stop
#          the hosts: peak RSS up to that point, without the emulator-bound write of every customer's row.
#   --lock runs: hold /work/bench.lock only while a run (or analyze) is timed, not while files are ingested (for the
#          long daily mode: other engineers' benchmarks may run between checkpoints; ingest times are then noisy).
#          Default: --lock whole (the whole measurement under the lock).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
customers="${1:?usage: bench/scale/run.sh CUSTOMERS [options]}"; shift
lines=$((customers * 20)); fixed_population=0; mode=full; processes=1; checkpoints=""; quick=0; analyze=1; seed=1; lock=whole; settings=()
while [ $# -gt 0 ]; do
  case "$1" in
    --lines) lines="$2"; shift 2;;
    --mode) mode="$2"; shift 2;;
    --processes) processes="$2"; shift 2;;
    --checkpoints) checkpoints="$2"; shift 2;;
    --quick) quick=1; shift;;
    --no-analyze) analyze=0; shift;;
    --seed) seed="$2"; shift 2;;
    --setting) [[ "$2" == *=* ]] || { echo "--setting wants KEY=VALUE, got '$2'" >&2; exit 2; }; settings+=("$2"); shift 2;;
    --stop-at-log) export SCALEGEN_STOP_AT_LOG="$2"; shift 2;;
    --day-before) export SCALEGEN_DAY_BEFORE=1; shift;;
    --days-before) [[ "$2" =~ ^[1-9][0-9]*$ ]] || { echo "--days-before wants a count, got '$2'" >&2; exit 2; }; export SCALEGEN_DAY_BEFORE="$2"; shift 2;;
    --fresh-hosts) export SCALEGEN_FRESH_HOSTS=1; shift;;
    --repeat) [[ "$2" =~ ^[1-9][0-9]*$ ]] || { echo "--repeat wants a count, got '$2'" >&2; exit 2; }; export SCALEGEN_REPEAT="$2"; shift 2;;
    --azurite-in-memory) export SCALEGEN_AZURITE_IN_MEMORY=1; shift;;
    --azurite-per-service) export SCALEGEN_AZURITE_PER_SERVICE=1; shift;;
    --fixed-population) fixed_population=1; shift;;
    --lock) case "$2" in whole|runs) lock="$2";; *) echo "--lock wants whole or runs, got '$2'" >&2; exit 2;; esac; shift 2;;
    *) echo "unknown option $1" >&2; exit 2;;
  esac
done
if [ -z "$checkpoints" ]; then
  if [ "$quick" = 1 ]; then checkpoints="1 5 10"; else checkpoints="1 30 365"; fi
fi

data="${SCALEGEN_DATA:-/tmp/scalegen-data}"
# One publish directory per worktree, so that two branches benchmarked on one machine do not overwrite each other.
publish="${SCALEGEN_PUBLISH:-/tmp/scalegen-publish-$(basename "$root")}"
mkdir -p "$data"
name="c${customers}-l${lines}-s${seed}"
generate_options=()
if [ "$fixed_population" = 1 ]; then
  last=0; for c in $checkpoints; do [ "$c" -gt "$last" ] && last=$c; done
  arrivals_until=$(date -u -d "2024-12-31 - $last days" +%F)
  generate_options=(--arrivals-until "$arrivals_until")
  name="$name-a$arrivals_until"
fi
file="$data/$name.csv"
daily="$data/$name-daily"

if [ "${SCALEGEN_SKIP_PUBLISH:-0}" = 1 ] && [ -s "$publish/host/Segments.Host.dll" ] && [ -s "$publish/cli/segments.dll" ]; then
  echo "== using the host and the CLI already published in $publish (SCALEGEN_SKIP_PUBLISH=1)"
else
  echo "== publishing the host and the CLI (Release) to $publish"
  dotnet publish "$root/src/Segments.Host" -c Release -o "$publish/host" -nologo -v q >/dev/null
  # The IL build (not the Native AOT default): the harness runs it as `dotnet segments.dll`, and only the host is measured.
  dotnet publish "$root/src/Segments.Cli" -c Release -o "$publish/cli" -nologo -v q -p:PublishAot=false >/dev/null
fi
cli="$publish/cli/segments.dll"

if [ ! -s "$file" ]; then
  echo "== generating $file"
  dotnet "$cli" generate --customers "$customers" --lines "$lines" "${generate_options[@]}" --out "$file.tmp" --seed "$seed" && mv "$file.tmp" "$file"
fi
if [ "$mode" = daily ] && [ ! -s "$daily/.done" ]; then
  echo "== generating $daily"
  rm -rf "$daily"
  dotnet "$cli" generate --customers "$customers" --lines "$lines" "${generate_options[@]}" --daily-batches "$daily" --seed "$seed"
  touch "$daily/.done"
fi

if [ "$mode" = daily ]; then
  last=0; for c in $checkpoints; do [ "$c" -gt "$last" ] && last=$c; done
  history="$data/$name-history-before-last-$last-days.csv"
  if [ ! -s "$history" ]; then
    echo "== concatenating every day file but the last $last into $history"
    mapfile -t days < <(ls "$daily"/orders-*.csv | sort)
    { head -n 1 "${days[0]}"; for f in "${days[@]:0:$((${#days[@]} - last))}"; do tail -n +2 "$f"; done; } >"$history.tmp"
    mv "$history.tmp" "$history"
  fi
  file="$history"
fi

export SCALEGEN_SETTINGS="${settings[*]:-}"
if [ "$lock" = whole ]; then
  exec flock /work/bench.lock env SCALEGEN_LOCK_HELD=1 bash "$here/measure.sh" "$mode" "$file" "$daily" "$processes" "$checkpoints" "$analyze" "$publish"
fi
exec env SCALEGEN_LOCK_HELD=0 bash "$here/measure.sh" "$mode" "$file" "$daily" "$processes" "$checkpoints" "$analyze" "$publish"
