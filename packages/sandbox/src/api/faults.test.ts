/** Fault injection over real HTTP: each kind, set at start, at run time by endpoint and by setFaults(). */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningSandbox, startSandbox } from "../server.js";
import { NOW, testSandbox } from "../test-helpers/sandbox.js";

let sb: RunningSandbox;
let auth: Record<string, string>;

beforeAll(async () => {
  sb = await startSandbox({ now: NOW, rateLimit: false, faults: { latencyMs: 120 } });
  auth = { authorization: `Bearer ${sb.keys.readWrite}` };
});
afterAll(() => sb.stop());

const setFaults = async (body: unknown) =>
  fetch(`${sb.origin}/__sandbox/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

describe("fault injection", () => {
  it("latency set at start delays API requests", async () => {
    const t = performance.now();
    expect((await fetch(`${sb.url}/projects`, { headers: auth })).status).toBe(200);
    expect(performance.now() - t).toBeGreaterThanOrEqual(110);
    expect((await (await setFaults({ latencyMs: 0 })).json()).latencyMs).toBe(0);
  });

  it("errorRate 1 → 500 internal_error envelope (set at run time by the endpoint)", async () => {
    await setFaults({ errorRate: 1 });
    const res = await fetch(`${sb.url}/projects`, { headers: auth });
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({
      data: null,
      error: "Internal server error",
      meta: { code: "internal_error" },
    });
    await setFaults({ errorRate: 0 });
  });

  it("dropRate 1 → the connection is destroyed without a response", async () => {
    sb.setFaults({ dropRate: 1 });
    await expect(fetch(`${sb.url}/projects`, { headers: auth })).rejects.toThrow();
    sb.setFaults({ dropRate: 0 });
    expect((await fetch(`${sb.url}/projects`, { headers: auth })).status).toBe(200);
  });

  it("malformedRate 1 → 200 with JSON that does not parse; an Idempotency-Key retry gets the intact response", async () => {
    sb.setFaults({ malformedRate: 1 });
    const res = await fetch(`${sb.url}/projects`, { headers: auth });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(() => JSON.parse(text)).toThrow();
    const project = sb.state.world.projects.find(
      (p) => p.org_id === sb.state.apiKeys.get(sb.keys.readWrite)!.org_id,
    )!;
    const post = () =>
      fetch(`${sb.url}/projects/${project.id}/campaigns`, {
        method: "POST",
        headers: { ...auth, "content-type": "application/json", "idempotency-key": "malformed-retry" },
        body: JSON.stringify({ name: "survives" }),
      });
    await post().then((r) => r.text());
    sb.setFaults({ malformedRate: 0 });
    const retry = await post();
    expect(retry.status).toBe(201);
    expect((await retry.json()).data.name).toBe("survives");
  });

  it("outage → 503 for every API route, while the operator endpoints keep working", async () => {
    sb.setFaults({ outage: true });
    for (const path of ["/projects", "/creators", "/no-such-route"]) {
      const res = await fetch(`${sb.url}${path}`, { headers: auth });
      expect(res.status).toBe(503);
      expect((await res.json()).meta.code).toBe("service_unavailable");
    }
    expect((await fetch(`${sb.origin}/__sandbox/health`)).status).toBe(200);
    expect((await (await fetch(`${sb.origin}/__sandbox/faults`)).json()).outage).toBe(true);
    sb.setFaults({ outage: false });
  });

  it("in process (app.request) a drop is a network-error Response and is counted as dropped", async () => {
    const s = testSandbox({ faults: { dropRate: 1 } });
    const res = await s.app.request("/api/v1/projects", {
      headers: { authorization: `Bearer ${s.keys.readWrite}` },
    });
    expect([res.status, res.type]).toEqual([0, "error"]);
    expect(s.requests().byStatus).toEqual({ dropped: 1 });
  });

  it("rejects invalid settings with 400 and names the problem", async () => {
    const res = await setFaults({ errorRate: 3 });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toContain("errorRate");
    expect((await setFaults("nope")).status).toBe(400);
  });

  it("draws are reproducible: same seed and request sequence → same failures", async () => {
    const run = async () => {
      const s = await startSandbox({ now: NOW, rateLimit: false, seed: 7, faults: { errorRate: 0.5 } });
      const statuses: number[] = [];
      for (let i = 0; i < 16; i++) {
        statuses.push(
          (await fetch(`${s.url}/projects`, { headers: { authorization: `Bearer ${s.keys.readWrite}` } }))
            .status,
        );
      }
      await s.stop();
      return statuses;
    };
    const a = await run();
    expect(await run()).toEqual(a);
    expect(a).toContain(500);
    expect(a).toContain(200);
  });
});
