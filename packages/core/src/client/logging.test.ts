import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { makeCreator, TEST_KEY, testClient } from "../test-helpers/fixtures.js";
import { fail, hangUp, ok, startTestServer, type TestServer } from "../test-helpers/server.js";
import { createClient } from "./create-client.js";
import { isTrackagoatError } from "./errors.js";
import { redactHeaders, redactSecrets } from "./redact.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    "GET /creators": ok([makeCreator(1)], { nextCursor: null, hasMore: false }),
    "GET /schema": [fail(500, "internal_error", "boom"), ok({ entities: {} })],
    "GET /e401": fail(401, "invalid_api_key", `Invalid API key ${TEST_KEY}`),
    "GET /bad": ok({ nope: TEST_KEY }),
    "GET /drop": hangUp(),
  });
});
afterAll(async () => {
  await server.close();
});

function capture() {
  const lines: { message: string; data?: Record<string, unknown> }[] = [];
  return {
    lines,
    logger: { debug: (message: string, data?: Record<string, unknown>) => lines.push({ message, data }) },
  };
}

describe("debug logging", () => {
  it("logs method, url, status, attempt and elapsed time, with Authorization redacted", async () => {
    const { lines, logger } = capture();
    const tg = testClient(server.baseUrl, { logger });
    await tg.creators.list({ limit: 5 });
    await tg.schema.get();
    const out = lines.map((l) => l.message);
    expect(out[0]).toBe(`→ GET ${server.baseUrl}/creators?limit=5`);
    expect(out[1]).toMatch(/^← 200 GET .*\/creators\?limit=5 \(\d+ ms\)$/);
    expect(out.some((m) => /^retrying GET .*\/schema in \d+ ms after ServerError$/.test(m))).toBe(true);
    const response = lines.find((l) => l.message.startsWith("← 200"))!.data!;
    expect(response).toMatchObject({ method: "GET", status: 200, attempt: 1 });
    expect(typeof response.elapsedMs).toBe("number");
    const retried = lines.filter((l) => l.message.startsWith("→ GET") && l.message.endsWith("/schema"));
    expect(retried.map((l) => l.data?.attempt)).toEqual([1, 2]);
    const headers = lines[0]!.data!.headers as Record<string, string>;
    expect(headers.authorization).toBe("Bearer tga_0123…");
  });

  it("never lets the key into log lines, error messages, error JSON or an inspected client", async () => {
    const { lines, logger } = capture();
    const tg = testClient(server.baseUrl, { logger, maxRetries: 0 });
    const errors: unknown[] = [];
    for (const path of ["/e401", "/bad", "/drop"]) {
      errors.push(await tg.request({ method: "GET", path, schema: z.number() }).catch((e: unknown) => e));
    }
    expect(errors.every(isTrackagoatError)).toBe(true);
    const everything = [
      JSON.stringify(lines),
      ...errors.map(
        (e) =>
          `${(e as Error).message} ${(e as Error).stack} ${JSON.stringify(e)} ${inspect(e, { depth: 5 })}`,
      ),
      inspect(tg, { depth: 10, showHidden: true }),
    ].join("\n");
    expect(everything).not.toContain(TEST_KEY);
    expect(everything).not.toContain(TEST_KEY.slice(4, 24));
    expect(everything).toContain("tga_0123…");
  });

  it("is off by default and on with TRACKAGOAT_LOG=debug (to stderr)", async () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      await testClient(server.baseUrl).creators.list();
      expect(spy).not.toHaveBeenCalled();
      vi.stubEnv("TRACKAGOAT_LOG", "debug");
      await testClient(server.baseUrl).creators.list();
      expect(spy).toHaveBeenCalled();
      expect(String(spy.mock.calls[0]?.[0])).toMatch(/^\[goatkit\] → GET /);
      spy.mockClear();
      await createClient({
        apiKey: TEST_KEY,
        baseUrl: server.baseUrl,
        rateLimit: false,
        debug: false,
      }).creators.list();
      expect(spy).not.toHaveBeenCalled();
    } finally {
      vi.unstubAllEnvs();
      spy.mockRestore();
    }
  });
});

describe("redaction helpers", () => {
  it("masks keys wherever they appear", () => {
    expect(redactSecrets(`key=${TEST_KEY}&x=1`)).toBe("key=tga_0123…&x=1");
    expect(redactHeaders({ Authorization: `Bearer ${TEST_KEY}`, accept: "application/json" })).toEqual({
      Authorization: "Bearer tga_0123…",
      accept: "application/json",
    });
  });
});
