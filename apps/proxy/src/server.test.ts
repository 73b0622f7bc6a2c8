/**
 * The composed server over HTTP: the cache survives a restart on SQLite, proxies sharing one SQLite file
 * coalesce through its lock, core's client on the same store shares entries both ways, and the HTTP
 * hardening (Host check on loopback, 405, body limit, readiness) answers in the API's envelope.
 */
import { mkdtempSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type CacheStore, createClient, MemoryStore, ResponseCache } from "@goatkit/core";
import { type RunningSandbox, startSandbox } from "@goatkit/sandbox";
import { afterEach, describe, expect, it } from "vitest";
import { SqliteStore } from "./cache/stores/sqlite-store.js";
import { type RunningProxy, startProxy } from "./server.js";
import { type Harness, SANDBOX_NOW, startHarness } from "./test-helpers/harness.js";

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function harness(options: Parameters<typeof startHarness>[0] = {}): Promise<Harness> {
  const h = await startHarness(options);
  cleanups.push(() => h.stop());
  return h;
}

async function sandbox(): Promise<RunningSandbox> {
  const sb = await startSandbox({
    scale: "tiny",
    now: SANDBOX_NOW,
    rateLimit: false,
    dailyQuota: false,
    logErrors: false,
  });
  cleanups.push(() => sb.stop());
  return sb;
}

async function proxyOn(upstream: string, store: SqliteStore | MemoryStore): Promise<RunningProxy> {
  const proxy = await startProxy({ upstream, store, rateLimit: false });
  cleanups.push(() => proxy.close());
  return proxy;
}

const tempFile = () => join(mkdtempSync(join(tmpdir(), "goatkit-proxy-")), "cache.sqlite");
const auth = (key: string) => ({ headers: { authorization: `Bearer ${key}` } });

describe("stores", () => {
  it("a restart on the same SQLite file keeps the cache: the new proxy answers hit", async () => {
    const sb = await sandbox();
    const file = tempFile();
    const first = await startProxy({ upstream: sb.url, store: new SqliteStore(file), rateLimit: false });
    const before = await fetch(`${first.url}/projects`, auth(sb.keys.readWrite));
    expect(before.headers.get("cache-status")).toBe("goatkit; fwd=miss; stored");
    const bytes = await before.text();
    await first.close();
    await first.options.store.close?.();

    const store = new SqliteStore(file);
    cleanups.push(() => store.close());
    const second = await proxyOn(sb.url, store);
    const after = await fetch(`${second.url}/projects`, auth(sb.keys.readWrite));
    expect(after.headers.get("cache-status")).toMatch(/^goatkit; hit; ttl=\d+$/);
    expect(await after.text()).toBe(bytes);
    expect(sb.requests().byRoute["GET /projects"]).toBe(1);
  });

  it("two proxies on one SQLite file: concurrent cold misses cost one upstream request (the store's lock)", async () => {
    const sb = await sandbox();
    sb.setFaults({ latencyMs: 150 });
    const file = tempFile();
    const stores = [new SqliteStore(file), new SqliteStore(file)];
    for (const s of stores) cleanups.push(() => s.close());
    const [a, b] = await Promise.all(stores.map((s) => proxyOn(sb.url, s)));
    sb.resetRequests();
    const answers = await Promise.all(
      [a!, b!, a!, b!].map((p) => fetch(`${p.url}/projects`, auth(sb.keys.readWrite)).then((r) => r.text())),
    );
    expect(new Set(answers).size).toBe(1);
    expect(sb.requests().byRoute["GET /projects"]).toBe(1);
  });

  it("shares entries with core's client on the same store, both ways (same keys, same bytes)", async () => {
    const sb = await sandbox();
    const store = new MemoryStore();
    const proxy = await proxyOn(sb.url, store);
    const client = createClient({
      apiKey: sb.keys.readWrite,
      baseUrl: sb.url,
      cache: new ResponseCache({ store }),
      rateLimit: false,
    });
    sb.resetRequests();

    await fetch(`${proxy.url}/projects`, auth(sb.keys.readWrite));
    const fromClient = await client.request({ method: "GET", path: "/projects" });
    expect(fromClient.cache).toBe("hit");

    const viaClient = await client.request<{ id: string }[]>({
      method: "GET",
      path: "/creators",
      query: { limit: 3 },
    });
    expect(viaClient.cache).toBe("miss");
    const viaProxy = await fetch(`${proxy.url}/creators?limit=3`, auth(sb.keys.readWrite));
    expect(viaProxy.headers.get("cache-status")).toMatch(/^goatkit; hit/);
    expect((await viaProxy.json()).data.map((c: { id: string }) => c.id)).toEqual(
      viaClient.data.map((c) => c.id),
    );
    expect(sb.requests().total).toBe(2);
  });
});

