import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeVideo, PROJECT_ID, testClient } from "../test-helpers/fixtures.js";
import {
  delayed,
  fail,
  hangUp,
  ok,
  stallBody,
  startTestServer,
  type TestServer,
} from "../test-helpers/server.js";
import { AbortError, ConnectionError, TimeoutError } from "./errors.js";

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});

describe("timeouts, dropped connections, abort", () => {
  it("raises TimeoutError when the server is too slow", async () => {
    server.route("GET /schema", delayed(400, ok({ entities: {} })));
    const started = performance.now();
    const err = await testClient(server.baseUrl, { timeout: 100, maxRetries: 0 })
      .schema.get()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    expect(err).toBeInstanceOf(ConnectionError);
    expect(performance.now() - started).toBeLessThan(350);
  });

  it("times out a body that stalls after the headers", async () => {
    server.route("GET /creators", stallBody(400));
    const err = await testClient(server.baseUrl, { timeout: 100, maxRetries: 0 })
      .creators.list()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TimeoutError);
  });

  it("retries a timed-out GET (per-call timeout)", async () => {
    server.route("GET /schema", delayed(400, ok({ entities: {} })), ok({ entities: {} }));
    const tg = testClient(server.baseUrl);
    await expect(tg.schema.get({ timeout: 100 })).resolves.toEqual({ entities: {} });
    expect(tg.requestCount).toBe(2);
  });

  it("raises ConnectionError on a dropped socket, and retries it", async () => {
    server.route("GET /schema", hangUp());
    const err = await testClient(server.baseUrl, { maxRetries: 0 })
      .schema.get()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectionError);
    expect(err).not.toBeInstanceOf(TimeoutError);
    expect(server.requests).toHaveLength(1);

    server.route("GET /schema", hangUp(), ok({ entities: {} }));
    await expect(testClient(server.baseUrl).schema.get()).resolves.toEqual({ entities: {} });
    expect(server.requests).toHaveLength(3);
  });

  it("does not retry a dropped POST that has no Idempotency-Key (it may have executed)", async () => {
    server.route("POST /videos/v1/tracking-disable", hangUp(), ok(makeVideo(1)));
    const tg = testClient(server.baseUrl);
    await expect(tg.videos.disableTracking("v1")).rejects.toBeInstanceOf(ConnectionError);
    expect(server.requests).toHaveLength(1);
  });

  it("retries a dropped create POST, which always carries an Idempotency-Key", async () => {
    const route = `POST /projects/${PROJECT_ID}/videos`;
    server.route(route, hangUp(), ok(makeVideo(1), null, 201));
    const video = await testClient(server.baseUrl).videos.create(PROJECT_ID, {
      url: "https://www.tiktok.com/@a/video/1",
    });
    expect(video.id).toBe(makeVideo(1).id);
    const keys = server.requestsTo(route).map((r) => r.headers["idempotency-key"]);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
  });

  it("aborts a request in flight without retrying", async () => {
    server.route("GET /schema", delayed(500, ok({ entities: {} })));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const started = performance.now();
    const err = await testClient(server.baseUrl)
      .schema.get({ signal: controller.signal })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AbortError);
    expect((err as Error).name).toBe("AbortError");
    expect(performance.now() - started).toBeLessThan(300);
    expect(server.requests).toHaveLength(1);
  });

  it("aborts during a retry wait", async () => {
    server.route("GET /schema", fail(429, "rate_limit_exceeded", "slow down", {}, { "retry-after": "5" }));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = performance.now();
    await expect(testClient(server.baseUrl).schema.get({ signal: controller.signal })).rejects.toBeInstanceOf(
      AbortError,
    );
    expect(performance.now() - started).toBeLessThan(1000);
    expect(server.requests).toHaveLength(1);
  });

  it("sends nothing when the signal is already aborted", async () => {
    server.route("GET /schema", ok({ entities: {} }));
    await expect(
      testClient(server.baseUrl).schema.get({ signal: AbortSignal.abort() }),
    ).rejects.toBeInstanceOf(AbortError);
    expect(server.requests).toHaveLength(0);
  });
});
