import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testClient } from "../test-helpers/fixtures.js";
import { fail, raw, send, startTestServer, type TestServer } from "../test-helpers/server.js";
import {
  AuthenticationError,
  BadRequestError,
  ConfigurationError,
  ConflictError,
  errorFromResponse,
  GoneError,
  isTrackagoatError,
  LimitReachedError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  ServerError,
  TrackagoatError,
} from "./errors.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

/** Calls a route that answers with `handler` once, without retries, and returns what was thrown. */
async function thrownBy(path: string, handler: Parameters<TestServer["route"]>[1]): Promise<TrackagoatError> {
  server.route(`GET ${path}`, handler);
  const tg = testClient(server.baseUrl, { maxRetries: 0 });
  const err = await tg.request({ method: "GET", path }).catch((e: unknown) => e);
  if (!isTrackagoatError(err)) throw new Error(`expected a TrackagoatError, got ${String(err)}`);
  return err;
}

describe("status → error class", () => {
  it("400 → BadRequestError with code", async () => {
    const err = await thrownBy("/e400", fail(400, "invalid_query", "limit must be 1–100"));
    expect(err).toBeInstanceOf(BadRequestError);
    expect(err).toMatchObject({ status: 400, code: "invalid_query", name: "BadRequestError" });
    expect(err.message).toBe("400 invalid_query: limit must be 1–100 (GET /api/v1/e400)");
    expect(err.url).toBe(`${server.baseUrl}/e400`);
  });

  it("401 legacy body with meta null → AuthenticationError without code", async () => {
    const err = await thrownBy("/e401", (_q, res) =>
      send(res, 401, { data: null, error: "Invalid or missing API key", meta: null }),
    );
    expect(err).toBeInstanceOf(AuthenticationError);
    expect(err.code).toBeUndefined();
    expect(err.meta).toBeNull();
  });

  it("402 limit_reached → LimitReachedError with limitKey/current/max", async () => {
    const err = await thrownBy(
      "/e402",
      fail(402, "limit_reached", "Creator limit reached", {
        limitKey: "max_creators_per_org",
        current: 50,
        max: 50,
      }),
    );
    expect(err).toBeInstanceOf(LimitReachedError);
    expect(err).toMatchObject({
      limitKey: "max_creators_per_org",
      current: 50,
      max: 50,
      code: "limit_reached",
    });
  });

  it("403 insufficient_scope → PermissionError with required/granted", async () => {
    const err = await thrownBy(
      "/e403",
      fail(403, "insufficient_scope", "This action requires the 'write' scope. Granted: [read]", {
        required: "write",
        granted: ["read"],
      }),
    );
    expect(err).toBeInstanceOf(PermissionError);
    expect(err).toMatchObject({ required: "write", granted: ["read"] });
  });

  it("404 → NotFoundError", async () => {
    const err = await thrownBy("/e404", fail(404, "not_found", "creator not found"));
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err.code).toBe("not_found");
  });

  it("409 → ConflictError; a bare code in the error string becomes the code", async () => {
    const a = await thrownBy("/e409a", fail(409, "idempotency_key_reused", "key used on another route"));
    expect(a).toBeInstanceOf(ConflictError);
    expect(a.code).toBe("idempotency_key_reused");
    const b = await thrownBy("/e409b", (_q, res) =>
      send(res, 409, { data: null, error: "handle_taken", meta: null }),
    );
    expect(b).toBeInstanceOf(ConflictError);
    expect(b.code).toBe("handle_taken");
  });

  it("410 → GoneError with replacement", async () => {
    const replacement = "/api/v1/analytics?entity=creator&entity_id=c1";
    const err = await thrownBy("/creators/c1/stats", fail(410, "gone", "use /analytics", { replacement }));
    expect(err).toBeInstanceOf(GoneError);
    expect((err as GoneError).replacement).toBe(replacement);
  });

  it("429 → RateLimitError with retryAfter from meta (no retries here)", async () => {
    const err = await thrownBy(
      "/e429",
      fail(429, "rate_limit_exceeded", "Rate limit exceeded", { retryAfter: 7200 }),
    );
    expect(err).toBeInstanceOf(RateLimitError);
    expect((err as RateLimitError).retryAfter).toBe(7200);
  });

  it("5xx → ServerError, with the request id header", async () => {
    const err = await thrownBy("/e500", (_q, res) =>
      send(
        res,
        500,
        { data: null, error: "oops", meta: { code: "internal_error" } },
        { "x-request-id": "req_123" },
      ),
    );
    expect(err).toBeInstanceOf(ServerError);
    expect(err.requestId).toBe("req_123");
  });

  it("other statuses → plain TrackagoatError; an empty body is described", async () => {
    const err = await thrownBy("/e418", raw(418, ""));
    expect(err.constructor).toBe(TrackagoatError);
    expect(err.message).toMatch(/^418: empty response body/);
  });
});

describe("errorFromResponse and helpers", () => {
  it("prefers the Retry-After header for RateLimitError.retryAfter", () => {
    const err = errorFromResponse({
      status: 429,
      body: { data: null, error: "Too many requests", meta: { code: "rate_limit_exceeded", retryAfter: 30 } },
      url: "https://x.test/api/v1/creators",
      method: "GET",
      headers: new Headers({ "retry-after": "12" }),
    });
    expect((err as RateLimitError).retryAfter).toBe(12);
  });

  it("serialises to JSON with its fields", () => {
    const err = errorFromResponse({
      status: 404,
      body: { data: null, error: "missing", meta: { code: "not_found" } },
      url: "https://x.test/api/v1/videos/v1",
      method: "DELETE",
    });
    expect(JSON.parse(JSON.stringify(err))).toEqual({
      name: "NotFoundError",
      message: "404 not_found: missing (DELETE /api/v1/videos/v1)",
      status: 404,
      code: "not_found",
      meta: { code: "not_found" },
      url: "https://x.test/api/v1/videos/v1",
      method: "DELETE",
    });
  });

  it("isTrackagoatError recognises every client error and nothing else", () => {
    expect(isTrackagoatError(new ConfigurationError("x"))).toBe(true);
    expect(isTrackagoatError(new GoneError("x"))).toBe(true);
    expect(isTrackagoatError(new Error("x"))).toBe(false);
    expect(isTrackagoatError({ status: 404 })).toBe(false);
    expect(isTrackagoatError(null)).toBe(false);
  });
});
