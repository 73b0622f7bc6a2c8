/**
 * JSON logs: one access-log line per request with its fields, secrets kept out of every line (by field
 * name and by shape), and out of `/metrics`, with a real pino logger writing to a captured stream.
 */
import { Hono } from "hono";
import type { DestinationStream } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "../test-helpers/harness.js";
import { accessLog } from "./access-log.js";
import { createLogger } from "./logger.js";
import { PrometheusMetrics } from "./prometheus.js";
import { loggablePath, scrubText } from "./secrets.js";

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A pino destination that keeps every line. */
function captured() {
  const lines: string[] = [];
  const destination: DestinationStream = { write: (line: string) => void lines.push(line) };
  return {
    destination,
    lines,
    records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

const TOKEN = `gkp_${"ab12".repeat(8)}`;

describe("secrets.ts", () => {
  it("scrubs keys, proxy tokens and bearer credentials out of text", () => {
    const key = `tga_${"0f".repeat(32)}`;
    expect(scrubText(`bad key ${key}!`)).toBe("bad key [Redacted]!");
    expect(scrubText(`token ${TOKEN} revoked`)).toBe("token [Redacted] revoked");
    expect(scrubText("Authorization: Bearer abc.def")).toBe("Authorization: Bearer [Redacted]");
    expect(scrubText("nothing secret here")).toBe("nothing secret here");
  });

  it("loggablePath replaces secret-named query values and secret-shaped text", () => {
    const url = new URL(`http://x/api/v1/projects?limit=5&api_key=abc&access_token=t&q=${TOKEN}`);
    expect(loggablePath(url)).toBe(
      "/api/v1/projects?limit=5&api_key=[Redacted]&access_token=[Redacted]&q=[Redacted]",
    );
    expect(loggablePath(new URL("http://x/healthz"))).toBe("/healthz");
  });
});

describe("access log", () => {
  it("one line per request with method, path, status, duration, kind, request id and the token name", async () => {
    const log = captured();
    const app = new Hono();
    app.use(
      "*",
      accessLog({
        metrics: new PrometheusMetrics(),
        logger: createLogger({ destination: log.destination }),
        prefixes: { passThrough: "/api/v1", derived: "/goatkit/v1", ops: ["/healthz"] },
      }),
    );
    // What the team gateway's middleware does once it has checked a token.
    app.use("*", async (c, next) => {
      c.set("tokenName" as never, "alice" as never);
      await next();
    });
    app.get("/api/v1/creators/:id/stats", (c) => c.json({}, 200, { "cache-status": "goatkit; hit; ttl=5" }));
    app.get("/boom", () => {
      throw new Error("boom");
    });
    await app.request("/api/v1/creators/c1/stats?token=xyz", { headers: { "x-request-id": "req-42" } });
    await app.request("/boom");
    const [line, boom] = log.records();
    expect(line).toMatchObject({
      msg: "request",
      level: 30,
      reqId: "req-42",
      method: "GET",
      path: "/api/v1/creators/c1/stats?token=[Redacted]",
      status: 200,
      kind: "pass_through",
      family: "stats",
      cacheStatus: "goatkit; hit; ttl=5",
      tokenName: "alice",
    });
    expect(typeof line!.durationMs).toBe("number");
    expect(line!.durationMs as number).toBeGreaterThanOrEqual(0);
    expect(boom).toMatchObject({ status: 500, kind: "other", level: 40 });
    expect(boom!.reqId).toMatch(/^[0-9a-f-]{36}$/);
    expect(log.lines).toHaveLength(2);
  });

  it("a made-up request id that is not a plain token is replaced", async () => {
    const log = captured();
    const app = new Hono();
    app.use(
      "*",
      accessLog({
        metrics: new PrometheusMetrics(),
        logger: createLogger({ destination: log.destination }),
        prefixes: { passThrough: "/api/v1", derived: "/goatkit/v1", ops: [] },
      }),
    );
    app.get("/x", (c) => c.text("x"));
    await app.request("/x", { headers: { "x-request-id": 'a"b c' } });
    expect(log.records()[0]!.reqId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("a proxy with a logger, over HTTP", () => {
  async function harnessWithLog(accessLogOn = true) {
    const log = captured();
    const logger = createLogger({ destination: log.destination, level: "debug" });
    const h: Harness = await startHarness({ proxy: { logger, accessLog: accessLogOn } });
    cleanups.push(() => h.stop());
    return { h, log };
  }

  it("logs every request (pass-through, derived, refusals, ops) and never a key or a token", async () => {
    const { h, log } = await harnessWithLog();
    const projects = await h.call("/projects");
    const projectId = ((await projects.json()) as { data: { id: string }[] }).data[0]!.id;
    await (await h.call("/projects")).text();
    await (await h.call(`/creators?limit=2&token=${TOKEN}`, { headers: { "x-api-key": TOKEN } })).text();
    const malformed = `tga_${"zz".repeat(10)}`;
    await (await h.call("/projects", { key: malformed })).text();
    const derived = await fetch(
      `${h.proxy.origin}/goatkit/v1/program_health?project_id=${projectId}&range=last_7_days`,
      { headers: { authorization: `Bearer ${h.sandbox.keys.readWrite}` } },
    );
    expect(derived.status).toBe(200);
    await derived.text();
    await (
      await fetch(`${h.proxy.origin}/goatkit/v1/program_health`, {
        headers: { authorization: `Bearer ${malformed}` },
      })
    ).text();
    await (await fetch(`${h.proxy.origin}/readyz`)).text();
    const metrics = await (await fetch(`${h.proxy.origin}/metrics`)).text();
    // Unexpected errors go to the logger too (here one quoting a key, as a careless library might).
    h.proxy.options.onError(new Error(`upstream said no to ${h.sandbox.keys.readWrite}`));

    const records = log.records();
    const requests = records.filter((r) => r.msg === "request");
    expect(requests.map((r) => `${r.kind} ${r.status}`)).toEqual([
      "pass_through 200",
      "pass_through 200",
      "pass_through 200",
      "pass_through 401",
      "derived 200",
      "derived 401",
      "ops 200",
      "ops 200",
    ]);
    expect(requests[0]).toMatchObject({
      method: "GET",
      path: "/api/v1/projects",
      family: "lists",
      cacheStatus: "goatkit; fwd=miss; stored",
    });
    expect(requests[1]!.cacheStatus).toMatch(/^goatkit; hit/);
    expect(requests[2]!.path).toBe("/api/v1/creators?limit=2&token=[Redacted]");
    expect(requests[4]!.upstreamRequests).toBeGreaterThan(0);
    const error = records.find((r) => r.msg === "unexpected error");
    expect(error).toMatchObject({ level: 50, err: { message: "upstream said no to [Redacted]" } });

    const everything = `${log.lines.join("")}\n${metrics}`;
    for (const key of Object.values(h.sandbox.keys)) expect(everything).not.toContain(key.slice(4));
    expect(everything).not.toContain(TOKEN.slice(4));
    expect(everything).not.toContain(malformed.slice(4));
    expect(everything).not.toMatch(/tga_[0-9a-z]|gkp_[0-9a-z]/);
  });

  it("accessLog: false keeps errors but drops the per-request lines", async () => {
    const { h, log } = await harnessWithLog(false);
    await (await h.call("/projects")).text();
    h.proxy.options.onError(new Error("boom"));
    expect(log.records().map((r) => r.msg)).toEqual(["unexpected error"]);
  });
});
