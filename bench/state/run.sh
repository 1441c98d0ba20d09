#!/usr/bin/env bash
# The daily run's read stage with the state between runs against today's (every batch read again), issue 19 point 2.
# Generates an export (segments generate, fixed seed), splits it into a history file and 29 daily files
# (split-by-day.py), starts its own in-memory Azurite on free loopback ports (stopped at the end), ingests the files one
# by one and times the runs' read stage after the first and the 30th. Usage: bench/state/run.sh [rows=500000]
# Run it under the bench lock: flock /work/bench.lock bash bench/state/run.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
rows="${1:-500000}"
work="$(mktemp -d)"
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
dotnet build -c Release "$root/src/Segments.Cli" -v quiet -nologo >/dev/null
dotnet build -c Release "$root/bench/Segments.Bench.State" -v quiet -nologo >/dev/null
dotnet "$root/src/Segments.Cli/bin/Release/net10.0/segments.dll" generate --rows "$rows" --days 90 --seed 19 --out "$work/export.csv"
python3 "$root/bench/state/split-by-day.py" "$work/export.csv" "$work/days" 30
blob=$(port); queue=$(port); table=$(port)
"$root/node_modules/.bin/azurite" --silent --inMemoryPersistence --skipApiVersionCheck --disableTelemetry --loose \
  --blobHost 127.0.0.1 --blobPort "$blob" --queueHost 127.0.0.1 --queuePort "$queue" --tableHost 127.0.0.1 --tablePort "$table" >/dev/null 2>&1 &
azurite=$!
trap 'kill $azurite 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 60); do
  python3 -c "import socket,sys; s=socket.socket(); sys.exit(s.connect_ex(('127.0.0.1',$table)))" && break
  sleep 0.5
done
key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
cs="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$blob/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue/devstoreaccount1;TableEndpoint=http://127.0.0.1:$table/devstoreaccount1;"
dotnet "$root/bench/Segments.Bench.State/bin/Release/net10.0/Segments.Bench.State.dll" daily "$cs" "$work/days"
