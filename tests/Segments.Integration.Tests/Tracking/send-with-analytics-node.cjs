// Sends Segment calls with the real @segment/analytics-node client (the version pinned in the root package.json)
// to the host at SEGMENTS_TRACKING_HOST, path /api/v1/batch, with the write key SEGMENTS_WRITE_KEY (kept out of
// the command line). argv[2] is a JSON file: [{"call":"track"|"identify"|"page"|"screen"|"alias"|"group","params":{...}}].
// Prints one JSON object: the statuses of the HTTP requests the client made, and the errors it emitted.
'use strict';

const fs = require('node:fs');
const { Analytics } = require('@segment/analytics-node');

async function main() {
  const calls = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  const analytics = new Analytics({
    writeKey: process.env.SEGMENTS_WRITE_KEY,
    host: process.env.SEGMENTS_TRACKING_HOST,
    path: '/api/v1/batch',
    flushAt: Number(process.env.SEGMENTS_FLUSH_AT || '2'),
    flushInterval: 500,
    maxRetries: 2,
  });
  const statuses = [];
  const errors = [];
  const batchSizes = [];
  analytics.on('http_request', (request) => batchSizes.push(JSON.parse(request.body).batch.length));
  analytics.on('http_response', (response) => statuses.push(response.status));
  analytics.on('error', (error) => errors.push(String(error && (error.reason || error.message || error.code) || error)));
  for (const { call, params } of calls) {
    analytics[call](params);
  }

  await analytics.closeAndFlush({ timeout: 30000 });
  process.stdout.write(JSON.stringify({ statuses, batchSizes, errors }) + '\n');
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack || error) + '\n');
  process.exit(1);
});
