import { BulkUpdated, Creator, Deleted, Queued } from "@goatkit/core/schema";
import { describe, expect, it } from "vitest";
import { firstOf, testSandbox } from "../../test-helpers/sandbox.js";

describe("creators", () => {
  it("adds one creator: handle normalised, 201, listed and searchable", async () => {
    const sb = testSandbox();
    const project = firstOf(sb.state.world.projects, (p) => p.org_id === sb.orgA);
    const res = await sb.call("POST", `/projects/${project.id}/creators`, {
      body: { tiktok_handle: "@New.Creator_1", tracking_mode: "selective" },
    });
    expect(res.status).toBe(201);
    const creator = Creator.parse(res.json.data);
    expect(creator).toMatchObject({
      tiktok_handle: "new.creator_1",
      tracking_mode: "selective",
      project_id: project.id,
    });
    expect(res.json.data).not.toHaveProperty("_org_id");
    const found = await sb.get("/creators?search=CREATOR_1");
    expect(found.json.data.map((c: { id: string }) => c.id)).toEqual([creator.id]);
  });

  it("bulk add returns an array; a duplicate handle in the batch is a 400 naming it", async () => {
    const sb = testSandbox();
    const project = firstOf(sb.state.world.projects, (p) => p.org_id === sb.orgA);
    const path = `/projects/${project.id}/creators`;
    const res = await sb.call("POST", path, {
      body: { creators: [{ tiktok_handle: "bulk_a" }, { tiktok_handle: "bulk_b" }] },
    });
    expect(res.status).toBe(201);
    expect(
      Creator.array()
        .parse(res.json.data)
        .map((c) => c.tiktok_handle),
    ).toEqual(["bulk_a", "bulk_b"]);
    const dup = await sb.call("POST", path, {
      body: { creators: [{ tiktok_handle: "x1" }, { tiktok_handle: "@X1" }] },
    });
    expect(dup.status).toBe(400);
    expect(dup.json.meta.code).toBe("invalid_body");
    expect(dup.json.error).toContain("creators.1.tiktok_handle");
    const tooMany = await sb.call("POST", path, {
      body: { creators: Array.from({ length: 51 }, (_, i) => ({ tiktok_handle: `h${i}` })) },
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.json.error).toContain("creators");
  });

  it("invalid bodies are 400 invalid_body naming the field", async () => {
    const sb = testSandbox();
    const project = firstOf(sb.state.world.projects, (p) => p.org_id === sb.orgA);
    const path = `/projects/${project.id}/creators`;
    const cases: Array<[unknown, string]> = [
      ["{not json", "not valid JSON"],
      [{}, "tiktok_handle"],
      [{ tiktok_handle: "ok", tracking_mode: "sometimes" }, "tracking_mode"],
      [{ tiktok_handle: "ok", surprise: 1 }, "unknown field: surprise"],
      [{ tiktok_handle: "has space" }, "tiktok_handle"],
    ];
    for (const [body, mention] of cases) {
      const res = await sb.call("POST", path, { body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.meta.code).toBe("invalid_body");
      expect(res.json.error).toContain(mention);
    }
  });

  it("an active duplicate is 409 handle_taken; a removed handle comes back with 200", async () => {
    const sb = testSandbox();
    const creator = firstOf(sb.state.world.creators, (c) => c._org_id === sb.orgA);
    const path = `/projects/${creator.project_id}/creators`;
    const taken = await sb.call("POST", path, {
      body: { tiktok_handle: creator.tiktok_handle.toUpperCase() },
    });
    expect(taken.status).toBe(409);
    expect(taken.json.meta.code).toBe("handle_taken");
    expect(Deleted.parse((await sb.call("DELETE", `/creators/${creator.id}`)).json.data)).toEqual({
      id: creator.id,
      deleted: true,
    });
    expect((await sb.get(`/creators/${creator.id}`)).status).toBe(404);
    const again = await sb.call("POST", path, { body: { tiktok_handle: `@${creator.tiktok_handle}` } });
    expect(again.status).toBe(200);
    expect(again.json.data.id).toBe(creator.id);
  });

  it("402 limit_reached with limitKey/current/max when org B runs out of creators", async () => {
    const sb = testSandbox();
    const project = firstOf(sb.state.world.projects, (p) => p.org_id === sb.orgB);
    const max = sb.state.orgs.get(sb.orgB)!.limits.max_creators_per_org!;
    const have = sb.state.activeCreatorCount(sb.orgB);
    const room = max - have;
    expect(room).toBeGreaterThan(0);
    let added = 0;
    while (added < room) {
      const n = Math.min(50, room - added);
      const creators = Array.from({ length: n }, (_, i) => ({ tiktok_handle: `limit_${added + i}` }));
      const res = await sb.call("POST", `/projects/${project.id}/creators`, {
        key: sb.keys.orgB,
        body: { creators },
      });
      expect(res.status).toBe(201);
      added += n;
    }
    const res = await sb.call("POST", `/projects/${project.id}/creators`, {
      key: sb.keys.orgB,
      body: { tiktok_handle: "one_too_many" },
    });
    expect(res.status).toBe(402);
    expect(res.json.meta).toEqual({
      code: "limit_reached",
      limitKey: "max_creators_per_org",
      current: max,
      max,
    });
  });

  it("PATCH: readme → description, metadata replaced, tracking mode", async () => {
    const sb = testSandbox();
    const creator = firstOf(sb.state.world.creators, (c) => c._org_id === sb.orgA);
    const res = await sb.call("PATCH", `/creators/${creator.id}`, {
      body: { readme: "# notes", metadata: { tier: "gold" }, tracking_mode: "selective" },
    });
    expect(res.status).toBe(200);
    expect(Creator.parse(res.json.data)).toMatchObject({
      description: "# notes",
      metadata: { tier: "gold" },
      tracking_mode: "selective",
    });
    const cleared = await sb.call("PATCH", `/creators/${creator.id}`, { body: { readme: null } });
    expect(cleared.json.data.description).toBeNull();
    const empty = await sb.call("PATCH", `/creators/${creator.id}`, { body: {} });
    expect(empty.status).toBe(400);
  });

  it("rename: each 409 code in meta.code, and a successful rename", async () => {
    const sb = testSandbox();
    const [a, b] = sb.state.world.creators.filter(
      (c) => c._org_id === sb.orgA && c.project_id === sb.state.world.creators[0]!.project_id,
    );
    const rename = (handle: string) =>
      sb.call("PATCH", `/creators/${a!.id}`, { body: { tiktok_handle: handle } });
    const cases: Array<[string, string]> = [
      [b!.tiktok_handle.toUpperCase(), "handle_taken"],
      ["banned_creator", "creator_banned"],
      ["no spaces allowed", "invalid_handle"],
      ["x".repeat(31), "invalid_handle"],
      [`@${a!.tiktok_handle}`, "no_change"],
    ];
    for (const [handle, code] of cases) {
      const res = await rename(handle);
      expect(res.status, handle).toBe(409);
      expect(res.json.meta.code).toBe(code);
      expect(res.json.error).toContain(code);
    }
    const ok = await rename("@Fresh_Handle");
    expect(ok.status).toBe(200);
    expect(ok.json.data.tiktok_handle).toBe("fresh_handle");
    const taken = await sb.call("POST", `/projects/${a!.project_id}/creators`, {
      body: { tiktok_handle: "fresh_handle" },
    });
    expect(taken.json.meta.code).toBe("handle_taken");
  });

  it("scrape: 202 queued until the daily manual-scrape quota is spent, then 429", async () => {
    const sb = testSandbox();
    const creator = firstOf(sb.state.world.creators, (c) => c._org_id === sb.orgB);
    const max = sb.state.orgs.get(sb.orgB)!.limits.max_manual_scrape_triggers_per_day!;
    for (let i = 0; i < max; i++) {
      const res = await sb.call("POST", `/creators/${creator.id}/scrape`, { key: sb.keys.orgB });
      expect(res.status).toBe(202);
      expect(Queued.parse(res.json.data)).toEqual({ queued: true });
    }
    const res = await sb.call("POST", `/creators/${creator.id}/scrape`, { key: sb.keys.orgB });
    expect(res.status).toBe(429);
    expect(res.json.meta).toMatchObject({
      code: "rate_limit_exceeded",
      limitKey: "max_manual_scrape_triggers_per_day",
    });
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("bulk-remove and bulk-reenable report how many changed", async () => {
    const sb = testSandbox();
    const project = firstOf(sb.state.world.projects, (p) => p.org_id === sb.orgA);
    const ids = sb.state.world.creators
      .filter((c) => c.project_id === project.id)
      .slice(0, 3)
      .map((c) => c.id);
    const body = { creator_ids: [...ids, "00000000-0000-4000-8000-000000000000"] };
    const removed = await sb.call("POST", `/projects/${project.id}/creators/bulk-remove`, { body });
    expect(BulkUpdated.parse(removed.json.data)).toEqual({ updated: 3 });
    const list = await sb.get(`/creators?project_id=${project.id}&limit=100`);
    expect(list.json.data.some((c: { id: string }) => ids.includes(c.id))).toBe(false);
    const again = await sb.call("POST", `/projects/${project.id}/creators/bulk-remove`, { body });
    expect(again.json.data.updated).toBe(0);
    const back = await sb.call("POST", `/projects/${project.id}/creators/bulk-reenable`, { body });
    expect(back.json.data.updated).toBe(3);
  });
});
