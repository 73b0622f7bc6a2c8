import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { makeCreator, makeVideo, PROJECT_ID, samples, testClient } from "../test-helpers/fixtures.js";
import { ok, startTestServer, type TestServer } from "../test-helpers/server.js";
import type { TrackagoatClient } from "./create-client.js";

let server: TestServer;
let tg: TrackagoatClient;
beforeAll(async () => {
  server = await startTestServer();
  tg = testClient(server.baseUrl, { maxRetries: 0 });
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.requests.length = 0;
});

const P = PROJECT_ID;
const listOf = (item: unknown) => ({ data: [item], meta: { nextCursor: null, hasMore: false } });
const one = (item: unknown) => ({ data: item, meta: null });

interface RouteCase {
  name: string;
  call: (tg: TrackagoatClient) => PromiseLike<unknown>;
  route: string;
  /** `data` and `meta` the test server answers with. */
  reply: { data: unknown; meta: unknown };
  query?: Record<string, string>;
  body?: unknown;
  /** Whether the call must send an Idempotency-Key (POSTs that create). */
  creates?: boolean;
}

const cases: RouteCase[] = [
  // reads
  {
    name: "projects.list",
    call: (t) => t.projects.list(),
    route: "GET /projects",
    reply: listOf({ id: P, org_id: "o", name: "n", created_at: "t" }),
  },
  {
    name: "creators.list",
    call: (t) => t.creators.list({ project_id: P, search: "ab", limit: 10 }),
    route: "GET /creators",
    query: { project_id: P, search: "ab", limit: "10" },
    reply: listOf(makeCreator(1)),
  },
  {
    name: "videos.list",
    call: (t) => t.videos.list({ project_id: P, creator_id: "c1", limit: 5 }),
    route: "GET /videos",
    query: { project_id: P, creator_id: "c1", limit: "5" },
    reply: listOf(makeVideo(1)),
  },
  {
    name: "campaigns.list",
    call: (t) => t.campaigns.list({ project_id: P }),
    route: "GET /campaigns",
    query: { project_id: P },
    reply: listOf(samples.campaign),
  },
  {
    name: "campaigns.items",
    call: (t) => t.campaigns.items("k1", { limit: 3 }),
    route: "GET /campaigns/k1/items",
    query: { limit: "3" },
    reply: listOf(samples.campaignItem),
  },
  {
    name: "creators.stats",
    call: (t) => t.creators.stats("c1", { from: "2026-03-01", to: "2026-03-02" }),
    route: "GET /creators/c1/stats",
    query: { from: "2026-03-01", to: "2026-03-02" },
    reply: one(samples.creatorStats),
  },
  {
    name: "campaigns.stats",
    call: (t) => t.campaigns.stats("k1", { from: "2026-03-01" }),
    route: "GET /campaigns/k1/stats",
    query: { from: "2026-03-01" },
    reply: one(samples.campaignStats),
  },
  {
    name: "videos.stats",
    call: (t) => t.videos.stats("v1", { metric: "growth_rate_pop", base_metric: "views" }),
    route: "GET /videos/v1/stats",
    query: { metric: "growth_rate_pop", base_metric: "views" },
    reply: one(samples.videoStats),
  },
  {
    name: "analytics.get",
    call: (t) =>
      t.analytics.get({
        entity: "campaign",
        entity_id: "k1",
        metric: "views",
        mode: "cumulative",
        granularity: "week",
        compare: "prior_period",
        breakdown: "video",
        tz: "Europe/Paris",
      }),
    route: "GET /analytics",
    query: {
      entity: "campaign",
      entity_id: "k1",
      metric: "views",
      mode: "cumulative",
      granularity: "week",
      compare: "prior_period",
      breakdown: "video",
      tz: "Europe/Paris",
    },
    reply: one(samples.analytics),
  },
  {
    name: "analytics.postingHeatmap",
    call: (t) =>
      t.analytics.postingHeatmap({ project_id: P, from: "2026-03-01", to: "2026-03-31", tz: "UTC" }),
    route: "GET /analytics/aggregate/posting-heatmap",
    query: { project_id: P, from: "2026-03-01", to: "2026-03-31", tz: "UTC" },
    reply: one([samples.heatmapCell]),
  },
  {
    name: "analytics.annotations.list",
    call: (t) => t.analytics.annotations.list({ entity: "creator", entity_id: "c1" }),
    route: "GET /analytics/annotations",
    query: { entity: "creator", entity_id: "c1" },
    reply: listOf(samples.annotation),
  },
  {
    name: "schema.get",
    call: (t) => t.schema.get(),
    route: "GET /schema",
    reply: one({ entities: { creator: { fields: {}, description: "d" } } }),
  },
  {
    name: "goals.compliance",
    call: (t) => t.goals.compliance(P, { period: "weekly", reference_date: "2026-03-15", creator_id: "c1" }),
    route: `GET /projects/${P}/goal-compliance`,
    query: { period: "weekly", reference_date: "2026-03-15", creator_id: "c1" },
    reply: { data: [], meta: null },
  },
  {
    name: "goals.list",
    call: (t) => t.goals.list("c1"),
    route: "GET /creators/c1/goals",
    reply: listOf(samples.goal),
  },
  {
    name: "payoutMethods.list",
    call: (t) => t.payoutMethods.list({ include_disabled: true }),
    route: "GET /payout-methods",
    query: { include_disabled: "true" },
    reply: listOf(samples.payoutMethod),
  },
  {
    name: "payoutMethods.get",
    call: (t) => t.payoutMethods.get("m1"),
    route: "GET /payout-methods/m1",
    reply: one(samples.payoutMethod),
  },
  {
    name: "payoutStructures.list",
    call: (t) => t.payoutStructures.list({ project_id: P }),
    route: "GET /payout-structures",
    query: { project_id: P },
    reply: listOf(samples.payoutStructure),
  },
  {
    name: "payoutStructures.get",
    call: (t) => t.payoutStructures.get("s1"),
    route: "GET /payout-structures/s1",
    reply: one(samples.payoutStructure),
  },
  {
    name: "payoutStructures.assignments.list",
    call: (t) => t.payoutStructures.assignments.list("s1"),
    route: "GET /payout-structures/s1/assignments",
    reply: listOf(samples.payoutAssignment),
  },
  {
    name: "payoutAccruals.list",
    call: (t) => t.payoutAccruals.list({ creator_id: "c1", status: "unpaid" }),
    route: "GET /payout-accruals",
    query: { creator_id: "c1", status: "unpaid" },
    reply: listOf(samples.payoutAccrual),
  },
  {
    name: "payoutAccruals.get",
    call: (t) => t.payoutAccruals.get("ac1"),
    route: "GET /payout-accruals/ac1",
    reply: one(samples.payoutAccrual),
  },
  {
    name: "payoutPayments.list",
    call: (t) => t.payoutPayments.list({ creator_id: "c1" }),
    route: "GET /payout-payments",
    query: { creator_id: "c1" },
    reply: listOf(samples.payoutPayment),
  },
  {
    name: "payoutPayments.get",
    call: (t) => t.payoutPayments.get("pp1"),
    route: "GET /payout-payments/pp1",
    reply: one(samples.payoutPayment),
  },

  // writes
  {
    name: "creators.create (bulk)",
    call: (t) => t.creators.create(P, { creators: [{ tiktok_handle: "a" }] }),
    route: `POST /projects/${P}/creators`,
    body: { creators: [{ tiktok_handle: "a" }] },
    creates: true,
    reply: one([makeCreator(1)]),
  },
  {
    name: "creators.update",
    call: (t) => t.creators.update("c1", { readme: null, metadata: { a: 1 }, tracking_mode: "selective" }),
    route: "PATCH /creators/c1",
    body: { readme: null, metadata: { a: 1 }, tracking_mode: "selective" },
    reply: one(makeCreator(1)),
  },
  {
    name: "creators.delete",
    call: (t) => t.creators.delete("c1"),
    route: "DELETE /creators/c1",
    reply: one(samples.deleted),
  },
  {
    name: "creators.scrape",
    call: (t) => t.creators.scrape("c1"),
    route: "POST /creators/c1/scrape",
    reply: one(samples.queued),
  },
  {
    name: "creators.bulkReenable",
    call: (t) => t.creators.bulkReenable(P, ["c1", "c2"]),
    route: `POST /projects/${P}/creators/bulk-reenable`,
    body: { creator_ids: ["c1", "c2"] },
    reply: one(samples.bulkUpdated),
  },
  {
    name: "creators.bulkRemove",
    call: (t) => t.creators.bulkRemove(P, ["c1", "c2"]),
    route: `POST /projects/${P}/creators/bulk-remove`,
    body: { creator_ids: ["c1", "c2"] },
    reply: one(samples.bulkUpdated),
  },
  {
    name: "videos.create",
    call: (t) => t.videos.create(P, { url: "https://www.tiktok.com/@a/video/1" }),
    route: `POST /projects/${P}/videos`,
    body: { url: "https://www.tiktok.com/@a/video/1" },
    creates: true,
    reply: one(makeVideo(1)),
  },
  {
    name: "videos.update",
    call: (t) => t.videos.update("v1", { readme: "x" }),
    route: "PATCH /videos/v1",
    body: { readme: "x" },
    reply: one(makeVideo(1)),
  },
  {
    name: "videos.delete",
    call: (t) => t.videos.delete("v1"),
    route: "DELETE /videos/v1",
    reply: one(samples.deleted),
  },
  {
    name: "videos.scrape",
    call: (t) => t.videos.scrape("v1"),
    route: "POST /videos/v1/scrape",
    reply: one(samples.queued),
  },
  {
    name: "videos.disableTracking",
    call: (t) => t.videos.disableTracking("v1"),
    route: "POST /videos/v1/tracking-disable",
    reply: one(makeVideo(1)),
  },
  {
    name: "videos.bulkDisableTracking",
    call: (t) => t.videos.bulkDisableTracking(P, ["v1"]),
    route: `POST /projects/${P}/videos/bulk-tracking-disable`,
    body: { video_ids: ["v1"] },
    reply: one(samples.bulkUpdated),
  },
  {
    name: "campaigns.create",
    call: (t) => t.campaigns.create(P, { name: "Spring", target_views: 1000 }),
    route: `POST /projects/${P}/campaigns`,
    body: { name: "Spring", target_views: 1000 },
    creates: true,
    reply: one(samples.campaign),
  },
  {
    name: "campaigns.update",
    call: (t) => t.campaigns.update("k1", { readme: "r" }),
    route: "PATCH /campaigns/k1",
    body: { readme: "r" },
    reply: one(samples.campaign),
  },
  {
    name: "campaigns.delete",
    call: (t) => t.campaigns.delete("k1"),
    route: "DELETE /campaigns/k1",
    reply: one(samples.deleted),
  },
  {
    name: "campaigns.addItem",
    call: (t) => t.campaigns.addItem("k1", { item_type: "video", item_id: "v1" }),
    route: "POST /campaigns/k1/items",
    body: { item_type: "video", item_id: "v1" },
    creates: true,
    reply: one(samples.campaignItem),
  },
  {
    name: "campaigns.removeItem",
    call: (t) => t.campaigns.removeItem("k1", { item_type: "video", item_id: "v1" }),
    route: "DELETE /campaigns/k1/items",
    body: { item_type: "video", item_id: "v1" },
    reply: one({ removed: true }),
  },
  {
    name: "analytics.annotations.create",
    call: (t) => t.analytics.annotations.create({ date: "2026-03-14", label: "Launch" }),
    route: "POST /analytics/annotations",
    body: { date: "2026-03-14", label: "Launch" },
    creates: true,
    reply: one(samples.annotation),
  },
  {
    name: "analytics.annotations.update",
    call: (t) => t.analytics.annotations.update("a1", { label: "L" }),
    route: "PATCH /analytics/annotations/a1",
    body: { label: "L" },
    reply: one(samples.annotation),
  },
  {
    name: "analytics.annotations.delete",
    call: (t) => t.analytics.annotations.delete("a1"),
    route: "DELETE /analytics/annotations/a1",
    reply: one(samples.deleted),
  },
  {
    name: "goals.create",
    call: (t) => t.goals.create("c1", { metric: "posts", period: "weekly", target_value: 3 }),
    route: "POST /creators/c1/goals",
    body: { metric: "posts", period: "weekly", target_value: 3 },
    creates: true,
    reply: one(samples.goal),
  },
  {
    name: "goals.update",
    call: (t) => t.goals.update("g1", { target_value: 4 }),
    route: "PATCH /goals/g1",
    body: { target_value: 4 },
    reply: one(samples.goal),
  },
  {
    name: "goals.delete",
    call: (t) => t.goals.delete("g1"),
    route: "DELETE /goals/g1",
    reply: one(samples.deleted),
  },
  {
    name: "payoutMethods.create",
    call: (t) => t.payoutMethods.create({ name: "Wise" }),
    route: "POST /payout-methods",
    body: { name: "Wise" },
    creates: true,
    reply: one(samples.payoutMethod),
  },
  {
    name: "payoutMethods.update",
    call: (t) => t.payoutMethods.update("m1", { is_active: false }),
    route: "PATCH /payout-methods/m1",
    body: { is_active: false },
    reply: one(samples.payoutMethod),
  },
  {
    name: "payoutMethods.delete",
    call: (t) => t.payoutMethods.delete("m1"),
    route: "DELETE /payout-methods/m1",
    reply: one(samples.deleted),
  },
  {
    name: "payoutStructures.create",
    call: (t) =>
      t.payoutStructures.create({ project_id: P, name: "Base", rule_type: "recurring", amount_cents: 100 }),
    route: "POST /payout-structures",
    body: { project_id: P, name: "Base", rule_type: "recurring", amount_cents: 100 },
    creates: true,
    reply: one(samples.payoutStructure),
  },
  {
    name: "payoutStructures.update",
    call: (t) => t.payoutStructures.update("s1", { amount_cents: 200 }),
    route: "PATCH /payout-structures/s1",
    body: { amount_cents: 200 },
    reply: one(samples.payoutStructure),
  },
  {
    name: "payoutStructures.delete",
    call: (t) => t.payoutStructures.delete("s1"),
    route: "DELETE /payout-structures/s1",
    reply: one(samples.deleted),
  },
  {
    name: "payoutStructures.assignments.create",
    call: (t) => t.payoutStructures.assignments.create("s1", { creator_id: "c1" }),
    route: "POST /payout-structures/s1/assignments",
    body: { creator_id: "c1" },
    creates: true,
    reply: one(samples.payoutAssignment),
  },
  {
    name: "payoutStructures.assignments.delete",
    call: (t) => t.payoutStructures.assignments.delete("s1", { creator_id: "c1" }),
    route: "DELETE /payout-structures/s1/assignments",
    body: { creator_id: "c1" },
    reply: one(samples.deleted),
  },
  {
    name: "payoutAccruals.update",
    call: (t) => t.payoutAccruals.update("ac1", { status: "void" }),
    route: "PATCH /payout-accruals/ac1",
    body: { status: "void" },
    reply: one(samples.payoutAccrual),
  },
  {
    name: "payoutPayments.create",
    call: (t) => t.payoutPayments.create({ creator_id: "c1", method_id: "m1", amount_cents: 100 }),
    route: "POST /payout-payments",
    body: { creator_id: "c1", method_id: "m1", amount_cents: 100 },
    creates: true,
    reply: one(samples.payoutPayment),
  },
  {
    name: "payoutPayments.update",
    call: (t) => t.payoutPayments.update("pp1", { status: "void" }),
    route: "PATCH /payout-payments/pp1",
    body: { status: "void" },
    reply: one(samples.payoutPayment),
  },
];

