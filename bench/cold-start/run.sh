#!/usr/bin/env bash
# Whole-process cold start of the CLI against DuckDB's whole process (issue 17). A benchmark, not a test.
#
# Publishes src/Segments.Cli for linux-x64 as each variant asks (aot: as `dotnet publish -c Release` now does,
# Native AOT; r2r: self-contained composite ReadyToRun, -p:PublishAot=false, the publish before AOT and its
# fallback; fd: framework-dependent ReadyToRun; jit: framework-dependent without ReadyToRun; before: the CLI of an earlier commit), then times fresh processes with /usr/bin/time: `segments score --input FILE
# --as-of 2011-12-10` and `segments validate --input FILE` per CLI variant, and `node bench/duckdb/rfm.mjs FILE
# 2011-12-10` (DuckDB computing the same RFM segment counts in SQL). Files: the UCI Online Retail export
# (../shared/data/online-retail, skipped with a message when absent) and a generated export of M MiB (`segments
# generate --megabytes M --seed 1`, written once to /tmp and reused). Each round runs every variant once, in an
# order that alternates from round to round, so a change in the machine's load hits all of them. Prints the
# medians of wall, user and system seconds and of peak RSS, and each median wall time as a ratio to DuckDB's.
# Before timing, the score output of every variant is compared with DuckDB's segment counts (exit 1 if they differ).
# pandas is timed only if python3 can import it.
#
# usage: bash bench/cold-start/run.sh [--runs N] [--megabytes M] [--variants "r2r jit ..."] [--no-generated] [--no-retail]
#   --runs N        fresh processes per variant and command (default 7)
#   --megabytes M   size of the generated file (default 1024)
#   --variants      CLI variants to time (default "before r2r aot"); known: aot, r2r, fd, jit, before, each optionally followed
#                   by +NAME=VALUE for a DOTNET_ setting, e.g. r2r+TieredPGO=1 or fd+TC_QuickJitForLoops=0
#   --commands      CLI commands to time (default "score validate")
#   --large-variants  CLI variants for the generated file (default: the same as --variants)
#   --before REF    the git commit whose CLI, published as it was (its own csproj and settings), is variant "before"
#                   (default d55b9de, main before this round of issue 17; fd554bc is the commit before issue 17)
#   --publish-dir D keep the published folders in D and reuse them on the next run with the same D (the timings of
#                   separate runs without publishing again); default: a temporary folder
#   --publish-only  publish (into --publish-dir) and stop: on a shared machine, publish first without holding the
#                   benchmark lock, then time under it, e.g.
#                   bash run.sh --publish-dir D --publish-only && flock /work/bench.lock bash run.sh --publish-dir D
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
before=d55b9de runs=7 megabytes=1024 variants="before r2r aot" large_variants="" publish_dir="" publish_only=0 commands="score validate" retail=1 generated=1
while [ $# -gt 0 ]; do
  case $1 in
    --runs) runs=$2; shift 2 ;;
    --megabytes) megabytes=$2; shift 2 ;;
    --variants) variants=$2; shift 2 ;;
    --large-variants) large_variants=$2; shift 2 ;;
    --commands) commands=$2; shift 2 ;;
    --no-generated) generated=0; shift ;;
    --no-retail) retail=0; shift ;;
    --before) before=$2; shift 2 ;;
    --publish-dir) publish_dir=$2; shift 2 ;;
    --publish-only) publish_only=1; shift ;;
    *) echo "unknown argument $1"; exit 2 ;;
  esac
done
large_variants=${large_variants:-$variants}
as_of=2011-12-10
time_bin=/usr/bin/time
[ -x "$time_bin" ] || { echo "$time_bin is missing: apt-get install time"; exit 1; }
[ -d "$root/bench/duckdb/node_modules/@duckdb/node-api" ] || (cd "$root/bench/duckdb" && npm ci --no-audit --no-fund >/dev/null)

work=$(mktemp -d "${TMPDIR:-/tmp}/cold-start.XXXXXX")
trap 'rm -rf "$work"' EXIT

