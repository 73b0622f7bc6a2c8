/**
 * Pass-through against the sandbox over HTTP: answers byte for byte as upstream's, a miss then a hit that
 * upstream sees once, one cache partition per key (two orgs, also under concurrent cold misses), and N
 * concurrent identical misses costing one upstream request.
 */
import { request as httpRequest } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "../test-helpers/harness.js";

let h: Harness;
afterEach(async () => {
  await h?.stop();
});

describe("pass-through", () => {
  it("a miss, then a hit served without upstream, with the same status and bytes as upstream", async () => {
    h = await startHarness();
    const direct = await fetch(`${h.sandbox.url}/projects`, {
      headers: { authorization: `Bearer ${h.sandbox.keys.readWrite}` },
    });
    const upstreamBytes = await direct.text();
    h.resetUpstream();

    const first = await h.call("/projects");
    expect(first.status).toBe(200);
    expect(first.headers.get("cache-status")).toBe("goatkit; fwd=miss; stored");
    expect(first.headers.get("content-type")).toBe(direct.headers.get("content-type"));
    expect(await first.text()).toBe(upstreamBytes);

    const second = await h.call("/projects");
    expect(second.status).toBe(200);
    expect(second.headers.get("cache-status")).toMatch(/^goatkit; hit; ttl=\d+$/);
    expect(second.headers.get("content-type")).toBe("application/json");
    expect(second.headers.get("age")).toMatch(/^\d+$/);
    expect(await second.text()).toBe(upstreamBytes);
    expect(h.upstreamCount("GET /projects")).toBe(1);
  });

  it("the same query in another order is the same entry; another query is not", async () => {
    h = await startHarness();
    await h.call("/creators?limit=5&search=a");
    const reordered = await h.call("/creators?search=a&limit=5");
    expect(reordered.headers.get("cache-status")).toMatch(/^goatkit; hit/);
    const other = await h.call("/creators?limit=6&search=a");
    expect(other.headers.get("cache-status")).toBe("goatkit; fwd=miss; stored");
    expect(h.upstreamCount("GET /creators")).toBe(2);
  });

  it("passes errors through as they are, and never stores them", async () => {
    h = await startHarness();
    const direct = await fetch(`${h.sandbox.url}/creators/does-not-exist`, {
      headers: { authorization: `Bearer ${h.sandbox.keys.readWrite}` },
    });
    const expected = await direct.text();
    for (let i = 0; i < 2; i++) {
      const res = await h.call("/creators/does-not-exist");
      expect(res.status).toBe(404);
      expect(res.headers.get("cache-status")).toBe("goatkit; fwd=miss");
      expect(await res.text()).toBe(expected);
    }
    const anonymous = await h.call("/projects", { key: null });
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).meta.code).toBe("invalid_api_key");
    expect(h.upstreamCount()).toBe(4); // 1 direct + 2 + 1: nothing answered from cache
  });

  it("never serves one key's entries to another key, nor to a request without a key", async () => {
    h = await startHarness();
    const { readWrite, orgB } = h.sandbox.keys;
    const a = await (await h.call("/projects", { key: readWrite })).json();
    const b = await h.call("/projects", { key: orgB });
    expect(b.headers.get("cache-status")).toBe("goatkit; fwd=miss; stored");
    const bBody = await b.json();
    expect(bBody.data.map((p: { org_id: string }) => p.org_id)).not.toContain(a.data[0].org_id);
    const bAgain = await h.call("/projects", { key: orgB });
    expect(bAgain.headers.get("cache-status")).toMatch(/^goatkit; hit/);
    expect(await bAgain.json()).toEqual(bBody);
    const none = await h.call("/projects", { key: null });
    expect(none.status).toBe(401);
    expect(h.upstreamCount("GET /projects")).toBe(3);
  });

  it("concurrent cold misses of two orgs: one upstream request each, each org gets only its own data", async () => {
    h = await startHarness({ sandbox: { faults: { latencyMs: 100 } } });
    const { readWrite, orgB } = h.sandbox.keys;
    const keys = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? readWrite : orgB));
    const answers = await Promise.all(
      keys.map(async (key) => {
        const res = await h.call("/projects", { key });
        return { key, body: await res.json(), status: res.headers.get("cache-status") };
      }),
    );
    const orgsOf = (key: string) =>
      new Set(
        answers
          .filter((a) => a.key === key)
          .flatMap((a) => a.body.data.map((p: { org_id: string }) => p.org_id)),
      );
    const orgA = orgsOf(readWrite);
    const orgBIds = orgsOf(orgB);
    expect(orgA.size).toBe(1);
    expect(orgBIds.size).toBe(1);
    expect([...orgA][0]).not.toBe([...orgBIds][0]);
    expect(h.upstreamCount("GET /projects")).toBe(2);
    expect(h.sandbox.requests().byKey).toEqual({ "tga_5d5a…d92c": 1, "tga_0f9c…b255": 1 });
    expect(answers.filter((a) => a.status?.includes("collapsed"))).toHaveLength(18);
  });

  it("10 concurrent identical GETs cost one upstream request", async () => {
    h = await startHarness({ sandbox: { faults: { latencyMs: 100 } } });
    const responses = await Promise.all(Array.from({ length: 10 }, () => h.call("/creators?limit=3")));
    const bodies = await Promise.all(responses.map((r) => r.text()));
    expect(new Set(bodies).size).toBe(1);
    expect(responses.every((r) => r.status === 200)).toBe(true);
    expect(h.upstreamCount("GET /creators")).toBe(1);
    const statuses = responses.map((r) => r.headers.get("cache-status"));
    expect(statuses.filter((s) => s === "goatkit; fwd=miss; stored")).toHaveLength(1);
    expect(statuses.filter((s) => s === "goatkit; fwd=miss; stored; collapsed")).toHaveLength(9);
  });

  it("HEAD is answered from the same entry, without a body", async () => {
    h = await startHarness();
    await h.call("/projects");
    const head = await h.call("/projects", { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("cache-status")).toMatch(/^goatkit; hit/);
    expect(await head.text()).toBe("");
    expect(h.upstreamCount()).toBe(1);
  });

  it("what cannot be cached goes upstream every time (fwd=uri-miss), and no-cache refreshes the entry", async () => {
    h = await startHarness();
    for (let i = 0; i < 2; i++) {
      const csv = await h.call("/projects", { headers: { accept: "text/csv" } });
      expect(csv.headers.get("cache-status")).toBe("goatkit; fwd=uri-miss");
    }
    expect(h.upstreamCount()).toBe(2);
    await h.call("/projects");
    const refreshed = await h.call("/projects", { headers: { "cache-control": "no-cache" } });
    expect(refreshed.headers.get("cache-status")).toBe("goatkit; fwd=request; stored");
    const noStore = await h.call("/projects", { headers: { "cache-control": "no-store" } });
    expect(noStore.headers.get("cache-status")).toBe("goatkit; fwd=request; detail=no-store");
    expect((await h.call("/projects")).headers.get("cache-status")).toMatch(/^goatkit; hit/);
    expect(h.upstreamCount()).toBe(5);
  });

  it("a header the caller's Connection names is not read as the caller's cache directive", async () => {
    h = await startHarness();
    // fetch may not set Connection; node:http may.
    const get = (headers: Record<string, string>) =>
      new Promise<string | undefined>((resolve, reject) => {
        const req = httpRequest(
          `${h.proxy.url}/projects`,
          { headers: { authorization: `Bearer ${h.sandbox.keys.readWrite}`, ...headers } },
          (res) => {
            res.resume();
            res.on("end", () => resolve(res.headers["cache-status"] as string | undefined));
          },
        );
        req.on("error", reject);
        req.end();
      });
    expect(await get({ connection: "keep-alive" })).toBe("goatkit; fwd=miss; stored");
    expect(await get({ connection: "keep-alive" })).toMatch(/^goatkit; hit; ttl=\d+$/);
    // Hop-by-hop once named: dropped before the cache reads the request, as it is before upstream.
    expect(await get({ connection: "keep-alive, Cache-Control", "cache-control": "no-store" })).toMatch(
      /^goatkit; hit; ttl=\d+$/,
    );
    expect(await get({ connection: "keep-alive", "cache-control": "no-store" })).toBe(
      "goatkit; fwd=request; detail=no-store",
    );
    expect(h.upstreamCount()).toBe(2);
  });

  it("forwards the caller's key but not its Host, and keeps the API's own answers for unknown routes", async () => {
    h = await startHarness();
    const res = await h.call("/no-such-route");
    expect(res.status).toBe(404);
    expect((await res.json()).error).toContain("/api/v1/no-such-route");
    expect(h.sandbox.requests().byKey).toEqual({ "tga_5d5a…d92c": 1 });
  });
});
