import {
  AggregateMeta,
  Analytics,
  Annotation,
  PostingHeatmapCell,
  VideoLeaderboardRow,
} from "@goatkit/core/schema";
import { describe, expect, it } from "vitest";
import { firstOf, testSandbox } from "../../test-helpers/sandbox.js";

describe("analytics", () => {
  const sb = testSandbox();
  const w = sb.state.world;
  const creator = firstOf(w.creators, (c) => c._org_id === sb.orgA);
  const campaign = firstOf(w.campaigns, (c) => c._org_id === sb.orgA);
  const project = firstOf(w.projects, (p) => p.org_id === sb.orgA);

  it.each([
    ["creator", creator.id],
    ["campaign", campaign.id],
    ["project", project.id],
  ])("GET /analytics for a %s validates; ultra tier has unlimited retention (null)", async (entity, id) => {
    const res = await sb.get(`/analytics?entity=${entity}&entity_id=${id}&metric=views`);
    expect(res.status).toBe(200);
    const data = Analytics.parse(res.json.data);
    expect(data.series).toHaveLength(30);
    expect(data.tier_retention_days).toBeNull();
  });

  it("format=csv answers text/csv with a Content-Disposition attachment", async () => {
    const res = await sb.get(`/analytics?entity=creator&entity_id=${creator.id}&metric=views&format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename=".+\.csv"$/);
    expect(res.text.split("\n")[0]).toBe("series_kind,entity_id,label,bucket_start,value");
  });

  it("starter tier: 365-day retention; an older from → 402 retention_exceeded", async () => {
    const bCreator = firstOf(w.creators, (c) => c._org_id === sb.orgB);
    const ok = await sb.get(`/analytics?entity=creator&entity_id=${bCreator.id}&metric=views`, {
      key: sb.keys.orgB,
    });
    expect(ok.json.data.tier_retention_days).toBe(365);
    const old = await sb.get(
      `/analytics?entity=creator&entity_id=${bCreator.id}&metric=views&from=2024-01-01`,
      { key: sb.keys.orgB },
    );
    expect(old.status).toBe(402);
    expect(old.json.meta).toMatchObject({ code: "retention_exceeded", tier_retention_days: 365 });
  });

  it.each([
    ["entity_id=x"],
    [`entity=creator&entity_id=${creator.id}`],
    [`entity=planet&entity_id=${creator.id}`],
    [`entity=creator&entity_id=${creator.id}&metric=vibes`],
    [`entity=creator&entity_id=${creator.id}&from=2026-03-10&to=2026-03-01`],
    [`entity=creator&entity_id=${creator.id}&format=xml`],
    [`entity=creator&entity_id=${creator.id}&tz=Mars/Olympus`],
  ])("GET /analytics?%s → 400 invalid_query", async (q) => {
    const res = await sb.get(`/analytics?${q}`);
    expect([res.status, res.json.meta.code]).toEqual([400, "invalid_query"]);
  });

  it("annotations: CRUD, filters, and embedding in the analytics of their entity", async () => {
    const s = testSandbox();
    const created = await s.call("POST", "/analytics/annotations", {
      body: { date: w.days.at(-3), label: "Launch", entity: "creator", entity_id: creator.id },
    });
    expect(created.status).toBe(201);
    const a = Annotation.parse(created.json.data);
    expect(a.project_id).toBe(creator.project_id);
    const listed = await s.get(`/analytics/annotations?entity=creator&entity_id=${creator.id}`);
    expect(listed.json.data.map((x: { id: string }) => x.id)).toEqual([a.id]);
    const chart = await s.get(`/analytics?entity=creator&entity_id=${creator.id}&metric=likes`);
    expect(chart.json.data.annotations.map((x: { id: string }) => x.id)).toEqual([a.id]);
    const patched = await s.call("PATCH", `/analytics/annotations/${a.id}`, { body: { label: "Relaunch" } });
    expect(patched.json.data.label).toBe("Relaunch");
    const bad = await s.call("POST", "/analytics/annotations", {
      body: { date: "2026-01-01", label: "x", entity: "creator" },
    });
    expect(bad.json.meta.code).toBe("invalid_body");
    expect((await s.call("DELETE", `/analytics/annotations/${a.id}`)).json.data).toEqual({
      id: a.id,
      deleted: true,
    });
    expect((await s.get(`/analytics/annotations`)).json.data).toEqual([]);
  });

  it("video leaderboard: rows, meta { total_count, limit, offset }, offset paging", async () => {
    const res = await sb.get(`/analytics/aggregate/video-leaderboard?project_id=${project.id}&limit=5`);
    expect(res.status).toBe(200);
    const rows = VideoLeaderboardRow.array().parse(res.json.data);
    const meta = AggregateMeta.parse(res.json.meta);
    expect(rows).toHaveLength(5);
    expect(meta).toMatchObject({ limit: 5, offset: 0 });
    expect(meta.total_count).toBeGreaterThan(5);
    const next = await sb.get(
      `/analytics/aggregate/video-leaderboard?project_id=${project.id}&limit=5&offset=5`,
    );
    expect(next.json.data[0].view_count).toBeLessThanOrEqual(rows[4]!.view_count);
    expect((await sb.get("/analytics/aggregate/video-leaderboard")).json.meta.code).toBe("invalid_query");
    expect(
      (await sb.get(`/analytics/aggregate/video-leaderboard?project_id=${project.id}&limit=0`)).status,
    ).toBe(400);
  });

  it("posting heatmap: non-empty cells; from and to are required", async () => {
    const res = await sb.get(
      `/analytics/aggregate/posting-heatmap?project_id=${project.id}&from=${w.days[0]}&to=${w.days.at(-1)}`,
    );
    const cells = PostingHeatmapCell.array().parse(res.json.data);
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.every((c) => c.post_count > 0)).toBe(true);
    const missing = await sb.get(`/analytics/aggregate/posting-heatmap?project_id=${project.id}`);
    expect([missing.status, missing.json.meta.code]).toEqual([400, "invalid_query"]);
  });
});
