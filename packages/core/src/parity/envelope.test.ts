/**
 * Envelope and error-body differences, from a scripted server (real HTTP) that answers what the sandbox
 * never would: an extra envelope key, a list without `meta`, a body that is not JSON, errors without
 * `meta.code`, a 410 without `meta.replacement`, a success where an error belongs.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { createClient } from "../client/index.js";
import { ok, raw, send, startTestServer, type TestServer } from "../test-helpers/server.js";
import { checkParity } from "./check.js";
import type { ParityReport } from "./report.js";

const KEY = `tga_${"0".repeat(64)}`;
let server: TestServer;
let report: ParityReport;

beforeAll(async () => {
  server = await startTestServer({
    "GET /projects": (_req, res) =>
      send(res, 200, {
        data: [{ id: "p1" }],
        error: null,
        meta: { nextCursor: null, hasMore: false },
        trace: "x",
      }),
    "GET /creators": (_req, res) => send(res, 200, { data: [{ id: "c1" }], error: null }),
    "GET /videos": raw(200, '{"data": [', "application/json"),
    "GET /creators/c1/stats": (_req, res) =>
      send(res, 410, { data: null, error: "Gone", meta: { code: "gone" } }),
    "GET /analytics": (req, res) =>
      req.query.get("entity_id") === "c1"
        ? ok({})(req, res)
        : send(res, 404, { data: null, error: "Not found", meta: null }),
  });
  const client = createClient({ apiKey: KEY, baseUrl: server.baseUrl, rateLimit: false, maxRetries: 0 });
  report = await checkParity(client);
});
afterAll(() => server?.close());

const envelope = () =>
  report.differences.filter((d) => d.kind === "envelope").map((d) => `${d.route} ${d.path}: ${d.example}`);

it("reports each envelope difference with its route and path", () => {
  expect(envelope()).toEqual(
    expect.arrayContaining([
      "GET /projects trace: string",
      "GET /creators meta: absent",
      "GET /videos : not JSON",
      "GET /creators/{id}/stats meta.replacement: absent",
      "GET /analytics (unknown entity_id) meta.code: absent",
    ]),
  );
});

it("says what it could not check, and never calls that a match", () => {
  expect(report.api_generation).toBe("current");
  const outcome = (route: string) => report.checks.find((c) => c.route === route)?.outcome;
  expect(outcome("GET /creators/{id}/stats")).toBe("differs");
  expect(outcome("GET /campaigns")).toBe("error"); // 404 from the scripted server
  expect(outcome("GET /campaigns/{id}/stats")).toBe("skipped"); // no campaign to ask about
  expect(report.summary.matches_contract).toBe(false);
  expect(report.not_checked.some((n) => n.what === "The answers of GET /campaigns/{id}/stats")).toBe(true);
  // Every request went to a GET route, and no more than the budget.
  expect(server.requests.every((r) => r.method === "GET")).toBe(true);
  expect(server.requests.length).toBe(report.request_count);
});
