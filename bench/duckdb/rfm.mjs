// DuckDB's whole process doing what `segments score --input FILE --as-of DATE` does (issue 17): read a UCI-layout
// export, fold it into per-customer RFM measures, score them 1-5 against the customers' own 20/40/60/80th
// percentiles and count the customers per named segment. The cold-start benchmark (bench/cold-start/run.sh) times
// this whole node process, start-up included, against the CLI's.
//
// Usage: node rfm.mjs FILE AS_OF          prints "as of AS_OF: customers scored N" and one line per segment,
//                                         in the layout of `segments score`, so the two outputs can be diffed.
//
// The same rules as Segments.Core (CustomerAggregator, RfmScorer, RfmSegmentTable, the uci-online-retail mapping):
// - rows without CustomerID are skipped; rows dated (day of InvoiceDate) after AS_OF are ignored;
// - an InvoiceNo starting with C (any case) is a cancellation: its amount counts, its invoice is not an order;
// - recency = AS_OF - day of the last non-cancelled order; frequency = distinct non-cancelled invoices;
//   monetary = sum of Quantity * UnitPrice (cancellations included), floored at 0; customers without a
//   non-cancelled order are not scored;
// - cut points = quantile_cont at 0.2/0.4/0.6/0.8 (linear interpolation, numpy's default, which is what
//   Percentile.Linear computes); R = 5 - cut points strictly below, F and M = 1 + cut points strictly below.
// Not the same: customer ids are compared as their trimmed text (the CLI also normalises "17850.0" and "17850" to
// one id); for these files every customer is written one way, so the counts agree (bench/README.md says how checked).
import { DuckDBInstance } from '@duckdb/node-api';

const [file, asOf] = process.argv.slice(2);
if (!file || !/^\d{4}-\d{2}-\d{2}$/.test(asOf ?? '')) {
  console.error('usage: node rfm.mjs FILE AS_OF(yyyy-MM-dd)');
  process.exit(2);
}

// RfmSegmentTable, in its order (the order `segments score` prints).
const segments = [
  ['Champions', '555 554 544 545 454 455 445'],
  ['Loyal', '543 444 435 355 354 345 344 335'],
  ['Potential Loyalist', '553 551 552 541 542 533 532 531 452 451 442 441 431 453 433 432 423 353 352 351 342 341 333 323'],
  ['New Customers', '512 511 422 421 412 411 311'],
  ['Promising', '525 524 523 522 521 515 514 513 425 424 413 414 415 315 314 313'],
  ['Need Attention', '535 534 443 434 343 334 325 324'],
  ['About To Sleep', '331 321 312 221 213'],
  ['At Risk', '255 254 245 244 253 252 243 242 235 234 225 224 153 152 145 143 142 135 134 133 125 124'],
  ["Can't Lose Them", '155 154 144 214 215 115 114 113'],
  ['Hibernating', '332 322 231 241 251 233 232 223 222 132 123 122 212 211'],
  ['Lost', '111 112 121 131 141 151'],
];
const quote = (text) => `'${text.replaceAll("'", "''")}'`;
const segmentRows = segments.flatMap(([name, codes], order) => codes.split(' ').map((code) => `(${code}, ${quote(name)}, ${order})`));

const sql = `
WITH lines AS (
  SELECT trim(CustomerID) AS customer, InvoiceNo AS invoice, CAST(InvoiceDate AS DATE) AS day,
         Quantity * UnitPrice AS amount, upper(trim(InvoiceNo)) LIKE 'C%' AS cancelled
  FROM read_csv(${quote(file)},
    header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
    timestampformat = '%Y-%m-%d %H:%M:%S',
    columns = {
      'InvoiceNo': 'VARCHAR', 'StockCode': 'VARCHAR', 'Description': 'VARCHAR', 'Quantity': 'DECIMAL(18,4)',
      'InvoiceDate': 'TIMESTAMP', 'UnitPrice': 'DECIMAL(18,4)', 'CustomerID': 'VARCHAR', 'Country': 'VARCHAR'
    })
  WHERE trim(CustomerID) <> '' AND CAST(InvoiceDate AS DATE) <= DATE ${quote(asOf)}
),
customers AS (
  SELECT customer,
         CAST(DATE ${quote(asOf)} - max(day) FILTER (WHERE NOT cancelled) AS DECIMAL(18,4)) AS recency,
         CAST(count(DISTINCT invoice) FILTER (WHERE NOT cancelled) AS DECIMAL(18,4)) AS frequency,
         greatest(sum(amount), 0) AS monetary
  FROM lines
  GROUP BY customer
  HAVING count(*) FILTER (WHERE NOT cancelled) > 0
),
cuts AS (
  SELECT quantile_cont(recency, [0.2, 0.4, 0.6, 0.8]) AS r,
         quantile_cont(frequency, [0.2, 0.4, 0.6, 0.8]) AS f,
         quantile_cont(monetary, [0.2, 0.4, 0.6, 0.8]) AS m
  FROM customers
),
scored AS (
  SELECT 100 * (5 - ((r[1] < recency)::INT + (r[2] < recency)::INT + (r[3] < recency)::INT + (r[4] < recency)::INT))
       + 10 * (1 + (f[1] < frequency)::INT + (f[2] < frequency)::INT + (f[3] < frequency)::INT + (f[4] < frequency)::INT)
       + (1 + (m[1] < monetary)::INT + (m[2] < monetary)::INT + (m[3] < monetary)::INT + (m[4] < monetary)::INT) AS code
  FROM customers, cuts
),
segment_table(code, name, position) AS (VALUES ${segmentRows.join(', ')})
SELECT t.name, t.position, count(s.code) AS customers
FROM (SELECT DISTINCT name, position FROM segment_table) t
LEFT JOIN segment_table c ON c.name = t.name
LEFT JOIN scored s ON s.code = c.code
GROUP BY t.name, t.position
ORDER BY t.position`;

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const rows = (await connection.runAndReadAll(sql)).getRowObjectsJson();
const total = rows.reduce((sum, row) => sum + Number(row.customers), 0);
console.log(`as of ${asOf}: customers scored ${total}`);
for (const row of rows) {
  console.log(`  ${row.name.padEnd(20)} ${String(row.customers).padStart(8)}`);
}

connection.closeSync();
instance.closeSync();
