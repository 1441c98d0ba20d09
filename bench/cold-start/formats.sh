#!/usr/bin/env bash
# Both cores on a cold process, whatever the container (issue 17 point 3). A benchmark, not a test.
#
# Writes the UCI Online Retail export (../shared/data/online-retail) once more as gzip CSV, JSON Lines and gzip
# JSON Lines (to /tmp, reused), and times fresh `segments score --input FILE --as-of 2011-12-10` processes of
# the CLI published as `dotnet publish -c Release` makes it ("r2r"; Native AOT since stop 14) and of commit REF ("before", which parsed
# only plain CSV on both cores), alternating, RUNS rounds. Prints the medians of wall, user and system seconds and
# user ÷ wall: about 1 means one core, towards 2 both cores. Every file must give the same segment counts.
#
# usage: bash bench/cold-start/formats.sh [--runs N] [--before REF] [--publish-dir D]
#   --runs N         rounds (default 7)
#   --before REF     the "before" commit (default d55b9de)
#   --publish-dir D  publish folders kept and reused, shared with run.sh --publish-dir (default: a temporary folder)
# Needs python3 (the conversion) and /usr/bin/time. Run it under `flock /work/bench.lock` on a shared machine.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
runs=7 before=d55b9de publish_dir=""
while [ $# -gt 0 ]; do
  case $1 in
    --runs) runs=$2; shift 2 ;;
    --before) before=$2; shift 2 ;;
    --publish-dir) publish_dir=$2; shift 2 ;;
    *) echo "unknown argument $1"; exit 2 ;;
  esac
done
retail=$root/../shared/data/online-retail/online_retail_2010-2011.csv
[ -f "$retail" ] || { echo "$retail is absent"; exit 1; }
as_of=2011-12-10
work=$(mktemp -d "${TMPDIR:-/tmp}/cold-formats.XXXXXX")
trap 'rm -rf "$work"' EXIT
out=${publish_dir:-$work}
mkdir -p "$out"

if [ ! -x "$out/r2r/segments" ]; then
  echo "== publishing the CLI (dotnet publish -c Release)"
  mkdir -p "$work/src-r2r"
  tar -C "$root" --exclude=bin --exclude=obj -cf - Directory.Build.props Directory.Packages.props src config | tar -x -C "$work/src-r2r"
  (cd "$work/src-r2r" && dotnet publish src/Segments.Cli -c Release -o "$out/r2r.partial" --nologo -nodeReuse:false -p:UseSharedCompilation=false >"$work/publish-r2r.log" 2>&1) \
    || { cat "$work/publish-r2r.log"; exit 1; }
  mv "$out/r2r.partial" "$out/r2r"
fi
if [ ! -x "$out/before/segments" ]; then
  echo "== publishing the CLI of $before"
  mkdir -p "$work/before-src"
  git -C "$root" archive "$before" Directory.Build.props Directory.Packages.props src config | tar -x -C "$work/before-src"
  (cd "$work/before-src" && dotnet publish src/Segments.Cli -c Release -o "$out/before.partial" --nologo -nodeReuse:false -p:UseSharedCompilation=false >"$work/publish-before.log" 2>&1) \
    || { cat "$work/publish-before.log"; exit 1; }
  mv "$out/before.partial" "$out/before"
fi

base=/tmp/segments-online-retail
if [ ! -f "$base.jsonl.gz" ]; then
  echo "== writing $base.csv.gz, .jsonl and .jsonl.gz (once; reused)"
  gzip -c "$retail" >"$base.csv.gz.partial" && mv "$base.csv.gz.partial" "$base.csv.gz"
  # Every value as the CSV has it, as a JSON string; keys as the header names them.
  python3 -c '
import csv, json, sys
with open(sys.argv[1], newline="", encoding="utf-8") as f, open(sys.argv[2], "w", encoding="utf-8") as out:
    for row in csv.DictReader(f):
        out.write(json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n")' "$retail" "$base.jsonl.partial"
  mv "$base.jsonl.partial" "$base.jsonl"
  gzip -c "$base.jsonl" >"$base.jsonl.gz.partial" && mv "$base.jsonl.gz.partial" "$base.jsonl.gz"
fi
files=("$retail" "$base.csv.gz" "$base.jsonl" "$base.jsonl.gz")

echo "== checking that every file gives the same segment counts"
"$out/r2r/segments" score --input "$retail" --as-of "$as_of" | tail -n +3 >"$work/expected"
for file in "${files[@]}"; do
  for variant in before r2r; do
    "$out/$variant/segments" score --input "$file" --as-of "$as_of" | tail -n +3 >"$work/actual"
    diff -u "$work/expected" "$work/actual" >/dev/null || { echo "$variant on $file differs:"; diff -u "$work/expected" "$work/actual"; exit 1; }
  done
done

echo "== $runs rounds (load average $(cut -d' ' -f1-3 /proc/loadavg))"
: >"$work/results"
for round in $(seq 1 "$runs"); do
  order="before r2r"; [ $((round % 2)) = 0 ] && order="r2r before"
  for file in "${files[@]}"; do
    for variant in $order; do
      /usr/bin/time -o "$work/time" -f '%e %U %S' "$out/$variant/segments" score --input "$file" --as-of "$as_of" >/dev/null
      echo "$(basename "$file") $variant $(cat "$work/time")" >>"$work/results"
    done
  done
done
median() { sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.3f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
echo "== medians of $runs fresh processes of score (load average at the end $(cut -d' ' -f1-3 /proc/loadavg))"
printf '%-36s %-8s %7s %7s %7s %11s\n' file variant wall user sys "user÷wall"
for file in "${files[@]}"; do
  name=$(basename "$file")
  for variant in before r2r; do
    pick() { awk -v f="$name" -v v="$variant" -v c="$1" '$1 == f && $2 == v { print $c }' "$work/results" | median; }
    wall=$(pick 3); user=$(pick 4); sys=$(pick 5)
    printf '%-36s %-8s %7s %7s %7s %11.2f\n' "$name" "$variant" "$wall" "$user" "$sys" "$(echo "$user / $wall" | bc -l)"
  done
done
echo "== every process (file, variant, wall, user, sys)"
cat "$work/results"
