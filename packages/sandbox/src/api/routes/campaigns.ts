/**
 * Campaigns (api-contract §6): CRUD, membership items (same project, no duplicates, no cycles, plan
 * limit) and the recursive legacy stats, where every counted video is counted once however many paths
 * reach it.
 */
import { CampaignItemBody, CreateCampaignBody, UpdateCampaignBody } from "@goatkit/core/schema";
import { Hono } from "hono";
import { assertWithinLimit } from "../../state/limits.js";
import { campaignItemId, type SandboxState } from "../../state/sandbox-state.js";
import {
  type CampaignLookup,
  campaignStats,
  parseDateRange,
  resolveCampaignVideos,
} from "../../stats/index.js";
import type { CampaignItemRecord, CampaignRecord } from "../../world/types.js";
import { ApiError, badBody } from "../api-error.js";
import { readBody } from "../body.js";
import { orgIdOf, type SandboxContext, type SandboxEnv } from "../context.js";
import { ok } from "../envelope.js";
import { assertStatsRouteServed } from "../gone.js";
import { listRequest, paginate } from "../pagination.js";
import { idParam, queryId } from "../query.js";
import { publicCampaign } from "../serialize.js";
import { commitOk } from "./write.js";

/** How the stats functions see the current membership rows and videos. */
export function campaignLookup(state: SandboxState): CampaignLookup {
  return {
    itemsOf: (id) => state.campaignItems.list(`campaign:${id}`).view(),
    // A removed creator brings no videos (its videos left the project views with it).
    videosOfCreator: (id) => (state.creators.get(id)?._deleted ? [] : state.creatorVideos(id)),
    videoById: (id) => {
      const video = state.videos.get(id);
      return video && !video._deleted ? video : undefined;
    },
  };
}

/** Whether `from` reaches `target` through campaign items (so adding `from` into `target` makes a cycle). */
function reaches(state: SandboxState, from: string, target: string): boolean {
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (id === target) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const item of state.campaignItems.list(`campaign:${id}`).view()) {
      if (item.item_type === "campaign") stack.push(item.item_id);
    }
  }
  return false;
}

/** The project of an item of the caller's org (404 when it is missing or another org's). */
function itemProject(
  state: SandboxState,
  orgId: string,
  item: { item_type: string; item_id: string },
): string {
  if (item.item_type === "creator") return state.creator(orgId, item.item_id).project_id;
  if (item.item_type === "video") return state.video(orgId, item.item_id).project_id;
  return state.campaign(orgId, item.item_id).project_id;
}

const publicItem = (i: CampaignItemRecord) => ({ ...i });

