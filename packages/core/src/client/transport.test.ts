import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeCreator, PROJECT_ID, TEST_KEY, testClient } from "../test-helpers/fixtures.js";
import { fail, ok, raw, send, startTestServer, type TestServer } from "../test-helpers/server.js";
import {
  AuthenticationError,
  NotFoundError,
  RateLimitError,
  ResponseValidationError,
  ServerError,
} from "./errors.js";
import { DEFAULT_USER_AGENT } from "./options.js";

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});

const PROJECT = {
  id: PROJECT_ID,
  org_id: "o1",
  name: "Spring",
  description: null,
  created_at: "2026-01-01T00:00:00Z",
};
const page1 = (data: unknown[]) => ok(data, { nextCursor: null, hasMore: false });

describe("request basics", () => {
  it("sends the key, JSON accept header and user agent, and parses the envelope", async () => {
    server.route("GET /projects", page1([PROJECT]));
    const tg = testClient(server.baseUrl);
    const first = await tg.projects.list();
    expect(first.data).toEqual([PROJECT]);
    const [req] = server.requests;
    expect(req?.headers.authorization).toBe(`Bearer ${TEST_KEY}`);
    expect(req?.headers.accept).toBe("application/json");
    expect(req?.headers["user-agent"]).toBe(DEFAULT_USER_AGENT);
    expect(req?.headers["idempotency-key"]).toBeUndefined();
    expect(tg.requestCount).toBe(1);
  });

  it("applies schema defaults and keeps unknown fields", async () => {
    const { metadata: _m, display_name: _d, ...bare } = makeCreator(1);
    server.route("GET /creators", page1([{ ...bare, brand_new_field: 42 }]));
    const { data } = await testClient(server.baseUrl).creators.list();
    expect(data[0]).toMatchObject({ metadata: {}, display_name: null, brand_new_field: 42 });
  });

  it("uses an injected fetch", async () => {
    server.route("GET /schema", ok({ entities: {} }));
    let calls = 0;
    const tg = testClient(server.baseUrl, {
      fetch: (input, init) => {
        calls++;
        return fetch(input, init);
      },
    });
    await tg.schema.get();
    expect(calls).toBe(1);
  });
});

