import { Campaign, CampaignItem, CampaignStats } from "@goatkit/core/schema";
import { describe, expect, it } from "vitest";
import { firstOf, type TestSandbox, testSandbox } from "../../test-helpers/sandbox.js";
import type { VideoRecord } from "../../world/types.js";

async function createCampaign(sb: TestSandbox, projectId: string, name: string): Promise<string> {
  const res = await sb.call("POST", `/projects/${projectId}/campaigns`, {
    body: { name, readme: `${name} notes` },
  });
  expect(res.status).toBe(201);
  return Campaign.parse(res.json.data).id;
}

async function addItem(sb: TestSandbox, campaignId: string, item_type: string, item_id: string) {
  return sb.call("POST", `/campaigns/${campaignId}/items`, { body: { item_type, item_id } });
}

const counted = (v: VideoRecord) =>
  !v._deleted && v.tracking_enabled && ["auto_tracked", "included", "direct_add"].includes(v.tracking_status);

describe("campaigns", () => {
  it("create / patch / get serve description and readme with the same text", async () => {
    const sb = testSandbox();
    const project = firstOf(sb.state.world.projects, (p) => p.org_id === sb.orgA);
    const id = await createCampaign(sb, project.id, "Launch");
    const res = await sb.call("PATCH", `/campaigns/${id}`, {
      body: { readme: "new text", target_views: 1000, metadata: { a: 1 } },
    });
    expect(res.json.data).toMatchObject({
      description: "new text",
      readme: "new text",
      target_views: 1000,
      metadata: { a: 1 },
    });
    expect(
      (await sb.get(`/campaigns?project_id=${project.id}&limit=100`)).json.data.some(
        (c: { id: string }) => c.id === id,
      ),
    ).toBe(true);
  });

  it("items: duplicate 409 conflict, other project 400, missing 404, self/circular 409 circular_reference", async () => {
    const sb = testSandbox();
    const w = sb.state.world;
    const [p1, p2] = w.projects.filter((p) => p.org_id === sb.orgA);
    const a = await createCampaign(sb, p1!.id, "A");
    const b = await createCampaign(sb, p1!.id, "B");
    const c = await createCampaign(sb, p1!.id, "C");
    const creator = firstOf(w.creators, (cr) => cr.project_id === p1!.id);
    const added = await addItem(sb, a, "creator", creator.id);
    expect(added.status).toBe(201);
    expect(CampaignItem.parse(added.json.data)).toMatchObject({
      item_type: "creator",
      item_id: creator.id,
      campaign_id: a,
    });
    expect((await addItem(sb, a, "creator", creator.id)).json.meta.code).toBe("conflict");
    const other = firstOf(w.creators, (cr) => cr.project_id === p2!.id);
    const wrongProject = await addItem(sb, a, "creator", other.id);
    expect([wrongProject.status, wrongProject.json.meta.code]).toEqual([400, "invalid_body"]);
    const orgBCreator = firstOf(w.creators, (cr) => cr._org_id === sb.orgB);
    expect((await addItem(sb, a, "creator", orgBCreator.id)).status).toBe(404);
    expect((await addItem(sb, a, "campaign", a)).json.meta.code).toBe("circular_reference");
    expect((await addItem(sb, a, "campaign", b)).status).toBe(201);
    expect((await addItem(sb, b, "campaign", c)).status).toBe(201);
    const circular = await addItem(sb, c, "campaign", a);
    expect([circular.status, circular.json.meta.code]).toEqual([409, "circular_reference"]);
    // Removing a member: 200, then 404 for a row that is gone.
    const del = await sb.call("DELETE", `/campaigns/${a}/items`, {
      body: { item_type: "creator", item_id: creator.id },
    });
    expect(del.status).toBe(200);
    expect(
      (
        await sb.call("DELETE", `/campaigns/${a}/items`, {
          body: { item_type: "creator", item_id: creator.id },
        })
      ).status,
    ).toBe(404);
    // Deleting B removes its own rows and the row that held it in A.
    expect((await sb.call("DELETE", `/campaigns/${b}`)).json.data).toEqual({ id: b, deleted: true });
    expect((await sb.get(`/campaigns/${a}/items`)).json.data).toEqual([]);
    expect(w.campaignItems.some((i) => i.campaign_id === b || i.item_id === b)).toBe(false);
  });

  it("402 max_campaign_items_per_campaign and max_campaigns_per_project", async () => {
    const sb = testSandbox();
    const org = sb.state.orgs.get(sb.orgA)!;
    const project = firstOf(sb.state.world.projects, (p) => p.org_id === sb.orgA);
    const id = await createCampaign(sb, project.id, "Small");
    org.limits.max_campaign_items_per_campaign = 1;
    const [v1, v2] = sb.state.world.videos.filter(
      (v) => v.project_id === project.id && v.tracking_status !== "excluded",
    );
    expect((await addItem(sb, id, "video", v1!.id)).status).toBe(201);
    const res = await addItem(sb, id, "video", v2!.id);
    expect(res.status).toBe(402);
    expect(res.json.meta).toEqual({
      code: "limit_reached",
      limitKey: "max_campaign_items_per_campaign",
      current: 1,
      max: 1,
    });
    const count = sb.state.campaigns.list(`project:${project.id}`).length;
    org.limits.max_campaigns_per_project = count;
    const full = await sb.call("POST", `/projects/${project.id}/campaigns`, { body: { name: "one more" } });
    expect(full.json.meta).toEqual({
      code: "limit_reached",
      limitKey: "max_campaigns_per_project",
      current: count,
      max: count,
    });
  });

  it("stats of a deeply nested, overlapping campaign equal a brute-force recomputation from the snapshots", async () => {
    const sb = testSandbox();
    const w = sb.state.world;
    const project = firstOf(w.projects, (p) => p.org_id === sb.orgA);
    const creators = w.creators.filter((c) => c.project_id === project.id).slice(0, 4);
    const videosOf = (id: string) => w.videos.filter((v) => v.creator_id === id);
    const top = await createCampaign(sb, project.id, "Top");
    const mid = await createCampaign(sb, project.id, "Mid");
    const low = await createCampaign(sb, project.id, "Low");
    const leaf = await createCampaign(sb, project.id, "Leaf");
    const direct = (
      await sb.call("POST", `/projects/${project.id}/videos`, {
        body: { url: "https://www.tiktok.com/@someone/video/7000000000000000001" },
      })
    ).json.data.id as string;
    const pending = firstOf(w.videos, (v) => v.project_id === project.id && !counted(v));
    // top ⊃ mid ⊃ low ⊃ leaf, plus top ⊃ low directly (a diamond); creators and videos overlap across levels.
    const rows: Array<[string, string, string]> = [
      [top, "creator", creators[0]!.id],
      [top, "campaign", mid],
      [top, "campaign", low],
      [mid, "creator", creators[0]!.id],
      [mid, "video", videosOf(creators[0]!.id)[0]!.id],
      [mid, "video", videosOf(creators[1]!.id)[0]!.id],
      [mid, "campaign", low],
      [low, "creator", creators[1]!.id],
      [low, "creator", creators[2]!.id],
      [low, "campaign", leaf],
      [low, "video", pending.id],
      [leaf, "video", videosOf(creators[2]!.id)[1]!.id],
      [leaf, "video", videosOf(creators[3]!.id)[0]!.id],
      [leaf, "video", direct],
    ];
    for (const [campaign, type, item] of rows)
      expect((await addItem(sb, campaign, type, item)).status).toBe(201);

    const res = await sb.get(`/campaigns/${top}/stats?from=${w.days[40]}&to=${w.days.at(-1)}`);
    expect(res.status).toBe(200);
    const stats = CampaignStats.parse(res.json.data);

    // Brute force: the set of counted videos reachable from `top`, each once.
    const ids = new Set<string>();
    for (const c of creators.slice(0, 3)) for (const v of videosOf(c.id)) if (counted(v)) ids.add(v.id);
    for (const id of [videosOf(creators[3]!.id)[0]!.id, direct]) ids.add(id);
    const videos = w.videos.filter((v) => ids.has(v.id) && counted(v));
    const sum = (k: "view_count" | "like_count" | "comment_count" | "share_count" | "save_count") =>
      videos.reduce((s, v) => s + v[k], 0);
    expect(stats.totals).toEqual({
      view_count: sum("view_count"),
      like_count: sum("like_count"),
      comment_count: sum("comment_count"),
      share_count: sum("share_count"),
      save_count: sum("save_count"),
      video_count: videos.length,
      creator_count: new Set(videos.map((v) => v.creator_id).filter(Boolean)).size,
    });
    for (const point of stats.history) {
      const idx = w.days.indexOf(point.date);
      let views = 0;
      let likes = 0;
      for (const v of videos) {
        const s = w.videoSnapshot(v, idx);
        views += s?.view_count ?? 0;
        likes += s?.like_count ?? 0;
      }
      expect([point.date, point.view_count, point.like_count]).toEqual([point.date, views, likes]);
    }
    expect(stats.history.map((h) => h.date)).toEqual(w.days.slice(40));
    for (const { date, count } of stats.video_count_by_day) {
      expect(count).toBe(videos.filter((v) => v.posted_at.slice(0, 10) === date).length);
    }
    expect(stats.top_videos[0]!.view_count).toBe(Math.max(...videos.map((v) => v.view_count)));
    expect(stats.top_videos.length).toBe(Math.min(10, videos.length));
  });

  it("GET /campaigns/{id}/stats of a world campaign matches the planted truth totals", async () => {
    const sb = testSandbox();
    const [id, truth] = Object.entries(sb.truth.campaign_totals).find(
      ([cid]) => sb.state.campaigns.get(cid)?._org_id === sb.orgA,
    )!;
    const res = await sb.get(`/campaigns/${id}/stats`);
    expect(res.json.data.totals).toEqual(truth);
  });
});
