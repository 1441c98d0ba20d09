#!/usr/bin/env bash
# Ingest benchmark (issue 4, "Memory and speed"): our parse + normalise path against DuckDB's read_csv on
# the Online Retail file (when ../shared/data is there) and a generated 1 GiB export (made once under
# artifacts/bench/). Prints the table and writes it to artifacts/bench/ingest-results.md.
# Extra arguments go to the benchmark, e.g. --runs 5, --megabytes 256, --no-parsers (see bench/README.md).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

(cd bench/duckdb && npm ci --no-audit --no-fund --loglevel=error)
dotnet build bench/Segments.Bench.Ingest -c Release --nologo -v quiet
dotnet bench/Segments.Bench.Ingest/bin/Release/net10.0/Segments.Bench.Ingest.dll "$@"