# The publish folders: under --publish-dir when given (kept for later runs), else in the temporary folder.
out=${publish_dir:-$work}
mkdir -p "$out"
publish() { # FOLDER [ARGS...]: publishes the CLI of this checkout unless FOLDER is already there
  local folder=$1; shift
  [ -x "$out/$folder/segments" ] && { echo "== reusing $out/$folder"; return; }
  echo "== publishing the CLI as variant '$folder' ($*)"
  # From a copy of the sources without bin/ and obj/: publishes with other settings from one obj/ folder reuse
  # each other's ReadyToRun output (a framework-dependent publish after a composite one got the composite's
  # component stubs without the composite image, i.e. no precompiled code at all).
  mkdir -p "$work/src-$folder"
  tar -C "$root" --exclude=bin --exclude=obj -cf - Directory.Build.props Directory.Packages.props src config | tar -x -C "$work/src-$folder"
  (cd "$work/src-$folder" && dotnet publish src/Segments.Cli -c Release -o "$out/$folder.partial" --nologo -nodeReuse:false -p:UseSharedCompilation=false "$@" >"$work/publish-$folder.log" 2>&1) \
    || { cat "$work/publish-$folder.log"; exit 1; }
  mv "$out/$folder.partial" "$out/$folder"
}
needed=" ${variants//+/ } ${large_variants//+/ } r2r "
[[ $needed == *" r2r "* ]] && publish r2r -p:PublishAot=false
[[ $needed == *" aot "* ]] && publish aot
[[ $needed == *" fd "* ]] && publish fd -p:PublishAot=false -p:SelfContained=false -p:PublishReadyToRunComposite=false
[[ $needed == *" jit "* ]] && publish jit -p:PublishAot=false -p:SelfContained=false -p:PublishReadyToRunComposite=false -p:PublishReadyToRun=false
if [[ $needed == *" before "* ]] && [ ! -x "$out/before/segments" ]; then
  echo "== publishing the CLI of $before as variant 'before'"
  mkdir -p "$work/before-src"
  git -C "$root" archive "$before" Directory.Build.props Directory.Packages.props src config | tar -x -C "$work/before-src"
  (cd "$work/before-src" && dotnet publish src/Segments.Cli -c Release -o "$out/before.partial" --nologo -nodeReuse:false -p:UseSharedCompilation=false >"$work/publish-before.log" 2>&1) \
    || { cat "$work/publish-before.log"; exit 1; }
  mv "$out/before.partial" "$out/before"
fi
echo "   publish folders (MB): $(cd "$out" && du -sm -- */ | tr '\n' ' ')"
[ "$publish_only" = 1 ] && exit 0

files=()
retail_file=$root/../shared/data/online-retail/online_retail_2010-2011.csv
if [ "$retail" = 1 ]; then
  if [ -f "$retail_file" ]; then files+=("$retail_file"); else echo "skipping Online Retail: $retail_file is absent"; fi
fi
if [ "$generated" = 1 ]; then
  generated_file=/tmp/segments-generated-${megabytes}MiB-seed1.csv
  if [ ! -f "$generated_file" ]; then
    echo "== generating $generated_file (once; reused by later runs)"
    "$out/r2r/segments" generate --megabytes "$megabytes" --seed 1 --out "$generated_file.partial" && mv "$generated_file.partial" "$generated_file"
  fi
  files+=("$generated_file")
fi

# A variant is a publish folder (aot, r2r, fd, jit, before) plus optional +NAME=VALUE DOTNET_ settings.
command_of() { # VARIANT COMMAND FILE -> the command line, with env settings in front
  local variant=$1 folder=${1%%+*} settings=() rest
  rest=${variant#"$folder"}
  for setting in ${rest//+/ }; do settings+=("DOTNET_$setting"); done
  case $2 in
    score) echo env "${settings[@]}" "$out/$folder/segments" score --input "$3" --as-of "$as_of" ;;
    validate) echo env "${settings[@]}" "$out/$folder/segments" validate --input "$3" ;;
  esac
}
pandas=0
python3 -c 'import pandas' 2>/dev/null && pandas=1 || echo "pandas: not installed (python3 cannot import it; PyPI is not reachable here), not timed"

