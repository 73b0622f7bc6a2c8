import { BulkUpdated, Video } from "@goatkit/core/schema";
import { describe, expect, it } from "vitest";
import { firstOf, testSandbox } from "../../test-helpers/sandbox.js";

describe("videos", () => {
  it("never lists excluded videos; filters by project and creator", async () => {
    const sb = testSandbox();
    const w = sb.state.world;
    const excluded = firstOf(w.videos, (v) => v._org_id === sb.orgA && v.tracking_status === "excluded");
    const all = await sb.get(`/videos?creator_id=${excluded.creator_id}&limit=100`);
    expect(all.json.data.map((v: { id: string }) => v.id)).not.toContain(excluded.id);
    expect(all.json.data.every((v: { creator_id: string }) => v.creator_id === excluded.creator_id)).toBe(
      true,
    );
    const mismatch = firstOf(w.projects, (p) => p.org_id === sb.orgA && p.id !== excluded.project_id);
    const none = await sb.get(`/videos?creator_id=${excluded.creator_id}&project_id=${mismatch.id}`);
    expect(none.json.data).toEqual([]);
  });

  it("adds by URL as direct_add with creator_id null; a duplicate is 409; a non-TikTok URL 400", async () => {
    const sb = testSandbox();
    const project = firstOf(sb.state.world.projects, (p) => p.org_id === sb.orgA);
    const url = "https://www.tiktok.com/@someone/video/7123456789012345678";
    const res = await sb.call("POST", `/projects/${project.id}/videos`, { body: { url } });
    expect(res.status).toBe(201);
    expect(Video.parse(res.json.data)).toMatchObject({
      creator_id: null,
      tracking_status: "direct_add",
      tiktok_video_id: "7123456789012345678",
      url,
    });
    expect((await sb.call("POST", `/projects/${project.id}/videos`, { body: { url } })).json.meta.code).toBe(
      "conflict",
    );
    const bad = await sb.call("POST", `/projects/${project.id}/videos`, {
      body: { url: "https://example.com/x" },
    });
    expect([bad.status, bad.json.meta.code]).toEqual([400, "invalid_body"]);
    expect(bad.json.error).toContain("url");
  });

  it("402 max_tracked_videos_per_org", async () => {
    const sb = testSandbox();
    const project = firstOf(sb.state.world.projects, (p) => p.org_id === sb.orgB);
    const current = sb.state.videos.list(`tracked:${sb.orgB}`).length;
    sb.state.orgs.get(sb.orgB)!.limits.max_tracked_videos_per_org = current;
    const res = await sb.call("POST", `/projects/${project.id}/videos`, {
      key: sb.keys.orgB,
      body: { url: "https://www.tiktok.com/@x/video/7000000000000000099" },
    });
    expect(res.status).toBe(402);
    expect(res.json.meta).toEqual({
      code: "limit_reached",
      limitKey: "max_tracked_videos_per_org",
      current,
      max: current,
    });
  });

  it("PATCH notes and metadata; DELETE hides it; tracking-disable stops it counting", async () => {
    const sb = testSandbox();
    const video = firstOf(
      sb.state.world.videos,
      (v) => v._org_id === sb.orgA && v.tracking_status === "auto_tracked",
    );
    const patched = await sb.call("PATCH", `/videos/${video.id}`, {
      body: { readme: "good hook", metadata: { k: 1 } },
    });
    expect(patched.json.data).toMatchObject({ description: "good hook", metadata: { k: 1 } });
    const disabled = await sb.call("POST", `/videos/${video.id}/tracking-disable`);
    expect(disabled.status).toBe(200);
    expect(sb.state.videos.get(video.id)!.tracking_enabled).toBe(false);
    expect(disabled.json.data.tracking_enabled).toBe(false);
    const project = video.project_id;
    const others = sb.state.world.videos
      .filter((v) => v.project_id === project && v.id !== video.id)
      .slice(0, 2);
    const bulk = await sb.call("POST", `/projects/${project}/videos/bulk-tracking-disable`, {
      body: { video_ids: [video.id, ...others.map((v) => v.id)] },
    });
    expect(BulkUpdated.parse(bulk.json.data)).toEqual({ updated: 2 });
    expect((await sb.call("DELETE", `/videos/${video.id}`)).json.data).toEqual({
      id: video.id,
      deleted: true,
    });
    expect((await sb.get(`/videos/${video.id}`)).status).toBe(404);
    expect((await sb.call("POST", `/videos/${video.id}/scrape`)).status).toBe(404);
  });

  it("legacy video stats: history without metric, a series with metric, 400 for bad params", async () => {
    const sb = testSandbox();
    const video = firstOf(
      sb.state.world.videos,
      (v) => v._org_id === sb.orgA && v.tracking_status === "auto_tracked",
    );
    const plain = await sb.get(`/videos/${video.id}/stats`);
    expect(plain.status).toBe(200);
    expect(plain.json.data.video_id).toBe(video.id);
    const series = await sb.get(`/videos/${video.id}/stats?metric=engagement_rate_by_views`);
    expect(series.json.data.series.length).toBe(30);
    for (const q of [
      "metric=engagement_rate_by_followers",
      "granularity=week",
      "from=2026-13-01",
      "from=2026-03-10&to=2026-03-01",
    ]) {
      const res = await sb.get(`/videos/${video.id}/stats?${q}`);
      expect([q, res.status, res.json.meta.code]).toEqual([q, 400, "invalid_query"]);
    }
  });
});
