#!/usr/bin/env bash
# What a cold `segments score` spends before it reads its input (issue 17). A benchmark, not a test.
#
# Runs `segments score --input FILE --as-of 2011-12-10` under `strace --seccomp-bpf -f -ttt -e trace=execve,openat,exit_group`
# (only those three system calls stop the process, so the tracing costs little) and reports, per fresh process:
#   before input: from the execve of the apphost to the openat of the input file (runtime start, assembly loading,
#                 JIT of Main, System.CommandLine parsing, the built-in mapping catalog: everything before the first byte);
#   total:        from the execve to the exit_group of the main thread.
# Also the same for `segments score --input /nonexistent`, which stops right after parsing its arguments (exit code 2):
# the floor of start-up for any command.
#
# usage: bash bench/cold-start/startup.sh PUBLISH_DIR[+NAME=VALUE...] ... [-- FILE]   (default FILE: Online Retail)
#   e.g. bash bench/cold-start/startup.sh /tmp/r2r /tmp/jit /tmp/r2r+TieredPGO=0   (folders from dotnet publish)
# RUNS (environment, default 7) fresh processes per variant, alternating; prints the medians in ms.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
runs=${RUNS:-7}
variants=()
file=$root/../shared/data/online-retail/online_retail_2010-2011.csv
while [ $# -gt 0 ]; do
  if [ "$1" = -- ]; then file=$2; break; fi
  variants+=("$1"); shift
done
[ ${#variants[@]} -gt 0 ] || { echo "usage: $0 PUBLISH_DIR[+NAME=VALUE...] ... [-- FILE]"; exit 2; }
command -v strace >/dev/null || { echo "strace is missing: apt-get install strace"; exit 1; }
[ -f "$file" ] || { echo "$file is absent"; exit 1; }
file=$(realpath "$file")  # the CLI opens the full path
work=$(mktemp -d "${TMPDIR:-/tmp}/cold-start-trace.XXXXXX")
trap 'rm -rf "$work"' EXIT

one() { # VARIANT INPUT -> "ms_to_open ms_total"
  local spec=$1 input=$2 dir settings=() rest
  dir=${spec%%+*}; rest=${spec#"$dir"}
  for setting in ${rest//+/ }; do settings+=("DOTNET_$setting"); done
  env "${settings[@]}" strace --seccomp-bpf -f -ttt -e trace=execve,openat,exit_group -o "$work/trace" \
    "$dir/segments" score --input "$input" --as-of 2011-12-10 >/dev/null 2>&1 || true
  awk -v input="$input" '
    /execve\(/ && start == "" { start = $2 }
    index($0, "\"" input "\"") && /openat\(/ && open == "" { open = $2 }
    /exit_group\(/ { end = $2 }
    END { printf "%.0f %.0f\n", (open == "" ? end - start : open - start) * 1000, (end - start) * 1000 }' "$work/trace"
}
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }

echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg); $runs fresh processes per variant, alternating"
: >"$work/results"
for round in $(seq 1 "$runs"); do
  for spec in "${variants[@]}"; do
    echo "$spec file $(one "$spec" "$file")" >>"$work/results"
    echo "$spec missing $(one "$spec" /nonexistent-input.csv)" >>"$work/results"
  done
done
printf '%-44s %16s %12s %22s\n' variant "ms before input" "ms total" "ms, missing input"
for spec in "${variants[@]}"; do
  pick() { awk -v s="$spec" -v k="$1" -v c="$2" '$1 == s && $2 == k { print $c }' "$work/results" | median; }
  printf '%-44s %16s %12s %22s\n' "$spec" "$(pick file 3)" "$(pick file 4)" "$(pick missing 4)"
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
