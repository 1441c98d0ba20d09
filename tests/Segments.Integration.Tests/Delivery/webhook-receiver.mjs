// A loopback webhook receiver for the delivery tests, independent of the .NET code under test: every request's
// Standard Webhooks signature is checked by the npm `standardwebhooks` package and its body parsed by the npm
// `cloudevents` SDK (pinned in the root package.json). Faults on purpose, from the environment:
//   FAIL_FIRST=N  answers 503 to the first N requests;  HANG_FIRST=N  never answers the first N (the sender times out);
//   GONE=1        answers 410 Gone to everything.
// GET /state returns what it saw; accepted deliveries are those it answered 2xx, first time per webhook-id only.
import http from "node:http";
import { Webhook } from "standardwebhooks";
import { HTTP } from "cloudevents";

const port = Number(process.env.PORT);
const webhook = new Webhook(process.env.SECRET);
const failFirst = Number(process.env.FAIL_FIRST ?? 0);
const hangFirst = Number(process.env.HANG_FIRST ?? 0);
const gone = process.env.GONE === "1";

const state = { requests: 0, failedOnPurpose: 0, hung: 0, hungIds: [], gone: 0, rejected: [], redeliveries: 0, accepted: [] };
const seen = new Set();

const server = http.createServer((request, response) => {
  const chunks = [];
  request.on("data", (chunk) => chunks.push(chunk));
  request.on("end", () => {
    if (request.method === "GET" && request.url === "/state") {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify(state));
      return;
    }

    state.requests++;
    const body = Buffer.concat(chunks).toString("utf8");
    if (state.requests <= hangFirst) {
      state.hung++;
      state.hungIds.push(request.headers["webhook-id"]);
      return; // never answered
    }

    if (state.requests <= hangFirst + failFirst) {
      state.failedOnPurpose++;
      response.writeHead(503);
      response.end();
      return;
    }

    if (gone) {
      state.gone++;
      response.writeHead(410);
      response.end();
      return;
    }

    let events;
    try {
      webhook.verify(body, request.headers);
      events = HTTP.toEvent({ headers: request.headers, body });
      if (!Array.isArray(events)) {
        throw new Error("not a CloudEvents batch");
      }
    } catch (error) {
      state.rejected.push(String(error && error.message ? error.message : error));
      response.writeHead(400);
      response.end();
      return;
    }

    const id = request.headers["webhook-id"];
    if (seen.has(id)) {
      state.redeliveries++;
    } else {
      seen.add(id);
      state.accepted.push({
        webhookId: id,
        events: events.map((e) => ({ id: e.id, type: e.type, subject: e.subject, specversion: e.specversion, data: e.data })),
      });
    }

    response.writeHead(204);
    response.end();
  });
});

server.listen(port, "127.0.0.1", () => console.log(`listening on ${port}`));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
