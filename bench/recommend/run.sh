#!/usr/bin/env bash
# Peak RSS and time of the recommender bucket by bucket against the whole-population one (issue 19 point 3). A
# benchmark, not a test.
#
# Builds the CLI (Release), then, under `flock /work/bench.lock` (one benchmark on the machine at a time), runs on
# one export file, each in a fresh process timed by /usr/bin/time:
#   whole   segments recommend --input FILE --as-of D --evaluate --out whole.csv               (RecommendationEngine.Run)
#   bN      segments recommend --input FILE --as-of D --evaluate --out bN.csv --buckets N      (BucketedRecommender)
# and prints wall seconds and peak RSS of each, the ratio of each bucketed peak to the whole one, the models chosen,
# and whether each bucketed output has exactly the whole run's rows (compared sorted; exit 1 if not).
# The file is the generated 1 GiB export (/tmp/segments-generated-1024MiB-seed1.csv, written with
# `segments generate --megabytes 1024 --seed 1` when absent) unless --input is given; the as-of is the day after its
# latest line (--as-of to choose). Load averages are printed before and after: other processes on the machine change
# the wall times (the peaks much less).
#
# usage: bash bench/recommend/run.sh [--input FILE] [--as-of yyyy-MM-dd] [--buckets "64"] [--megabytes M]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
input="" buckets="64" megabytes=1024 asof=""
while [ $# -gt 0 ]; do
  case $1 in
    --input) input=$2; shift 2 ;;
    --as-of) asof=$2; shift 2 ;;
    --buckets) buckets=$2; shift 2 ;;
    --megabytes) megabytes=$2; shift 2 ;;
    *) echo "unknown argument $1"; exit 2 ;;
  esac
done
time_bin=/usr/bin/time
[ -x "$time_bin" ] || { echo "$time_bin is missing: apt-get install time"; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/recommend-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
echo "== building the CLI (Release)"
(cd "$root" && dotnet build src/Segments.Cli -c Release -o "$work/cli" --nologo -nodeReuse:false -p:UseSharedCompilation=false >"$work/build.log" 2>&1) \
  || { cat "$work/build.log"; exit 1; }
cli=(dotnet "$work/cli/segments.dll")

if [ -z "$input" ]; then
  input=/tmp/segments-generated-${megabytes}MiB-seed1.csv
  [ -f "$input" ] || { echo "== generating $input"; "${cli[@]}" generate --megabytes "$megabytes" --seed 1 --out "$input"; }
fi
if [ -z "$asof" ]; then
  # The generator writes lines in date order: the last line has the latest date.
  latest=$(tail -n 1 "$input" | awk -F, '{ print substr($5, 1, 10) }')
  asof=$(date -d "$latest + 1 day" +%F)
fi

measure() { # name, args...
  local name=$1; shift
  "$time_bin" -f "%e %M" -o "$work/$name.time" "${cli[@]}" recommend --input "$input" --as-of "$asof" --evaluate --out "$work/$name.csv" "$@" >"$work/$name.out" 2>"$work/$name.err" \
    || { cat "$work/$name.err"; exit 1; }
}

run_all() {
  echo "load before: $(cat /proc/loadavg)"
  echo "== whole population"; measure whole
  for n in $buckets; do echo "== $n buckets"; measure "b$n" --buckets "$n"; done
  echo "load after: $(cat /proc/loadavg)"
}
echo "== waiting for /work/bench.lock"
exec 9>/work/bench.lock
flock 9
run_all
flock -u 9

read -r whole_s whole_kb <"$work/whole.time"
echo
echo "file: $input ($(du -m "$input" | cut -f1) MiB), as of $asof"
printf '%-8s %9s %14s %12s  %s\n' run wall_s peak_rss_MiB vs_whole output
printf '%-8s %9s %14s %12s  %s\n' whole "$whole_s" "$((whole_kb / 1024))" 1.00 reference
grep -h '^served\|chosen' "$work/whole.out" | sed 's/^/    /'
status=0
sort "$work/whole.csv" >"$work/whole.sorted"
for n in $buckets; do
  read -r s kb <"$work/b$n.time"
  sort "$work/b$n.csv" >"$work/b$n.sorted"
  if cmp -s "$work/whole.sorted" "$work/b$n.sorted"; then same="identical rows"; else same="DIFFERENT rows: $(diff "$work/whole.sorted" "$work/b$n.sorted" | grep -c '^>') lines"; status=1; fi
  printf '%-8s %9s %14s %12s  %s\n' "b$n" "$s" "$((kb / 1024))" "$(awk -v a="$kb" -v b="$whole_kb" 'BEGIN { printf "%.2f", a / b }')" "$same"
  grep -h '^served\|chosen\|^bucketed' "$work/b$n.out" | sed 's/^/    /'
done
exit $status
