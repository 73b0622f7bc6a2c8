/**
 * Query parameters are checked before sending: a bad `limit`, date or enum throws core's params error
 * naming the field, and the server (real HTTP) never sees a request.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { testClient } from "../test-helpers/fixtures.js";
import { ok, startTestServer, type TestServer } from "../test-helpers/server.js";
import { WorkflowParamsError } from "../workflows/catalogue/params-error.js";
import type { TrackagoatClient } from "./create-client.js";

let server: TestServer;
let tg: TrackagoatClient;

beforeAll(async () => {
  server = await startTestServer({ "GET /videos": ok([], { nextCursor: null, hasMore: false }) });
  tg = testClient(server.baseUrl, { maxRetries: 0 });
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

/** The params error thrown (synchronously or as a rejection) by `call`. */
async function paramsError(call: () => unknown): Promise<WorkflowParamsError> {
  try {
    await call();
  } catch (err) {
    expect(err).toBeInstanceOf(WorkflowParamsError);
    return err as WorkflowParamsError;
  }
  throw new Error("expected a WorkflowParamsError");
}

describe("checked before sending", () => {
  const cases: [string, () => unknown, string, RegExp][] = [
    ["limit 0", () => tg.videos.list({ limit: 0 }), "limit", /at least 1/],
    ["limit 101", () => tg.creators.list({ limit: 101 }), "limit", /at most 100/],
    ["limit 2.5", () => tg.campaigns.list({ limit: 2.5 }), "limit", /whole number/],
    [
      "a day that does not exist",
      () => tg.creators.stats("c1", { from: "2026-02-30" }),
      "from",
      /YYYY-MM-DD/,
    ],
    [
      "an instant where a day is due",
      () => tg.campaigns.stats("k1", { to: "2026-03-01T00:00:00Z" }),
      "to",
      /YYYY-MM-DD/,
    ],
    [
      "from after to",
      () => tg.creators.stats("c1", { from: "2026-03-02", to: "2026-03-01" }),
      "from",
      /after to/,
    ],
    [
      "an unknown analytics entity",
      () => tg.analytics.get({ entity: "team" as never, entity_id: "x", metric: "views" }),
      "entity",
      /./,
    ],
    [
      "an unknown analytics mode",
      () => tg.analytics.get({ entity: "creator", entity_id: "x", metric: "views", mode: "daily" as never }),
      "mode",
      /./,
    ],
    [
      "an unknown leaderboard order",
      () => tg.analytics.videoLeaderboard({ project_id: "p", order: "hot" as never }),
      "order",
      /./,
    ],
    [
      "a heatmap without to",
      () => tg.analytics.postingHeatmap({ project_id: "p", from: "2026-03-01" } as never),
      "to",
      /YYYY-MM-DD/,
    ],
    ["an unknown goal period", () => tg.goals.compliance("p", { period: "yearly" as never }), "period", /./],
    [
      "a bad reference_date",
      () => tg.goals.compliance("p", { reference_date: "today" }),
      "reference_date",
      /YYYY-MM-DD/,
    ],
  ];

  for (const [name, call, field, message] of cases) {
    it(`${name}: params error on ${field}, no request`, async () => {
      const err = await paramsError(call);
      expect(err.field).toBe(field);
      expect(err.issues[0]?.message).toMatch(message);
      expect(err.message).toMatch(/^GET \//);
      expect(server.requests).toHaveLength(0);
    });
  }

  it("valid values are sent as they are", async () => {
    await tg.videos.list({ limit: 100 });
    await tg.videos.list({ limit: 1 });
    expect(server.requests.map((r) => r.query.get("limit"))).toEqual(["100", "1"]);
  });
});