describe("retries", () => {
  it("retries a 500 and then succeeds, counting both requests", async () => {
    server.route("GET /schema", fail(500, "internal_error", "boom"), ok({ entities: {} }));
    const tg = testClient(server.baseUrl);
    const started = performance.now();
    await expect(tg.schema.get()).resolves.toEqual({ entities: {} });
    expect(server.requestsTo("GET /schema")).toHaveLength(2);
    expect(tg.requestCount).toBe(2);
    // first backoff is 0.5 s minus up to 25 % jitter
    expect(performance.now() - started).toBeGreaterThanOrEqual(370);
  });

  it("gives up after maxRetries with the last ServerError", async () => {
    server.route("GET /schema", fail(503, "internal_error", "down", {}, { "retry-after": "0" }));
    const tg = testClient(server.baseUrl, { maxRetries: 1 });
    const err = await tg.schema.get().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServerError);
    expect((err as ServerError).status).toBe(503);
    expect(server.requests).toHaveLength(2);
  });

  it("honours Retry-After on a 429 and then succeeds", async () => {
    server.route(
      "GET /schema",
      fail(429, "rate_limit_exceeded", "Too many requests", { retryAfter: 1 }, { "retry-after": "1" }),
      ok({ entities: {} }),
    );
    const tg = testClient(server.baseUrl);
    await tg.schema.get();
    const [a, b] = server.requestsTo("GET /schema");
    expect(b!.at - a!.at).toBeGreaterThanOrEqual(950);
  });

  it("honours meta.retryAfter when there is no header", async () => {
    server.route(
      "GET /schema",
      fail(429, "rate_limit_exceeded", "Too many requests", { retryAfter: 0.3 }),
      ok({ entities: {} }),
    );
    await testClient(server.baseUrl).schema.get();
    const [a, b] = server.requestsTo("GET /schema");
    expect(b!.at - a!.at).toBeGreaterThanOrEqual(280);
  });

  it("gives up at once when Retry-After exceeds the ceiling", async () => {
    server.route(
      "GET /schema",
      fail(
        429,
        "rate_limit_exceeded",
        "Rate limit exceeded",
        { retryAfter: 3600 },
        { "retry-after": "3600" },
      ),
    );
    const started = performance.now();
    const err = await testClient(server.baseUrl)
      .schema.get()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitError);
    expect((err as RateLimitError).retryAfter).toBe(3600);
    expect(server.requests).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it("retries a 429 even for a POST without an idempotency key (the request was not executed)", async () => {
    server.route(
      "POST /creators/c1/scrape",
      fail(429, "rate_limit_exceeded", "Too many", {}, { "retry-after": "0" }),
      ok({ queued: true }, null, 202),
    );
    await expect(testClient(server.baseUrl).creators.scrape("c1")).resolves.toEqual({ queued: true });
    expect(server.requests).toHaveLength(2);
    expect(server.requests[0]?.headers["idempotency-key"]).toBeUndefined();
  });

  it("retries a create POST with the same Idempotency-Key", async () => {
    const route = `POST /projects/${PROJECT_ID}/creators`;
    // Retry-After: 0 keeps the test fast; the backoff itself is tested above
    const now = { "retry-after": "0" };
    server.route(
      route,
      fail(500, "internal_error", "boom", {}, now),
      fail(502, "internal_error", "bad gateway", {}, now),
      ok(makeCreator(7), null, 201),
    );
    const creator = await testClient(server.baseUrl).creators.create(PROJECT_ID, {
      tiktok_handle: "creator_7",
    });
    expect(creator.tiktok_handle).toBe("creator_7");
    const keys = server.requestsTo(route).map((r) => r.headers["idempotency-key"]);
    expect(keys).toHaveLength(3);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(keys).size).toBe(1);
  });

  it("uses a fresh key per logical create call, and the caller's key when given", async () => {
    const route = `POST /projects/${PROJECT_ID}/campaigns`;
    const campaign = { id: "k1", project_id: PROJECT_ID, name: "A", created_at: "2026-01-01T00:00:00Z" };
    server.route(route, ok(campaign, null, 201));
    const tg = testClient(server.baseUrl);
    await tg.campaigns.create(PROJECT_ID, { name: "A" });
    await tg.campaigns.create(PROJECT_ID, { name: "A" });
    await tg.campaigns.create(PROJECT_ID, { name: "A" }, { idempotencyKey: "my-key-1" });
    const keys = server.requestsTo(route).map((r) => r.headers["idempotency-key"]);
    expect(keys[0]).not.toBe(keys[1]);
    expect(keys[2]).toBe("my-key-1");
  });

  it("does not retry a POST without an Idempotency-Key on 500", async () => {
    server.route("POST /creators/c1/scrape", fail(500, "internal_error", "boom"), ok({ queued: true }));
    const err = await testClient(server.baseUrl)
      .creators.scrape("c1")
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServerError);
    expect(server.requests).toHaveLength(1);
  });

  it("retries such a POST when the caller passes an idempotencyKey", async () => {
    server.route(
      "POST /creators/c1/scrape",
      fail(500, "internal_error", "boom", {}, { "retry-after": "0" }),
      ok({ queued: true }),
    );
    await testClient(server.baseUrl).creators.scrape("c1", { idempotencyKey: "scrape-c1-today" });
    expect(server.requests.map((r) => r.headers["idempotency-key"])).toEqual([
      "scrape-c1-today",
      "scrape-c1-today",
    ]);
  });

  it("retries PATCH and DELETE on 5xx", async () => {
    const now = { "retry-after": "0" };
    server.route("PATCH /creators/c1", fail(500, "internal_error", "boom", {}, now), ok(makeCreator(1)));
    server.route(
      "DELETE /creators/c1",
      fail(503, "internal_error", "boom", {}, now),
      ok({ id: "c1", deleted: true }),
    );
    const tg = testClient(server.baseUrl);
    await tg.creators.update("c1", { readme: "note" });
    await tg.creators.delete("c1");
    expect(server.requests.map((r) => r.method)).toEqual(["PATCH", "PATCH", "DELETE", "DELETE"]);
  });

  it("never retries 4xx other than 429", async () => {
    server.route("GET /schema", fail(401, "invalid_api_key", "Invalid or missing API key"));
    server.route("GET /creators/x/stats", fail(404, "not_found", "creator not found"));
    const tg = testClient(server.baseUrl);
    await expect(tg.schema.get()).rejects.toBeInstanceOf(AuthenticationError);
    await expect(tg.creators.stats("x")).rejects.toBeInstanceOf(NotFoundError);
    expect(server.requests).toHaveLength(2);
  });

  it("respects maxRetries per call", async () => {
    server.route("GET /schema", fail(500, "internal_error", "boom"));
    await expect(testClient(server.baseUrl).schema.get({ maxRetries: 0 })).rejects.toBeInstanceOf(
      ServerError,
    );
    expect(server.requests).toHaveLength(1);
  });
});

