#!/usr/bin/env bash
# Activation benchmark (issue 15 point 7): 100,000 entered/exited moves (50,000 customers leaving lifecycle:Active for
# lifecycle:At Risk) written to the outbox by the run's stage and delivered to a signature-verifying loopback receiver.
# Starts its own in-memory Azurite on free loopback ports and stops it at the end. Usage: bench/activation/run.sh [customers] [batchSize]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
customers="${1:-50000}"
batch="${2:-100}"
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
blob=$(port); queue=$(port); table=$(port)
"$root/node_modules/.bin/azurite" --silent --inMemoryPersistence --skipApiVersionCheck --disableTelemetry --loose \
  --blobHost 127.0.0.1 --blobPort "$blob" --queueHost 127.0.0.1 --queuePort "$queue" --tableHost 127.0.0.1 --tablePort "$table" >/dev/null 2>&1 &
azurite=$!
trap 'kill $azurite 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  python3 -c "import socket,sys; s=socket.socket(); sys.exit(s.connect_ex(('127.0.0.1',$table)))" && break
  sleep 0.5
done
key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
cs="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$blob/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue/devstoreaccount1;TableEndpoint=http://127.0.0.1:$table/devstoreaccount1;"
dotnet run -c Release --project "$root/bench/Segments.Bench.Delivery" -- "$cs" "$customers" "$batch"
