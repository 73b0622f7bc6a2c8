/**
 * Two proxy instances on one real redis-server, in front of one sandbox, behave as one proxy: B answers
 * from what A stored; concurrent identical misses on both cost one upstream request (the store lock), and
 * a crashed lock holder delays the others no longer than the lock's expiry; together they spend one
 * upstream budget per key; a write through A invalidates what B serves; and with Redis stopped mid-run
 * both keep answering (pass-through, `detail=store-unavailable`, `/readyz` degraded) and go back to
 * sharing once it is restarted, with no restart of their own. Upstream requests are counted by the sandbox.
 */
import { type RunningSandbox, startSandbox } from "@goatkit/sandbox";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { type RunningProxy, type StartProxyOptions, startProxy } from "../server.js";
import { SANDBOX_NOW } from "../test-helpers/harness.js";
import { type RedisServer, startRedisServer } from "../test-helpers/redis-server.js";
import { RedisStore } from "./stores/redis-store.js";

let redis: RedisServer;
let sandbox: RunningSandbox;
beforeAll(async () => {
  [redis, sandbox] = await Promise.all([
    startRedisServer(),
    startSandbox({
      seed: 42,
      scale: "tiny",
      now: SANDBOX_NOW,
      rateLimit: false,
      dailyQuota: false,
      logErrors: false,
    }),
  ]);
});
afterAll(async () => {
  await Promise.all([redis?.stop(), sandbox?.stop()]);
});

interface Instance {
  proxy: RunningProxy;
  store: RedisStore;
  call(path: string, init?: RequestInit): Promise<Response>;
}

const running: Instance[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map(async (i) => [await i.proxy.close(), await i.store.close()]));
  if (!redis.running) await redis.restart();
  await redis.flush();
});

/** An upstream `fetch` that takes a while, so concurrent requests surely overlap. */
const slowFetch =
  (ms: number): typeof fetch =>
  async (input, init) => {
    await new Promise((r) => setTimeout(r, ms));
    return fetch(input, init);
  };

async function instance(options: StartProxyOptions = {}): Promise<Instance> {
  const store = await RedisStore.connect(redis.url, { prefix: "instances-test:" });
  const proxy = await startProxy({ upstream: sandbox.url, store, rateLimit: false, ...options });
  const created: Instance = {
    proxy,
    store,
    call: (path, init = {}) => {
      const headers = new Headers(init.headers);
      headers.set("authorization", `Bearer ${sandbox.keys.readWrite}`);
      return fetch(`${proxy.url}${path}`, { ...init, headers });
    },
  };
  running.push(created);
  return created;
}

async function two(options: StartProxyOptions = {}): Promise<[Instance, Instance]> {
  const pair: [Instance, Instance] = [await instance(options), await instance(options)];
  sandbox.resetRequests();
  return pair;
}

const status = (res: Response) => res.headers.get("cache-status");
const upstream = (route?: string) => {
  const counts = sandbox.requests();
  return route === undefined ? counts.total : (counts.byRoute[route] ?? 0);
};

