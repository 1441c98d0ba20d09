#!/usr/bin/env bash
# Events ingest benchmark (issue 14, point 7): `segments validate --events FILE` (the whole process: startup,
# EventLinesReader.CountAsync on all cores, per-type counts and the verdict) against DuckDB's read_json of the
# same file in the same run, with each process's peak RSS from /usr/bin/time -v. The file is made once under
# artifacts/bench/ by `segments generate --events`. Runs alternate ours and DuckDB's; the table gives medians.
# Usage: bash scripts/bench-events.sh [--megabytes M (default 1024)] [--runs N (default 3)] [--seed S (default 1)]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

megabytes=1024 runs=3 seed=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --megabytes) megabytes="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done

(cd bench/duckdb && npm ci --no-audit --no-fund --loglevel=error)
dotnet build src/Segments.Cli -c Release --nologo -v quiet
cli="src/Segments.Cli/bin/Release/net10.0/segments.dll"
mkdir -p artifacts/bench
file="artifacts/bench/events-${megabytes}MiB-seed${seed}.jsonl"
if [[ ! -f "$file" ]]; then
  dotnet "$cli" generate --events --megabytes "$megabytes" --seed "$seed" --days 90 --out "$file"
fi
bytes=$(stat -c %s "$file")

# Runs one command under /usr/bin/time -v; prints "seconds maxRssKiB cpuSeconds" and keeps its stdout in $log.
# CPU seconds (user + system) say more than wall time on a shared machine, where either process may wait for a core.
measure() {
  local log="$1"; shift
  /usr/bin/time -v "$@" > "$log" 2> "$log.time"
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i] }
              /Maximum resident set size/ { rss = $2 }
              /User time|System time/ { cpu += $2 }
              END { printf "%.3f %d %.2f\n", s, rss, cpu }' "$log.time"
}

ours=() duck=() duckQuery=()
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for ((r = 1; r <= runs; r++)); do
  ours+=("$(measure artifacts/bench/events-ours.log dotnet "$cli" validate --events "$file")")
  grep -q "verdict: accepted" artifacts/bench/events-ours.log || { cat artifacts/bench/events-ours.log; exit 1; }
  duck+=("$(measure artifacts/bench/events-duckdb.log node bench/duckdb/read_json.mjs "$(realpath "$file")")")
  duckQuery+=("$(sed -n 's/.*"seconds":\([0-9.]*\).*/\1/p' artifacts/bench/events-duckdb.log)")
  echo "run $r: ours ${ours[-1]}, duckdb ${duck[-1]} (seconds, peak RSS KiB, CPU s; query ${duckQuery[-1]} s)" >&2
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
ours_s=$(median $(printf '%s\n' "${ours[@]}" | cut -d' ' -f1)); ours_rss=$(median $(printf '%s\n' "${ours[@]}" | cut -d' ' -f2))
duck_s=$(median $(printf '%s\n' "${duck[@]}" | cut -d' ' -f1)); duck_rss=$(median $(printf '%s\n' "${duck[@]}" | cut -d' ' -f2))
ours_cpu=$(median $(printf '%s\n' "${ours[@]}" | cut -d' ' -f3)); duck_cpu=$(median $(printf '%s\n' "${duck[@]}" | cut -d' ' -f3))
duck_q=$(median "${duckQuery[@]}")

table=$(awk -v b="$bytes" -v os="$ours_s" -v orss="$ours_rss" -v ds="$duck_s" -v drss="$duck_rss" -v dq="$duck_q" -v oc="$ours_cpu" -v dc="$duck_cpu" \
  -v lines="$(grep -o 'lines read [0-9]*' artifacts/bench/events-ours.log | cut -d' ' -f3)" 'BEGIN {
  mb = b / 1048576
  printf "| path (whole process, median of runs) | seconds | MiB/s | lines/s | CPU s | peak RSS MiB | throughput ÷ DuckDB | CPU ÷ DuckDB CPU |\n|---|---:|---:|---:|---:|---:|---:|---:|\n"
  printf "| segments validate --events | %.2f | %.1f | %.0f | %.1f | %.0f | %.2f | %.2f |\n", os, mb / os, lines / os, oc, orss / 1024, ds / os, oc / dc
  printf "| DuckDB read_json (node) | %.2f | %.1f | %.0f | %.1f | %.0f | 1 | 1 |\n", ds, mb / ds, lines / ds, dc, drss / 1024
  printf "| DuckDB read_json, query only | %.2f | %.1f | %.0f | | | %.2f (ours vs query) | |\n", dq, mb / dq, lines / dq, dq / os
}')
{
  echo "File: $file, $bytes bytes; runs: $runs; cores: $(nproc); load average before: $load_before, after: $load_after"
  echo
  echo "$table"
} | tee artifacts/bench/events-results.md
