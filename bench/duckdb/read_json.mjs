// DuckDB baseline for the events benchmark (scripts/bench-events.sh): times DuckDB's read_json over one events
// JSON Lines file of Segment messages, as `segments validate --events` reads it.
//
// Usage: node read_json.mjs FILE   runs the query once and prints one JSON line:
//          {"file","threads","version","seconds","cpuSeconds","lines","identified","byType","value","maxRssBytes"}
// seconds: the query alone; the benchmark also times the whole process (startup included), as it does ours.
//
// The query makes DuckDB parse every field our reader reads: the call type and event name (counted per type, as
// validate counts them), userId, anonymousId and messageId (their lengths summed), the timestamp typed as
// TIMESTAMPTZ, and properties with the single product, the products[] list of structs, the total and the order id
// typed as our reader types them. The columns are given explicitly (no sampling pass) and the format is
// newline_delimited, so DuckDB reads the file in parallel with its default thread count (all cores).
import { DuckDBInstance } from '@duckdb/node-api';

const [file] = process.argv.slice(2);
if (!file) {
  console.error('usage: node read_json.mjs FILE');
  process.exit(2);
}

const literal = `'${file.replaceAll("'", "''")}'`;
const sql = `
SELECT count(*) AS lines,
       count(userId) AS identified,
       sum(CASE WHEN type = 'track' AND event = 'Product Viewed' THEN 1 ELSE 0 END) AS views,
       sum(CASE WHEN type = 'track' AND event = 'Product Added' THEN 1 ELSE 0 END) AS adds,
       sum(CASE WHEN type = 'track' AND event = 'Checkout Started' THEN 1 ELSE 0 END) AS checkouts,
       sum(CASE WHEN type = 'track' AND event = 'Order Completed' THEN 1 ELSE 0 END) AS orders,
       sum(CASE WHEN type = 'page' THEN 1 ELSE 0 END) AS pages,
       sum(CASE WHEN type = 'identify' THEN 1 ELSE 0 END) AS identifies,
       max("timestamp") AS last_seen,
       sum(coalesce(properties.total, properties.price * coalesce(properties.quantity, 1), 0)) AS value,
       sum(coalesce(len(properties.products), 0)) AS product_lines,
       sum(length(coalesce(userId, '')) + length(coalesce(anonymousId, '')) + length(messageId)
           + length(coalesce(properties.product_id, '')) + length(coalesce(properties.order_id, ''))) AS id_chars
FROM read_json(${literal},
  format = 'newline_delimited', auto_detect = false,
  columns = {
    'type': 'VARCHAR', 'event': 'VARCHAR', 'userId': 'VARCHAR', 'anonymousId': 'VARCHAR', 'messageId': 'VARCHAR',
    'timestamp': 'TIMESTAMPTZ',
    'properties': 'STRUCT(product_id VARCHAR, price DECIMAL(18,2), quantity INTEGER, order_id VARCHAR, total DECIMAL(18,2), "value" DECIMAL(18,2), products STRUCT(product_id VARCHAR, price DECIMAL(18,2), quantity INTEGER)[])'
  })`;

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const settings = (await connection.runAndReadAll(`SELECT current_setting('threads') AS threads, version() AS version`)).getRowObjectsJson()[0];
const start = process.hrtime.bigint();
const cpu = process.cpuUsage();
const result = (await connection.runAndReadAll(sql)).getRowObjectsJson()[0];
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const used = process.cpuUsage(cpu);
console.log(JSON.stringify({
  file,
  threads: Number(settings.threads),
  version: settings.version,
  seconds,
  cpuSeconds: (used.user + used.system) / 1e6,
  lines: Number(result.lines),
  identified: Number(result.identified),
  byType: {
    'Product Viewed': Number(result.views), 'Product Added': Number(result.adds), 'Checkout Started': Number(result.checkouts),
    'Order Completed': Number(result.orders), page: Number(result.pages), identify: Number(result.identifies),
  },
  value: String(result.value),
  productLines: Number(result.product_lines),
  maxRssBytes: process.resourceUsage().maxRSS * 1024,
}));
connection.closeSync();
instance.closeSync();
