/**
 * Answers checked against a named source: the sandbox's planted truth (underperformers, stale creators,
 * outliers, over-posting, campaign totals) or values computed here from the sandbox's raw lists. The
 * four agent-guide questions are each answered by a scripted sequence of at most two tool calls.
 */
import { fetchAll } from "@goatkit/core";
import { isCountedVideo } from "@goatkit/core/analysis";
import { describe, expect, it } from "vitest";
import { type McpHarness, type ToolCall, withMcp } from "./test-helpers/harness.js";

const h = withMcp();

/** A scripted agent: counts its calls so each question can be held to two. */
function agent(harness: McpHarness) {
  let calls = 0;
  return {
    async call(name: string, args: Record<string, unknown> = {}): Promise<ToolCall> {
      calls++;
      const r = await harness.call(name, args);
      expect(r.isError, `${name} failed: ${r.text}`).toBe(false);
      return r;
    },
    get calls() {
      return calls;
    },
  };
}

type Row = Record<string, unknown>;
const projectsOf = (r: ToolCall) => r.structured.projects as { id: string; name: string }[];

describe("the four agent-guide questions, at most two calls each", () => {
  it("analyze campaign performance: search_campaigns → campaign_performance; totals equal the planted truth", async () => {
    const { truth } = h().sb.sandbox;
    const a = agent(h());
    const list = await a.call("search_campaigns", { limit: 50 });
    const campaigns = list.structured.items as Row[];
    expect(campaigns.length).toBeGreaterThan(0);
    // The first campaign whose planted totals are non-empty, as an agent would pick a live one.
    const pick = campaigns.find((c) => (truth.campaign_totals[c.id as string]?.video_count ?? 0) > 0)!;
    const report = await a.call("campaign_performance", { campaign_id: pick.id });
    expect(a.calls).toBe(2);
    const planted = truth.campaign_totals[pick.id as string]!;
    expect(report.structured.totals).toMatchObject({
      view_count: planted.view_count,
      like_count: planted.like_count,
      video_count: planted.video_count,
      creator_count: planted.creator_count,
    });
    expect(report.text).toContain((report.structured.campaign as Row).name as string);
  });

  it("find underperforming creators: orient → underperforming_creators; flagged set equals the planted truth", async () => {
    const { truth } = h().sb.sandbox;
    const a = agent(h());
    const o = await a.call("orient");
    const project = projectsOf(o).find((p) => truth.underperformers.some((u) => u.project_id === p.id))!;
    const r = await a.call("underperforming_creators", { project_id: project.id });
    expect(a.calls).toBe(2);
    const planted = truth.underperformers.filter((u) => u.project_id === project.id);
    expect(planted.length).toBeGreaterThan(0);
    const flagged = r.structured.underperformers as { creator_id: string; reasons: string[] }[];
    expect(new Set(flagged.map((u) => u.creator_id))).toEqual(new Set(planted.map((u) => u.creator_id)));
    for (const u of planted)
      expect(new Set(flagged.find((f) => f.creator_id === u.creator_id)!.reasons)).toEqual(
        new Set(u.reasons),
      );
    expect(r.structured.underperformer_count).toBe(planted.length);
    // Stale creators of the project, from the planted truth.
    const stale = (r.structured.stale_creators as { creator_id: string }[]).map((s) => s.creator_id);
    const mine = new Set(
      h()
        .sb.sandbox.state.world.creators.filter((c) => c.project_id === project.id)
        .map((c) => c.id),
    );
    const plantedStale = truth.stale_creators.filter((id) => mine.has(id));
    expect(plantedStale.length).toBeGreaterThan(0);
    expect(new Set(stale)).toEqual(new Set(plantedStale));
    expect(r.text).toContain(`${planted.length} of`);
  });

  it("content analysis across a campaign: search_campaigns → campaign_content; counts and views equal the truth", async () => {
    const { truth } = h().sb.sandbox;
    const a = agent(h());
    const list = await a.call("search_campaigns", { limit: 50 });
    const pick = (list.structured.items as Row[]).find(
      (c) => (truth.campaign_totals[c.id as string]?.video_count ?? 0) > 5,
    )!;
    const r = await a.call("campaign_content", { campaign_id: pick.id, response_format: "detailed" });
    expect(a.calls).toBe(2);
    const planted = truth.campaign_totals[pick.id as string]!;
    // The default range runs from the campaign's first post to the analysis day: every counted video.
    expect(r.structured.video_count).toBe(planted.video_count);
    expect(r.structured.total_views).toBe(planted.view_count);
    const outliers = (r.structured.outliers as { items: { video_id: string; direction: string }[] }).items;
    const plantedOutliers = new Set(truth.outlier_videos.map((o) => `${o.video_id}:${o.direction}`));
    for (const o of outliers) expect(plantedOutliers.has(`${o.video_id}:${o.direction}`)).toBe(true);
  });

  it("trend analysis over time: search_creators → creator_trend; posts in range equal the raw video list", async () => {
    const { sb } = h();
    const a = agent(h());
    const list = await a.call("search_creators", { limit: 5 });
    const creator = (list.structured.items as Row[]).find((c) => (c.video_count as number) > 10)!;
    const r = await a.call("creator_trend", { creator_id: creator.id, range: "last_30_days" });
    expect(a.calls).toBe(2);
    const range = (r.structured.meta as { range: { from: string; to: string } }).range;
    const videos = await fetchAll(sb.client.videos.list({ creator_id: creator.id as string, limit: 100 }));
    const expected = videos.filter((v) => {
      const day = v.posted_at.slice(0, 10);
      return isCountedVideo(v) && day >= range.from && day <= range.to;
    }).length;
    expect(r.structured.range_post_count).toBe(expected);
    expect((r.structured.creator as Row).tiktok_handle).toBe(creator.tiktok_handle);
  });
});

