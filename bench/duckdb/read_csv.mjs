// DuckDB baseline for bench/Segments.Bench.Ingest: times DuckDB's read_csv over one UCI-layout export.
//
// Usage: node read_csv.mjs FILE [RUNS]
// Prints one JSON line: {"file","threads","version","runs":[seconds...],"cpuSeconds":[...],"rows","revenue","maxRssBytes"}
// (cpuSeconds: user + system time of the whole process, all DuckDB threads, during each query).
//
// The query makes DuckDB parse and materialise every column, as our ingest does: typed Quantity,
// UnitPrice and InvoiceDate feed an aggregate, every text column feeds length(), and CustomerID feeds
// count() (non-empty values). The columns and dialect are given explicitly (auto_detect = false), so no
// run pays for sniffing and DuckDB cannot skip a column by projection pushdown. Each run is one query
// on one in-process database with DuckDB's default thread count (all cores), timed around the query only,
// after an untimed warm-up query over the first 1,000 records (the benchmark starts one node process per
// run, and its .NET runs are warm too).
import { DuckDBInstance } from '@duckdb/node-api';

const [file, runsArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node read_csv.mjs FILE [RUNS]');
  process.exit(2);
}

const runs = Number.parseInt(runsArg ?? '3', 10);
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

await connection.runAndReadAll(`SELECT count(*) FROM (SELECT * FROM ${sql.slice(sql.indexOf('read_csv('))} LIMIT 1000)`);

const seconds = [];
const cpuSeconds = [];
let result;
for (let i = 0; i < runs; i++) {
  const start = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  result = (await connection.runAndReadAll(sql)).getRowObjectsJson()[0];
  seconds.push(Number(process.hrtime.bigint() - start) / 1e9);
  const used = process.cpuUsage(cpu);
  cpuSeconds.push((used.user + used.system) / 1e6);
}

connection.closeSync();
instance.closeSync();
console.log(JSON.stringify({
  file,
  threads: Number(settings.threads),
  version: settings.version,
  runs: seconds,
  cpuSeconds,
  rows: Number(result.rows),
  revenue: String(result.revenue),
  maxRssBytes: process.resourceUsage().maxRSS * 1024,
}));
