#!/usr/bin/env bash
# wrk against the local host on loopback (issue 6, point 4): throughput and p99 latency of a trivial endpoint
# (GET /api/health), a cached customer lookup (the same customer again and again) and uncached lookups (a Lua
# script cycling over every scored customer with Cache-Control: no-cache, so each request reads the active-run
# pointer and the customer row from Azurite), all in the same run. Not a test: it prints a table.
#
#   bash bench/api/run.sh                 # full UCI Online Retail when ../shared/data is there, else the sample
#   DURATION=30s CONNECTIONS=64 bash bench/api/run.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"

threads="${THREADS:-2}"
connections="${CONNECTIONS:-32}"
duration="${DURATION:-15s}"
function_key="bench-function-key"
admin_key="bench-admin-key"
work="$(mktemp -d /tmp/segments-bench-api.XXXXXX)"
full="$root/../shared/data/online-retail/online_retail_2010-2011.csv"
data="${DATA:-$( [ -f "$full" ] && echo "$full" || echo "$root/samples/online-retail-sample.csv")}"

step() { printf '\n==> %s\n' "$*" >&2; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
wait_for() {  # wait_for SECONDS DESCRIPTION COMMAND...
  local seconds=$1 what=$2; shift 2
  for _ in $(seq $((seconds * 5))); do "$@" >/dev/null 2>&1 && return 0; sleep 0.2; done
  echo "Gave up after ${seconds}s waiting for ${what}." >&2; return 1
}

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT INT TERM

if ! command -v wrk >/dev/null; then
  step "Installing wrk (Debian package)"
  apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi
[ -x node_modules/.bin/azurite ] || { step "Installing Azurite (npm ci)"; npm ci --no-audit --no-fund --loglevel=error; }

step "Building the host and the CLI (Release)"
dotnet build src/Segments.Host -c Release -nologo -v quiet >&2
dotnet build src/Segments.Cli -c Release -nologo -v quiet >&2

blob=$(free_port); queue=$(free_port); table=$(free_port); http=$(free_port)
base="http://127.0.0.1:${http}"
step "Starting Azurite in memory on 127.0.0.1:${blob}/${queue}/${table}"
node_modules/.bin/azurite --inMemoryPersistence --disableTelemetry --skipApiVersionCheck --loose \
  --blobHost 127.0.0.1 --blobPort "$blob" --queueHost 127.0.0.1 --queuePort "$queue" --tableHost 127.0.0.1 --tablePort "$table" \
  >"$work/azurite.log" 2>&1 &
pids+=($!)
wait_for 60 "Azurite" bash -c "(exec 3<>/dev/tcp/127.0.0.1/$table)"

export AzureWebJobsStorage="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:${blob}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:${queue}/devstoreaccount1;TableEndpoint=http://127.0.0.1:${table}/devstoreaccount1;"
step "Starting the host on ${base} (log in ${work}/host.log)"
Segments__AdminKey="$admin_key" Segments__FunctionKey="$function_key" Segments__PollIntervalSeconds=1 Segments__HostId=segments-bench \
  Logging__LogLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Production \
  dotnet src/Segments.Host/bin/Release/net10.0/Segments.Host.dll --urls "$base" >"$work/host.log" 2>&1 &
pids+=($!)
wait_for 60 "the host" curl -sf "${base}/api/health"

step "Uploading $(basename "$data") and waiting for ingestion"
dotnet src/Segments.Cli/bin/Release/net10.0/segments.dll upload --file "$data" --connection "$AzureWebJobsStorage" >&2
ingested() { curl -sf "${base}/api/batches?code=${function_key}" | grep -q '"status":"accepted".*"costUsd":{'; }
wait_for 600 "ingestion" ingested

step "Recomputing as of 2011-12-10"
location=$(curl -sf -D - -o /dev/null -X POST "${base}/api/runs" -H "x-functions-key: ${admin_key}" -d '{"asOf":"2011-12-10"}' | tr -d '\r' | sed -n 's/^Location: //Ip')
finished() { curl -sf "${base}${location}?code=${function_key}" | grep -q '"status":"succeeded".*"finishedAt":"'; }
wait_for 600 "run ${location}" finished
curl -sf "${base}${location}?code=${function_key}" >"$work/run.json"
node -e 'const r=JSON.parse(require("fs").readFileSync(process.argv[1]));const c=r.costUsd;
console.error(`run ${r.runId}: ${r.customersScored} customers, ${r.usage.wallMs} ms, ${r.usage.requests.total} storage requests, costUsd ${c.total} (compute ${c.compute}, executions ${c.executions}, blob ops ${c.blobOps}, table ops ${c.tableOps}; ${c.gbSeconds} GB-s billed)`);
for (const [k,v] of Object.entries(c.stages)) console.error(`  ${k}: ${v.total} USD (${v.gbSeconds} GB-s)`);' "$work/run.json"

step "Collecting the scored customers' ids (CSV export of every RFM segment)"
curl -sf "${base}/api/segments?code=${function_key}" \
  | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>JSON.parse(s).segments.filter(x=>x.customers>0).forEach(x=>console.log(x.id)))' \
  | while read -r segment; do
      curl -sf -H 'Accept: text/csv' "${base}/api/segments/$(node -p 'encodeURIComponent(process.argv[1])' "$segment")/customers?code=${function_key}" | tail -n +2 | cut -d, -f1
    done >"$work/ids.txt"