describe("program_health against the planted truth", () => {
  it("finds every planted over-posting day and outlier of each project (detailed, no cut)", async () => {
    const { truth } = h().sb.sandbox;
    const o = await h().call("orient");
    const overPosting = new Set<string>();
    const outliers = new Set<string>();
    for (const p of projectsOf(o)) {
      const r = await h().call("program_health", {
        project_id: p.id,
        response_format: "detailed",
        outlier_limit: 500,
      });
      expect(r.structured.truncation).toBeUndefined();
      const s = r.structured as {
        over_posting: { incidents: Row[] };
        outliers: { items: Row[]; total_count: number };
      };
      for (const i of s.over_posting.incidents) overPosting.add(`${i.creator_id}:${i.date}`);
      expect(s.outliers.items).toHaveLength(s.outliers.total_count);
      for (const x of s.outliers.items) outliers.add(`${x.video_id}:${x.direction}`);
    }
    const orgA = new Set(
      h()
        .sb.sandbox.state.world.creators.filter((c) => projectsOf(o).some((p) => p.id === c.project_id))
        .map((c) => c.id),
    );
    const plantedOver = truth.over_posting
      .filter((x) => orgA.has(x.creator_id))
      .map((x) => `${x.creator_id}:${x.date}`);
    expect(overPosting).toEqual(new Set(plantedOver));
    const plantedOut = truth.outlier_videos
      .filter((x) => orgA.has(x.creator_id))
      .map((x) => `${x.video_id}:${x.direction}`);
    expect(outliers).toEqual(new Set(plantedOut));
  });
});

describe("one cache per server process", () => {
  it("a repeated workflow call sends no request upstream", async () => {
    const { sb } = h();
    const o = await h().call("orient");
    const project_id = projectsOf(o)[1]!.id;
    await h().call("underperforming_creators", { project_id });
    const before = sb.sandbox.requests().total;
    const again = await h().call("underperforming_creators", { project_id, limit: 3 });
    expect(sb.sandbox.requests().total - before).toBe(0);
    expect((again.structured.meta as Row).request_count).toBe(0);
  });
});

describe("progress", () => {
  it("sends progress notifications from core's progress events while a workflow pages", async () => {
    const o = await h().call("orient");
    const messages: string[] = [];
    const r = await h().call(
      "program_health",
      { project_id: projectsOf(o)[0]!.id, range: "last_7_days" },
      { onprogress: (p) => messages.push((p as { message: string }).message) },
    );
    expect(r.isError).toBe(false);
    expect(messages.some((m) => /^program_health: (fetching|analysing|done)/.test(m))).toBe(true);
    expect(messages.at(-1)).toMatch(/^program_health: done/);
  });
});