describe("two instances on one Redis", () => {
  it("B answers from the entry A stored: one upstream request", async () => {
    const [a, b] = await two();
    const first = await a.call("/projects");
    expect(status(first)).toBe("goatkit; fwd=miss; stored");
    const second = await b.call("/projects");
    expect(status(second)).toMatch(/^goatkit; hit; ttl=\d+$/);
    expect(await second.text()).toBe(await first.text());
    expect(upstream()).toBe(1);
  });

  it("concurrent identical misses on A and B cost one upstream request", async () => {
    const [a, b] = await two({ fetch: slowFetch(300) });
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? a : b).call("/creators?limit=5")),
    );
    const bodies = await Promise.all(answers.map((r) => r.text()));
    expect(answers.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(new Set(bodies).size).toBe(1);
    expect(upstream("GET /creators")).toBe(1);
    // One instance sent it (its other callers joined in process); the other one waited on the lock and
    // answered from the entry stored.
    const byInstance = [0, 1].map((n) => answers.filter((_, i) => i % 2 === n).map(status));
    const sender = byInstance.findIndex((s) => s.includes("goatkit; fwd=miss; stored"));
    expect(sender).toBeGreaterThanOrEqual(0);
    for (const s of byInstance[sender]!) expect(s).toMatch(/^goatkit; fwd=miss; stored(; collapsed)?$/);
    for (const s of byInstance[1 - sender]!) expect(s).toMatch(/^goatkit; hit(; collapsed)?; ttl=\d+$/);
  });

  it("a crashed holder's lock blocks the others only until it expires", async () => {
    // The lock lasts one upstream timeout plus the longest pacing wait: 600 ms here.
    const [a] = await two({ upstreamTimeoutMs: 600, maxWaitMs: 0 });
    const crashed = await RedisStore.connect(redis.url, { prefix: "instances-test:" });
    try {
      const key = a.proxy.cache.key("GET", `${sandbox.url}/projects`, sandbox.keys.readWrite);
      expect(await crashed.lock(key, 600)).toBeTypeOf("function"); // taken, never released
      const started = performance.now();
      const res = await a.call("/projects");
      const waited = performance.now() - started;
      expect(res.status).toBe(200);
      expect(status(res)).toBe("goatkit; fwd=miss; stored");
      expect(waited).toBeGreaterThanOrEqual(300); // it did wait for the holder…
      expect(waited).toBeLessThan(10_000); // …but not for ever (generous: a loaded machine)
      expect(upstream()).toBe(1);
    } finally {
      await crashed.close();
    }
  });

  it("spend one budget per key together: the one over it is the proxy's 429, not upstream's", async () => {
    const [a, b] = await two({ rateLimit: { requests: 3, windowMs: 60_000 }, maxWaitMs: 0 });
    expect((await a.call("/projects")).status).toBe(200);
    expect((await b.call("/creators?limit=1")).status).toBe(200);
    expect((await a.call("/videos?limit=1")).status).toBe(200);
    const refused = await b.call("/campaigns?limit=1");
    expect(refused.status).toBe(429);
    expect(status(refused)).toBe("goatkit; fwd=miss; detail=rate-limited");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(50);
    expect(upstream()).toBe(3);
  });

  it("a write through A invalidates what B serves", async () => {
    const [a, b] = await two();
    const creator = ((await (await a.call("/creators?limit=100")).json()).data as { id: string }[])[0]!;
    await a.call(`/creators/${creator.id}`);
    expect(status(await b.call("/creators?limit=100"))).toMatch(/^goatkit; hit/);
    expect(status(await b.call(`/creators/${creator.id}`))).toMatch(/^goatkit; hit/);

    const patch = await a.call(`/creators/${creator.id}`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ readme: "Edited through instance A" }),
    });
    expect(patch.status).toBe(200);

    const list = await b.call("/creators?limit=100");
    expect(status(list)).toBe("goatkit; fwd=miss; stored");
    const edited = ((await list.json()).data as { id: string; description: string }[]).find(
      (c) => c.id === creator.id,
    );
    expect(edited?.description).toBe("Edited through instance A");
    expect(status(await b.call(`/creators/${creator.id}`))).toBe("goatkit; fwd=miss; stored");
  });

  it("a GET in flight on B when A's write lands does not store its pre-write answer", async () => {
    // B's upstream answers, then the answer takes 600 ms to arrive: A's write happens in between.
    const b = await instance({
      fetch: async (input, init) => {
        const res = await fetch(input, init);
        await new Promise((r) => setTimeout(r, 600));
        return res;
      },
    });
    const a = await instance();
    const creator = ((await (await a.call("/creators?limit=1")).json()).data as { id: string }[])[0]!;
    await new Promise((r) => setTimeout(r, 100)); // B's subscription is in place
    const inFlight = b.call(`/creators/${creator.id}`);
    await new Promise((r) => setTimeout(r, 200));
    const patch = await a.call(`/creators/${creator.id}`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ readme: "Edited while B was fetching" }),
    });
    expect(patch.status).toBe(200);
    const before = await inFlight;
    expect(before.status).toBe(200);
    expect(status(before)).toBe("goatkit; fwd=miss"); // answered, but not stored
    const after = await b.call(`/creators/${creator.id}`);
    expect(((await after.json()) as { data: { description: string } }).data.description).toBe(
      "Edited while B was fetching",
    );
  });

  it("Redis stopped mid-run: both keep serving, readyz says degraded; restarted: they share again", async () => {
    const [a, b] = await two({ rateLimit: { requests: 100, windowMs: 60_000 } });
    expect(status(await a.call("/projects"))).toBe("goatkit; fwd=miss; stored");

    await redis.stop();
    await vi.waitFor(() => expect(a.store.available || b.store.available).toBe(false));
    const down = await b.call("/projects");
    expect(down.status).toBe(200);
    expect(status(down)).toBe("goatkit; fwd=bypass; detail=store-unavailable");
    const ready = await fetch(`${a.proxy.origin}/readyz`);
    expect(ready.status).toBe(200);
    const body = (await ready.json()) as { data: { status: string; store: string } };
    expect(body.data.status).toBe("degraded");
    expect(body.data.store).toMatch(/^unavailable: Redis at redis:\/\/127\.0\.0\.1:\d+\/0 is not connected/);

    await redis.restart();
    for (const i of [a, b]) {
      await vi.waitFor(
        async () => {
          const res = await fetch(`${i.proxy.origin}/readyz`);
          expect(((await res.json()) as { data: { status: string } }).data.status).toBe("ready");
        },
        { timeout: 15_000, interval: 100 },
      );
    }
    sandbox.resetRequests();
    expect(status(await a.call("/projects"))).toBe("goatkit; fwd=miss; stored"); // Redis came back empty
    expect(status(await b.call("/projects"))).toMatch(/^goatkit; hit/);
    expect(upstream()).toBe(1);
  });
});