# One timed fresh process: LABEL FILE_LABEL COMMAND... -> appends "file label wall user sys rss_kb" to results.
timed() {
  local label=$1 file_label=$2; shift 2
  "$time_bin" -o "$work/time" -f '%e %U %S %M' "$@" >"$work/out" 2>"$work/err" || { echo "failed: $*"; cat "$work/err"; exit 1; }
  echo "$file_label $label $(cat "$work/time")" >>"$work/results"
}
reverse() { local out=() item; for item in "$@"; do out=("$item" "${out[@]}"); done; echo "${out[@]}"; }

: >"$work/results"
for file in "${files[@]}"; do
  name=$(basename "$file")
  file_variants=$variants
  [ "$file" = "${generated_file:-}" ] && file_variants=$large_variants
  # The checks also warm the page cache: every timed process reads the file from memory, as DuckDB does.
  echo "== $name ($(du -m "$file" | cut -f1) MB): checking that every variant's score counts equal DuckDB's"
  node "$root/bench/duckdb/rfm.mjs" "$file" "$as_of" >"$work/duckdb.out"
  for variant in $file_variants; do
    # shellcheck disable=SC2046
    $(command_of "$variant" score "$file") | tail -n +3 >"$work/cli.out"
    diff -u "$work/duckdb.out" "$work/cli.out" >/dev/null || { echo "$variant score differs from DuckDB's:"; diff -u "$work/duckdb.out" "$work/cli.out"; exit 1; }
  done
  [ "$pandas" = 1 ] && python3 "$root/bench/cold-start/rfm_pandas.py" "$file" "$as_of" >/dev/null
  echo "   $runs rounds; load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
  items=()
  for command in $commands; do for variant in $file_variants; do items+=("$command:$variant"); done; done
  items+=("duckdb")
  [ "$pandas" = 1 ] && items+=("pandas")
  for round in $(seq 1 "$runs"); do
    order=("${items[@]}")
    [ $((round % 2)) = 0 ] && read -r -a order <<<"$(reverse "${items[@]}")"
    for item in "${order[@]}"; do
      case $item in
        duckdb) timed duckdb-rfm "$name" node "$root/bench/duckdb/rfm.mjs" "$file" "$as_of" ;;
        pandas) timed pandas-rfm "$name" python3 "$root/bench/cold-start/rfm_pandas.py" "$file" "$as_of" ;;
        *) # shellcheck disable=SC2046
           timed "${item%%:*} ${item#*:}" "$name" $(command_of "${item#*:}" "${item%%:*}" "$file") ;;
      esac
    done
  done
  echo "   load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
done

median() { sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.3f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
echo "== medians of $runs fresh processes (wall, user, system in s; peak RSS in MB; ratio = wall / DuckDB's wall on the same file)"
printf '%-40s %-10s %-28s %7s %7s %7s %8s %8s\n' file command variant wall user sys rss_MB "÷DuckDB"
for name in $(cut -d' ' -f1 "$work/results" | uniq); do
  duck=$(awk -v f="$name" '$1 == f && $2 == "duckdb-rfm" { print $3 }' "$work/results" | median)
  awk -v f="$name" '$1 == f { if ($2 ~ /-rfm$/) print $2 " -"; else print $2 " " $3 }' "$work/results" | sort -u | while read -r command variant; do
    select_rows() { awk -v f="$name" -v c="$command" -v v="$variant" -v col="$1" '$1 == f && $2 == c && ((c ~ /-rfm$/ && v == "-") || $3 == v) { print $(c ~ /-rfm$/ ? col - 1 : col) }' "$work/results"; }
    wall=$(select_rows 4 | median); user=$(select_rows 5 | median); sys=$(select_rows 6 | median); rss=$(select_rows 7 | median)
    printf '%-40s %-10s %-28s %7s %7s %7s %8.0f %8.2f\n' "$name" "$command" "$variant" "$wall" "$user" "$sys" "$(echo "$rss / 1024" | bc -l)" "$(echo "$wall / $duck" | bc -l)"
  done
done
echo "== every process (file, command, variant, wall, user, sys, peak RSS KB)"
cat "$work/results"