customers=$(wc -l <"$work/ids.txt")
one=$(head -1 "$work/ids.txt")
echo "customers: ${customers}; cached lookup of ${one}" >&2

cat >"$work/uncached.lua" <<LUA
local ids = {}
for line in io.lines("$work/ids.txt") do ids[#ids + 1] = line end
local n = 0
wrk.headers["x-functions-key"] = "${function_key}"
wrk.headers["Cache-Control"] = "no-cache"
request = function()
  n = n + 1
  return wrk.format("GET", "/api/customers/" .. ids[(n % #ids) + 1])
end
LUA

measure() {  # measure NAME WRK-ARGS... ; prints "name req/s p99ms"
  local name=$1; shift
  wrk -t"$threads" -c"$connections" -d"$duration" --latency "$@" >"$work/$name.txt" 2>&1
  local rps p99
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$work/$name.txt")
  p99=$(awk '$1=="99%" {v=$2; if (v ~ /us$/) {sub(/us$/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v=v*1000}; print v}' "$work/$name.txt")
  local non2xx
  non2xx=$(awk '/Non-2xx/ {print $NF}' "$work/$name.txt")
  echo "$name $rps $p99 ${non2xx:-0}"
}

step "wrk -t${threads} -c${connections} -d${duration} --latency (warm-up 3 s each first)"
curl -sf -o /dev/null -H "x-functions-key: ${function_key}" "${base}/api/customers/${one}"
wrk -t1 -c4 -d3s "${base}/api/health" >/dev/null
wrk -t1 -c4 -d3s -H "x-functions-key: ${function_key}" "${base}/api/customers/${one}" >/dev/null
results=()
results+=("$(measure trivial "${base}/api/health")")
results+=("$(measure cached -H "x-functions-key: ${function_key}" "${base}/api/customers/${one}")")
results+=("$(measure uncached -s "$work/uncached.lua" "${base}")")

trivial_rps=$(awk '{print $2}' <<<"${results[0]}")
printf '\n%s customers (%s), %s cores, load average %s\n\n' "$customers" "$(basename "$data")" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '| endpoint | req/s | p99 ms | × trivial | non-2xx |\n|---|---:|---:|---:|---:|\n'
for line in "${results[@]}"; do
  read -r name rps p99 non2xx <<<"$line"
  label=$(case $name in trivial) echo 'GET /api/health (trivial)';; cached) echo 'GET /api/customers/{id}, cached';; *) echo 'GET /api/customers/{id}, uncached (no-cache, cycling ids)';; esac)
  printf '| %s | %.0f | %.2f | %.2f | %s |\n' "$label" "$rps" "$p99" "$(awk -v a="$rps" -v b="$trivial_rps" 'BEGIN{print a/b}')" "$non2xx"
done
printf '\nwrk output: %s/{trivial,cached,uncached}.txt\n' "$work"