describe("derived routes in the composition", () => {
  it("what a workflow run stored, pass-through serves as a hit (one cache for both)", async () => {
    const store = new MemoryStore();
    const keys: string[] = [];
    const recording: CacheStore = {
      get: (key) => store.get(key),
      set: (key, entry) => {
        keys.push(key);
        return store.set(key, entry);
      },
      deleteByTag: (tag) => store.deleteByTag(tag),
      delete: (key) => store.delete(key),
    };
    const h = await harness({ proxy: { store: recording } });
    const projectId = (await (await h.call("/projects")).json()).data[0].id;
    keys.length = 0;
    const run = await fetch(`${h.proxy.origin}/goatkit/v1/underperforming_creators?project_id=${projectId}`, {
      headers: { authorization: `Bearer ${h.sandbox.keys.readWrite}` },
    });
    expect(run.status).toBe(200);
    expect(keys.length).toBeGreaterThan(0);
    const sent = h.upstreamCount();
    for (const key of keys) {
      const url = new URL(key.split(" ")[2]!);
      const res = await h.call(`${url.pathname.replace(/^\/api\/v1/, "")}${url.search}`);
      expect(res.headers.get("cache-status")).toMatch(/^goatkit; hit/);
    }
    expect(h.upstreamCount()).toBe(sent);
  });

  it("a workflow run spends the same per-key budget as pass-through", async () => {
    const h = await harness({ proxy: { rateLimit: { requests: 1, windowMs: 60_000 }, maxWaitMs: 0 } });
    const projects = await h.call("/projects");
    const projectId = (await projects.json()).data[0].id;
    const run = await fetch(`${h.proxy.origin}/goatkit/v1/underperforming_creators?project_id=${projectId}`, {
      headers: { authorization: `Bearer ${h.sandbox.keys.readWrite}` },
    });
    expect(run.status).toBe(429);
    expect(Number(run.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(h.upstreamCount()).toBe(1);
  });
});

describe("hardening and operations", () => {
  it("refuses a foreign Host while bound to loopback (DNS rebinding), in the envelope", async () => {
    const h = await harness();
    // fetch would not send another Host; node:http does.
    const res = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(
        `${h.proxy.url}/projects`,
        { headers: { host: "evil.example", authorization: `Bearer ${h.sandbox.keys.readWrite}` } },
        (r) => {
          let body = "";
          r.on("data", (d) => {
            body += d;
          });
          r.on("end", () => resolve({ status: r.statusCode ?? 0, body }));
        },
      );
      req.on("error", reject);
      req.end();
    });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body)).toMatchObject({ data: null, meta: { code: "forbidden_host" } });
    expect(h.upstreamCount()).toBe(0);
  });

  it("remembering accepted Host names lets no other through: foreign names and absolute-form targets stay refused", async () => {
    const h = await harness({ proxy: { maxBodyBytes: 1_000 } });
    const { port } = h.proxy;
    const raw = (path: string, headers: Record<string, string>, body?: string) =>
      new Promise<{ status: number; code: string | undefined }>((resolve, reject) => {
        const req = httpRequest(
          { host: "127.0.0.1", port, path, method: body === undefined ? "GET" : "POST", headers },
          (r) => {
            let text = "";
            r.on("data", (d) => {
              text += d;
            });
            r.on("end", () => {
              const code = r.statusCode === 200 ? undefined : JSON.parse(text).meta?.code;
              resolve({ status: r.statusCode ?? 0, code });
            });
          },
        );
        req.on("error", reject);
        req.end(body);
      });
    const key = { authorization: `Bearer ${h.sandbox.keys.readWrite}` };
    const ok = { ...key, host: `127.0.0.1:${port}` };
    const big = JSON.stringify({ tiktok_handle: "x".repeat(2_000) });
    const bigHeaders = { ...ok, "content-type": "application/json", "content-length": String(big.length) };
    // The first 413 comes through the guard, the later ones past the remembered name: both refuse.
    expect(await raw("/api/v1/projects/x/creators", bigHeaders, big)).toEqual({
      status: 413,
      code: "payload_too_large",
    });
    for (let i = 0; i < 3; i++) expect((await raw("/api/v1/projects", ok)).status).toBe(200);
    expect(await raw("/api/v1/projects/x/creators", bigHeaders, big)).toEqual({
      status: 413,
      code: "payload_too_large",
    });
    expect(await raw("/api/v1/projects", { ...key, host: "evil.example" })).toEqual({
      status: 403,
      code: "forbidden_host",
    });
    // An accepted Host header with a foreign host in an absolute-form target: the URL's host is checked too.
    expect(await raw("http://evil.example/api/v1/projects", ok)).toEqual({
      status: 403,
      code: "forbidden_host",
    });
    expect((await raw("/api/v1/projects", ok)).status).toBe(200);
  });

  it("a request body over the limit is 413 before anything is sent upstream", async () => {
    const h = await harness({ proxy: { maxBodyBytes: 1_000 } });
    const res = await h.call("/projects/x/creators", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ tiktok_handle: "x".repeat(2_000) }),
    });
    expect(res.status).toBe(413);
    expect((await res.json()).meta.code).toBe("payload_too_large");
    expect(h.upstreamCount()).toBe(0);
  });

  it("/healthz and /readyz answer; readyz says 503 when upstream is gone; wrong methods are 405", async () => {
    const h = await harness();
    const health = await fetch(`${h.proxy.origin}/healthz`);
    expect(await health.json()).toEqual({ data: { status: "ok" }, error: null, meta: null });
    const ready = await fetch(`${h.proxy.origin}/readyz`);
    expect(ready.status).toBe(200);
    expect((await ready.json()).data).toEqual({ status: "ready", store: "ok", upstream: "ok" });
    const post = await fetch(`${h.proxy.origin}/healthz`, { method: "POST" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toContain("GET");
    expect((await post.json()).meta.code).toBe("method_not_allowed");
    const unknown = await fetch(`${h.proxy.origin}/nothing-here`);
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).meta.code).toBe("not_found");
  });

  it("/readyz is 503 with the reason when upstream cannot be reached", async () => {
    const store = new MemoryStore();
    const proxy = await proxyOn("http://127.0.0.1:9/api/v1", store);
    const res = await fetch(`${proxy.origin}/readyz`);
    expect(res.status).toBe(503);
    const body = await res.json();
    expect(body.meta.code).toBe("not_ready");
    expect(body.data.store).toBe("ok");
    expect(body.data.upstream).toMatch(/^unreachable: /);
  });
});