describe("malformed responses", () => {
  it("rejects a 2xx body that is not JSON", async () => {
    server.route("GET /schema", raw(200, "<html>gateway</html>", "text/html"));
    const err = await testClient(server.baseUrl)
      .schema.get()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResponseValidationError);
    expect((err as Error).message).toMatch(/not JSON/);
    expect((err as Error).message).toContain("<html>gateway");
    expect(server.requests).toHaveLength(1);
  });

  it("rejects a body without the envelope", async () => {
    server.route("GET /creators", raw(200, JSON.stringify([makeCreator(1)])));
    const err = await testClient(server.baseUrl)
      .creators.list()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResponseValidationError);
    expect((err as Error).message).toMatch(/envelope/);
  });

  it("rejects an envelope missing its error field", async () => {
    server.route("GET /schema", raw(200, JSON.stringify({ data: { entities: {} } })));
    const err = (await testClient(server.baseUrl)
      .schema.get()
      .catch((e: unknown) => e)) as ResponseValidationError;
    expect(err).toBeInstanceOf(ResponseValidationError);
    expect(err.issues.map((i) => i.path)).toEqual(["error"]);
  });

  it("names the failing path inside data", async () => {
    const bad = makeCreator(3, { follower_count: "lots" });
    const { id: _id, ...noId } = makeCreator(4);
    server.route("GET /creators", page1([makeCreator(0), makeCreator(1), makeCreator(2), bad, noId]));
    const err = (await testClient(server.baseUrl)
      .creators.list()
      .catch((e: unknown) => e)) as ResponseValidationError;
    expect(err).toBeInstanceOf(ResponseValidationError);
    expect(err.message).toContain("data[3].follower_count: expected number");
    expect(err.issues).toContainEqual({ path: "data[4].id", message: "expected string, received undefined" });
    expect(err.status).toBe(200);
    expect(err.url).toBe(`${server.baseUrl}/creators`);
  });

  it("maps an error status with a non-JSON body to its class, with a readable message", async () => {
    server.route("GET /schema", raw(502, "<html>Bad Gateway</html>", "text/html"), ok({ entities: {} }));
    const err = await testClient(server.baseUrl, { maxRetries: 0 })
      .schema.get()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServerError);
    expect((err as Error).message).toMatch(/^502: response without a JSON envelope/);
  });
});

describe("responses other than JSON", () => {
  it("returns CSV text from analytics.csv and sends format=csv", async () => {
    const csv = "series_kind,entity_id,label,bucket_start,value\nmain,c1,@a,2026-03-01,12\n";
    server.route("GET /analytics", (req, res) => {
      if (req.query.get("format") === "csv") {
        res.writeHead(200, { "content-type": "text/csv" });
        res.end(csv);
      } else send(res, 400, { data: null, error: "expected csv", meta: { code: "invalid_query" } });
    });
    const text = await testClient(server.baseUrl).analytics.csv({
      entity: "creator",
      entity_id: "c1",
      metric: "views",
    });
    expect(text).toBe(csv);
    expect(server.requests[0]?.query.get("entity_id")).toBe("c1");
  });
});
