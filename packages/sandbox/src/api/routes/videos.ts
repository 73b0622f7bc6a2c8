/**
 * Videos (api-contract §5): list (never excluded, never deleted), add by URL (`direct_add`, creator_id
 * null), PATCH notes/metadata, soft delete, manual scrape, tracking-disable (single and bulk), legacy stats.
 */
import { CreateVideoBody, UpdateVideoBody, VideoIdsBody } from "@goatkit/core/schema";
import { Hono } from "hono";
import { assertWithinLimit } from "../../state/limits.js";
import type { SandboxState } from "../../state/sandbox-state.js";
import { parseDateRange, videoStats } from "../../stats/index.js";
import type { VideoRecord } from "../../world/types.js";
import { ApiError, badBody } from "../api-error.js";
import { readBody } from "../body.js";
import { orgIdOf, type SandboxContext, type SandboxEnv } from "../context.js";
import { ok } from "../envelope.js";
import { assertStatsRouteServed } from "../gone.js";
import { listRequest, paginate } from "../pagination.js";
import { idParam, queryId } from "../query.js";
import { toPublic } from "../serialize.js";
import { planScrape } from "./creators.js";
import { commitOk } from "./write.js";

/** TikTok's video id from a URL like `https://www.tiktok.com/@handle/video/7301234567890123456`. */
export function tiktokVideoId(url: string): string | null {
  return /\/video\/(\d{6,25})(?:[/?#]|$)/.exec(url)?.[1] ?? null;
}

/** Identity of a `GET /videos` list (what its cursors are bound to). */
export const videoListId = (orgId: string, projectId?: string, creatorId?: string) =>
  `videos|${orgId}|${projectId ?? ""}|${creatorId ?? ""}`;

function disableTracking(state: SandboxState, video: VideoRecord, stamp = state.clock.stamp()): void {
  if (!video.tracking_enabled) return;
  state.videos.update(video, (v) => {
    v.tracking_enabled = false;
    v.updated_at = stamp;
  });
}

export function videoRoutes(ctx: SandboxContext): Hono<SandboxEnv> {
  const { state } = ctx;
  const app = new Hono<SandboxEnv>();

  app.get("/videos", (c) => {
    const orgId = orgIdOf(c);
    const projectId = queryId(c, "project_id");
    const creatorId = queryId(c, "creator_id");
    if (projectId) state.project(orgId, projectId);
    const creator = creatorId ? state.creator(orgId, creatorId) : null;
    const req = listRequest(c, videoListId(orgId, projectId, creatorId));
    // The narrowest index answers; a creator of another project than the one asked for has no videos.
    const name = creator ? `creator:${creator.id}` : projectId ? `project:${projectId}` : `org:${orgId}`;
    const list = state.videos.list(projectId && creator && creator.project_id !== projectId ? "none" : name);
    const page = paginate(list, (v) => state.videos.keyOf(v), req);
    return ok(c, page.data.map(toPublic), { meta: { ...page.meta } });
  });

  app.get("/videos/:id", (c) => ok(c, toPublic(state.video(orgIdOf(c), idParam(c)))));

  app.post("/projects/:projectId/videos", async (c) => {
    const { org } = c.get("auth");
    const project = state.project(org.id, idParam(c, "projectId"));
    const body = await readBody(c, CreateVideoBody);
    const tiktokId = tiktokVideoId(body.url);
    if (!tiktokId) throw badBody("Invalid body: url: expected a TikTok video URL (…/@handle/video/<id>)");
    if (state.projectVideos(project.id).some((v) => v.tiktok_video_id === tiktokId)) {
      throw new ApiError(409, "conflict", `Video ${tiktokId} is already tracked in this project`);
    }
    assertWithinLimit(org, "max_tracked_videos_per_org", state.videos.list(`tracked:${org.id}`).length);
    const now = state.clock.stamp();
    const video: VideoRecord = {
      id: state.newId(),
      project_id: project.id,
      creator_id: null,
      tiktok_video_id: tiktokId,
      url: body.url,
      title: null,
      description: body.readme ?? null,
      view_count: 0,
      like_count: 0,
      comment_count: 0,
      share_count: 0,
      save_count: 0,
      posted_at: now, // unknown until the first scrape; the sandbox never scrapes
      tracking_status: "direct_add",
      last_scraped_at: null,
      tracking_enabled: true,
      metadata: {},
      created_at: now,
      updated_at: now,
      _org_id: org.id,
      _deleted: false,
      _snap: -1,
    };
    return commitOk(c, state, toPublic(video), () => state.videos.insert(video), { status: 201 });
  });

  app.patch("/videos/:id", async (c) => {
    const video = state.video(orgIdOf(c), idParam(c));
    const body = await readBody(c, UpdateVideoBody);
    const next: VideoRecord = { ...video, updated_at: state.clock.stamp() };
    if (body.readme !== undefined) next.description = body.readme;
    if (body.metadata !== undefined) next.metadata = body.metadata;
    return commitOk(c, state, toPublic(next), () => Object.assign(video, next));
  });

  app.delete("/videos/:id", (c) => {
    const video = state.video(orgIdOf(c), idParam(c));
    return commitOk(c, state, { id: video.id, deleted: true }, () =>
      state.videos.update(video, (v) => {
        v._deleted = true;
        v.updated_at = state.clock.stamp();
      }),
    );
  });

  app.post("/videos/:id/scrape", (c) => {
    const { org } = c.get("auth");
    state.video(org.id, idParam(c));
    return commitOk(c, state, { queued: true }, planScrape(state, org), { status: 202 });
  });

  app.post("/videos/:id/tracking-disable", (c) => {
    const video = state.video(orgIdOf(c), idParam(c));
    if (!video.tracking_enabled) return commitOk(c, state, toPublic(video), () => {});
    const stamp = state.clock.stamp();
    return commitOk(c, state, toPublic({ ...video, tracking_enabled: false, updated_at: stamp }), () =>
      disableTracking(state, video, stamp),
    );
  });

  app.post("/projects/:projectId/videos/bulk-tracking-disable", async (c) => {
    const orgId = orgIdOf(c);
    const project = state.project(orgId, idParam(c, "projectId"));
    const { video_ids } = await readBody(c, VideoIdsBody);
    const targets = [...new Set(video_ids)]
      .map((id) => state.videos.get(id))
      .filter(
        (v): v is VideoRecord => !!v && !v._deleted && v.project_id === project.id && v.tracking_enabled,
      );
    return commitOk(c, state, { updated: targets.length }, () => {
      for (const video of targets) disableTracking(state, video);
    });
  });

  app.get("/videos/:id/stats", (c) => {
    const video = state.video(orgIdOf(c), idParam(c));
    assertStatsRouteServed(ctx, "video", video.id);
    if (c.req.query("cohort") !== undefined) {
      throw new ApiError(501, "not_implemented", "cohort=1 (cohort velocity) is not modelled by the sandbox");
    }
    const range = parseDateRange({ from: c.req.query("from"), to: c.req.query("to") }, state.world);
    const options = {
      metric: c.req.query("metric"),
      base_metric: c.req.query("base_metric"),
      granularity: c.req.query("granularity"),
    };
    return ok(c, videoStats(state.world, video, range, options));
  });

  return app;
}