describe("every route: method, path, query, body, idempotency key, parsed result", () => {
  it.each(cases)("$name → $route", async (c) => {
    server.route(c.route, ok(c.reply.data, c.reply.meta));
    const result = await c.call(tg);
    expect(server.requests).toHaveLength(1);
    const req = server.requests[0]!;
    expect(`${req.method} ${req.path}`).toBe(c.route);
    expect(Object.fromEntries(req.query)).toEqual(c.query ?? {});
    expect(req.json).toEqual(c.body);
    if (c.body !== undefined) expect(req.headers["content-type"]).toMatch(/^application\/json/);
    if (c.creates) expect(req.headers["idempotency-key"]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-/);
    else expect(req.headers["idempotency-key"]).toBeUndefined();
    const data =
      c.route.startsWith("GET") && Array.isArray(c.reply.data) && "data" in (result as object)
        ? (result as { data: unknown }).data
        : result;
    expect(data).toMatchObject(c.reply.data as object);
  });
});

describe("resource specifics", () => {
  it("creators.create returns one Creator for a single body and strips nothing client-side", async () => {
    server.route(`POST /projects/${P}/creators`, ok(makeCreator(2), null, 201));
    const created = await tg.creators.create(P, {
      tiktok_handle: "@creator_2",
      tracking_start_date: "2026-05-01",
    });
    expect(Array.isArray(created)).toBe(false);
    expect(created.tiktok_handle).toBe("creator_2");
    expect(server.requests[0]?.json).toEqual({
      tiktok_handle: "@creator_2",
      tracking_start_date: "2026-05-01",
    });
  });

  it("creators.create returns Creator[] for a bulk body", async () => {
    server.route(`POST /projects/${P}/creators`, ok([makeCreator(1), makeCreator(2)], null, 201));
    const created = await tg.creators.create(P, {
      creators: [{ tiktok_handle: "a" }, { tiktok_handle: "b" }],
    });
    expect(created.map((c) => c.id)).toEqual([makeCreator(1).id, makeCreator(2).id]);
  });

  it("videoLeaderboard returns rows and the offset meta", async () => {
    server.route(
      "GET /analytics/aggregate/video-leaderboard",
      ok([samples.leaderboardRow], { total_count: 42, limit: 1, offset: 5 }),
    );
    const board = await tg.analytics.videoLeaderboard({
      project_id: P,
      order: "like_count",
      limit: 1,
      offset: 5,
    });
    expect(board).toMatchObject({ totalCount: 42, limit: 1, offset: 5 });
    expect(board.data[0]?.video_id).toBe("v1");
    expect(Object.fromEntries(server.requests[0]!.query)).toEqual({
      project_id: P,
      order: "like_count",
      limit: "1",
      offset: "5",
    });
  });

  it("encodes ids so they cannot change the route", async () => {
    server.route("GET /payout-methods/a%2Fb%3Fc", ok(samples.payoutMethod));
    await tg.payoutMethods.get("a/b?c");
    expect(server.requests[0]?.path).toBe("/payout-methods/a%2Fb%3Fc");
    expect(() => tg.payoutMethods.get("")).toThrow(TypeError);
  });

  it("normalises campaign notes (readme ↔ description)", async () => {
    server.route("GET /campaigns", ok([samples.campaign], { nextCursor: null, hasMore: false }));
    const { data } = await tg.campaigns.list();
    expect(data[0]).toMatchObject({ readme: "Notes", description: "Notes" });
  });

  it("offers request() for routes without a method", async () => {
    server.route("GET /analytics/aggregate/outliers", ok([{ video_id: "v1" }]));
    const { data, status } = await tg.request({
      method: "GET",
      path: "/analytics/aggregate/outliers",
      query: { project_id: P },
    });
    expect(status).toBe(200);
    expect(data).toEqual([{ video_id: "v1" }]);
  });
});
