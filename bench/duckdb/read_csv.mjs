// DuckDB baseline for bench/Segments.Bench.Ingest: times DuckDB's read_csv over one UCI-layout export.
//
// Usage: node read_csv.mjs FILE [RUNS]   runs the query RUNS times (default 3), then prints one JSON line:
//          {"file","threads","version","runs":[seconds...],"cpuSeconds":[...],"rows","revenue","maxRssBytes"}
//        node read_csv.mjs FILE --serve  runs the query once per line read from standard input and prints
//          that run's JSON line; the benchmark drives it this way to alternate DuckDB's runs with its own
//          while DuckDB stays warm in one process. maxRssBytes is the process's peak so far.
// cpuSeconds: user + system time of the whole process (all DuckDB threads) during each query.
//
// The query makes DuckDB parse and materialise every column, as our ingest does: typed Quantity,
// UnitPrice and InvoiceDate feed an aggregate, every text column feeds length(), and CustomerID feeds
// count() (non-empty values). The columns and dialect are given explicitly (auto_detect = false), so no
// run pays for sniffing and DuckDB cannot skip a column by projection pushdown. Each run is one query
// on one in-process database with DuckDB's default thread count (all cores), timed around the query only.
import { createInterface } from 'node:readline';
import { DuckDBInstance } from '@duckdb/node-api';

const [file, runsArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node read_csv.mjs FILE [RUNS | --serve]');
  process.exit(2);
}

const literal = `'${file.replaceAll("'", "''")}'`;
const sql = `
SELECT count(*) AS rows,
       sum(Quantity * UnitPrice) AS revenue,
       max(InvoiceDate) AS last_order,
       count(CustomerID) AS with_customer,
       sum(length(InvoiceNo) + length(StockCode) + length(coalesce(Description, '')) + length(coalesce(Country, ''))) AS text_chars
FROM read_csv(${literal},
  header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
  timestampformat = '%Y-%m-%d %H:%M:%S',
  columns = {
    'InvoiceNo': 'VARCHAR', 'StockCode': 'VARCHAR', 'Description': 'VARCHAR', 'Quantity': 'INTEGER',
    'InvoiceDate': 'TIMESTAMP', 'UnitPrice': 'DECIMAL(18,4)', 'CustomerID': 'VARCHAR', 'Country': 'VARCHAR'
  })`;

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const settings = (await connection.runAndReadAll(`SELECT current_setting('threads') AS threads, version() AS version`)).getRowObjectsJson()[0];

async function run() {
  const start = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const result = (await connection.runAndReadAll(sql)).getRowObjectsJson()[0];
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const used = process.cpuUsage(cpu);
  return { seconds, cpuSeconds: (used.user + used.system) / 1e6, result };
}

function report(runs) {
  const { result } = runs[runs.length - 1];
  return JSON.stringify({
    file,
    threads: Number(settings.threads),
    version: settings.version,
    runs: runs.map((r) => r.seconds),
    cpuSeconds: runs.map((r) => r.cpuSeconds),
    rows: Number(result.rows),
    revenue: String(result.revenue),
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
  });
}

if (runsArg === '--serve') {
  for await (const _ of createInterface({ input: process.stdin })) {
    console.log(report([await run()]));
  }
} else {
  const runs = [];
  for (let i = 0; i < Number.parseInt(runsArg ?? '3', 10); i++) {
    runs.push(await run());
  }

  console.log(report(runs));
}

connection.closeSync();
instance.closeSync();