export function campaignRoutes(ctx: SandboxContext): Hono<SandboxEnv> {
  const { state } = ctx;
  const app = new Hono<SandboxEnv>();

  app.get("/campaigns", (c) => {
    const orgId = orgIdOf(c);
    const projectId = queryId(c, "project_id");
    if (projectId) state.project(orgId, projectId);
    const req = listRequest(c, `campaigns|${orgId}|${projectId ?? ""}`);
    const list = state.campaigns.list(projectId ? `project:${projectId}` : `org:${orgId}`);
    const page = paginate(list, (r) => state.campaigns.keyOf(r), req);
    return ok(c, page.data.map(publicCampaign), { meta: { ...page.meta } });
  });

  app.get("/campaigns/:id", (c) => ok(c, publicCampaign(state.campaign(orgIdOf(c), idParam(c)))));

  app.post("/projects/:projectId/campaigns", async (c) => {
    const { org } = c.get("auth");
    const project = state.project(org.id, idParam(c, "projectId"));
    const body = await readBody(c, CreateCampaignBody);
    assertWithinLimit(org, "max_campaigns_per_project", state.campaigns.list(`project:${project.id}`).length);
    const now = state.clock.stamp();
    const campaign: CampaignRecord = {
      id: state.newId(),
      project_id: project.id,
      name: body.name,
      description: body.readme ?? null,
      metadata: body.metadata ?? {},
      target_views: body.target_views ?? null,
      target_at: body.target_at ?? null,
      created_at: now,
      updated_at: now,
      _org_id: org.id,
    };
    return commitOk(c, state, publicCampaign(campaign), () => state.campaigns.insert(campaign), {
      status: 201,
    });
  });

  app.patch("/campaigns/:id", async (c) => {
    const campaign = state.campaign(orgIdOf(c), idParam(c));
    const body = await readBody(c, UpdateCampaignBody);
    const next: CampaignRecord = { ...campaign, updated_at: state.clock.stamp() };
    if (body.name !== undefined) next.name = body.name;
    if (body.readme !== undefined) next.description = body.readme;
    if (body.metadata !== undefined) next.metadata = body.metadata;
    if (body.target_views !== undefined) next.target_views = body.target_views;
    if (body.target_at !== undefined) next.target_at = body.target_at;
    return commitOk(c, state, publicCampaign(next), () => Object.assign(campaign, next));
  });

  app.delete("/campaigns/:id", (c) => {
    const campaign = state.campaign(orgIdOf(c), idParam(c));
    // Its own items and the rows that hold it inside other campaigns both go.
    const rows = [
      ...state.campaignItems.list(`campaign:${campaign.id}`).toArray(),
      ...state.campaignItems.list(`member:campaign:${campaign.id}`).toArray(),
    ];
    return commitOk(c, state, { id: campaign.id, deleted: true }, () => {
      for (const row of rows) state.campaignItems.remove(row);
      state.campaigns.remove(campaign);
    });
  });

  app.get("/campaigns/:id/items", (c) => {
    const campaign = state.campaign(orgIdOf(c), idParam(c));
    const req = listRequest(c, `campaign-items|${campaign.id}`);
    const list = state.campaignItems.list(`campaign:${campaign.id}`);
    const page = paginate(list, (r) => state.campaignItems.keyOf(r), req);
    return ok(c, page.data.map(publicItem), { meta: { ...page.meta } });
  });

  app.post("/campaigns/:id/items", async (c) => {
    const { org } = c.get("auth");
    const campaign = state.campaign(org.id, idParam(c));
    const body = await readBody(c, CampaignItemBody);
    const project = itemProject(state, org.id, body);
    if (project !== campaign.project_id) {
      throw badBody(
        `Invalid body: item_id: the ${body.item_type} belongs to another project than the campaign`,
      );
    }
    if (body.item_type === "campaign" && reaches(state, body.item_id, campaign.id)) {
      throw new ApiError(
        409,
        "circular_reference",
        "circular_reference: that campaign already contains this one (directly or through sub-campaigns)",
      );
    }
    const row: CampaignItemRecord = {
      campaign_id: campaign.id,
      item_type: body.item_type,
      item_id: body.item_id,
      created_at: state.clock.stamp(),
    };
    if (state.campaignItems.get(campaignItemId(row))) {
      throw new ApiError(409, "conflict", `This ${body.item_type} is already an item of the campaign`);
    }
    assertWithinLimit(
      org,
      "max_campaign_items_per_campaign",
      state.campaignItems.list(`campaign:${campaign.id}`).length,
    );
    return commitOk(c, state, publicItem(row), () => state.campaignItems.insert(row), { status: 201 });
  });

  app.delete("/campaigns/:id/items", async (c) => {
    const campaign = state.campaign(orgIdOf(c), idParam(c));
    const body = await readBody(c, CampaignItemBody);
    const row = state.campaignItems.get(`${campaign.id}|${body.item_type}|${body.item_id}`);
    if (!row) throw new ApiError(404, "not_found", "Campaign item not found");
    return commitOk(c, state, { ...publicItem(row), deleted: true }, () => state.campaignItems.remove(row));
  });

  app.get("/campaigns/:id/stats", (c) => {
    const campaign = state.campaign(orgIdOf(c), idParam(c));
    assertStatsRouteServed(ctx, "campaign", campaign.id);
    const range = parseDateRange({ from: c.req.query("from"), to: c.req.query("to") }, state.world);
    const videos = resolveCampaignVideos(campaign.id, campaignLookup(state));
    const stats = campaignStats(state.world, campaign, videos, (id) => state.creators.get(id), range);
    // Part A.3's daily history has four counters; saves are in the totals only.
    const history = stats.history.map(({ save_count: _saves, ...day }) => day);
    return ok(c, { ...stats, history });
  });

  return app;
}
