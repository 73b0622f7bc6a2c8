/**
 * The client against the sandbox over real HTTP: what the unit tests prove against a scripted server
 * must also hold against an emulator that follows the contract (pagination, error mapping, retries
 * through injected faults, idempotent creates).
 */
import { describe, expect, it } from "vitest";
import { startTestSandbox, withSandbox } from "../test-helpers/sandbox.js";
import {
  AuthenticationError,
  GoneError,
  LimitReachedError,
  NotFoundError,
  PermissionError,
  ResponseValidationError,
} from "./errors.js";
import { createClient } from "./index.js";

const harness = withSandbox();

describe("client ↔ sandbox", () => {
  it("iterates every creator exactly once across pages, in the API's order", async () => {
    const { sandbox, newClient } = harness();
    const tg = newClient();
    const seen: string[] = [];
    for await (const c of tg.creators.list({ limit: 7 })) seen.push(c.id);
    const big = await tg.creators.list({ limit: 100 }).toArray({ max: 10_000 });
    expect(seen.length).toBeGreaterThan(50);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(big.map((c) => c.id));
    // ceil(N/7) pages for the first walk, ceil(N/100) for the second: no wasted request.
    expect(tg.requestCount).toBe(Math.ceil(seen.length / 7) + Math.ceil(seen.length / 100));
    expect(sandbox.requests().byRoute["GET /creators"]).toBeGreaterThanOrEqual(tg.requestCount);
  });

  it("keeps the filter on every page", async () => {
    const { newClient } = harness();
    const tg = newClient();
    const { data: projects } = await tg.projects.list();
    const project = projects[0]!;
    const creators = await tg.creators.list({ project_id: project.id, limit: 5 }).toArray({ max: 1000 });
    expect(creators.length).toBeGreaterThan(5);
    expect(creators.every((c) => c.project_id === project.id)).toBe(true);
  });

  it("maps the emulator's errors to typed errors", async () => {
    const { sandbox, newClient } = harness();
    const rw = newClient();
    const creator = (await rw.creators.list({ limit: 1 })).data[0]!;

    await expect(newClient(sandbox.keys.revoked).projects.list()).rejects.toBeInstanceOf(AuthenticationError);

    const denied = await newClient(sandbox.keys.readOnly)
      .creators.update(creator.id, { readme: "x" })
      .catch((e: unknown) => e);
    expect(denied).toBeInstanceOf(PermissionError);
    expect((denied as PermissionError).required).toBe("write");

    // Another org's creator is indistinguishable from a missing one.
    await expect(
      newClient(sandbox.keys.orgB).creators.update(creator.id, { readme: "x" }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("raises LimitReachedError with the limit's key and numbers", async () => {
    const { sandbox, newClient } = harness();
    const orgB = newClient(sandbox.keys.orgB);
    const project = (await orgB.projects.list()).data[0]!;
    let error: unknown;
    for (let i = 0; i < 60 && !error; i++) {
      await orgB.creators.create(project.id, { tiktok_handle: `limit_probe_${i}` }).catch((e: unknown) => {
        error = e;
      });
    }
    expect(error).toBeInstanceOf(LimitReachedError);
    const limit = error as LimitReachedError;
    expect(limit.limitKey).toBe("max_creators_per_org");
    expect(limit.current).toBe(limit.max);
  });

  it("replays an idempotent create instead of creating twice", async () => {
    const { newClient } = harness();
    const tg = newClient();
    const project = (await tg.projects.list()).data[0]!;
    const body = { name: "Idempotency probe" };
    const first = await tg.campaigns.create(project.id, body, { idempotencyKey: "probe-1" });
    const again = await tg.campaigns.create(project.id, body, { idempotencyKey: "probe-1" });
    expect(again.id).toBe(first.id);
    const all = await tg.campaigns.list({ project_id: project.id }).toArray({ max: 1000 });
    expect(all.filter((c) => c.name === body.name)).toHaveLength(1);
  });

  it("raises GoneError with the replacement on the current generation", async () => {
    const current = await startTestSandbox({ apiGeneration: "current" });
    try {
      const creator = (await current.client.creators.list({ limit: 1 })).data[0]!;
      const gone = await current.client.creators.stats(creator.id).catch((e: unknown) => e);
      expect(gone).toBeInstanceOf(GoneError);
      expect((gone as GoneError).replacement).toContain(`entity_id=${creator.id}`);
    } finally {
      await current.sandbox.stop();
    }
  });

  it("gets through injected 500s and dropped connections by retrying", async () => {
    const flaky = await startTestSandbox({ faults: { errorRate: 0.3, dropRate: 0.15, seed: 3 } });
    try {
      const tg = createClient({
        apiKey: flaky.sandbox.keys.readWrite,
        baseUrl: flaky.sandbox.url,
        rateLimit: false,
        maxRetries: 8,
      });
      const creators = await tg.creators.list({ limit: 10 }).toArray({ max: 1000 });
      const pages = Math.ceil(creators.length / 10);
      expect(creators.length).toBeGreaterThan(50);
      expect(new Set(creators.map((c) => c.id)).size).toBe(creators.length);
      // Faults cost retries: more requests sent than pages, and the sandbox saw 500s.
      expect(tg.requestCount).toBeGreaterThan(pages);
      expect(flaky.sandbox.requests().byStatus["500"]).toBeGreaterThan(0);
    } finally {
      await flaky.sandbox.stop();
    }
  });

  it("reports a malformed body as ResponseValidationError, not a crash", async () => {
    const broken = await startTestSandbox({ faults: { malformedRate: 1 } });
    try {
      await expect(broken.client.projects.list()).rejects.toBeInstanceOf(ResponseValidationError);
    } finally {
      await broken.sandbox.stop();
    }
  });
});
