/**
 * Creators (api-contract §4): list with search, single and bulk add (reactivating removed handles),
 * PATCH with rename rules, soft delete, manual scrape (daily quota), bulk re-enable/remove, legacy stats.
 */
import {
  BulkCreateCreatorsBody,
  CreateCreatorBody,
  type CreateCreatorBody as CreateCreatorInput,
  CreatorIdsBody,
  UpdateCreatorBody,
} from "@goatkit/core/schema";
import { Hono } from "hono";
import { isBannedHandle, isValidHandle, normaliseHandle } from "../../state/handles.js";
import { assertWithinLimit, limitOf } from "../../state/limits.js";
import type { SandboxState } from "../../state/sandbox-state.js";
import { creatorStats, parseDateRange } from "../../stats/index.js";
import type { CreatorRecord, OrgRecord, ProjectRecord } from "../../world/types.js";
import { ApiError, badBody } from "../api-error.js";
import { parseBody, readBody, readJson } from "../body.js";
import { orgIdOf, type SandboxContext, type SandboxEnv } from "../context.js";
import { ok } from "../envelope.js";
import { assertStatsRouteServed } from "../gone.js";
import { listRequest, paginate } from "../pagination.js";
import { idParam, queryId, queryString } from "../query.js";
import { rateLimited } from "../rate-limit.js";
import { toPublic } from "../serialize.js";
import { commitOk } from "./write.js";

const conflict = (code: string, message: string) => new ApiError(409, code, message);

interface PlannedAdd {
  handle: string;
  input: CreateCreatorInput;
  reactivate: CreatorRecord | null;
}

/** Checks one handle to add (throws the 409s), returning a reactivation target when there is one. */
function planAdd(state: SandboxState, project: ProjectRecord, input: CreateCreatorInput): PlannedAdd {
  const handle = normaliseHandle(input.tiktok_handle);
  if (!isValidHandle(handle)) throw badBody(`Invalid body: tiktok_handle: "${handle}" is not a valid handle`);
  if (isBannedHandle(handle)) throw conflict("creator_banned", `creator_banned: @${handle} is banned`);
  if (state.handles.active(project.id, handle)) {
    throw conflict("handle_taken", `handle_taken: @${handle} is already tracked in this project`);
  }
  const removed = state.handles.find(project.id, handle).find((cr) => cr._deleted) ?? null;
  return { handle, input, reactivate: removed };
}

interface StagedAdd {
  /** The creator as it will be once applied (what the response shows). */
  result: CreatorRecord;
  apply: () => void;
}

/** Stages one planned add without touching the state; `apply` performs it. */
function stageAdd(state: SandboxState, org: OrgRecord, project: ProjectRecord, plan: PlannedAdd): StagedAdd {
  if (plan.reactivate) {
    const creator = plan.reactivate;
    const trackingMode = plan.input.tracking_mode ?? creator.tracking_mode;
    const stamp = state.clock.stamp();
    return {
      result: { ...creator, tracking_mode: trackingMode, _deleted: false, updated_at: stamp },
      apply: () => {
        creator.tracking_mode = trackingMode;
        state.setCreatorDeleted(creator, false, stamp);
      },
    };
  }
  const now = state.clock.stamp();
  const creator: CreatorRecord = {
    id: state.newId(),
    project_id: project.id,
    tiktok_handle: plan.handle,
    display_name: null,
    description: null,
    follower_count: 0,
    total_likes_count: 0,
    video_count: 0,
    tracking_mode: plan.input.tracking_mode ?? "auto",
    last_scraped_at: null,
    metadata: {},
    created_at: now,
    updated_at: now,
    _org_id: org.id,
    _deleted: false,
    _snap: -1, // no generated snapshots: the world serves its current counters from its first scrape on
  };
  return {
    result: creator,
    apply: () => {
      state.creators.insert(creator);
      state.handles.add(creator);
    },
  };
}

export function creatorRoutes(ctx: SandboxContext): Hono<SandboxEnv> {
  const { state } = ctx;
  const app = new Hono<SandboxEnv>();

  // Active creators of the org, optionally of one project, optionally filtered by handle substring.
  app.get("/creators", (c) => {
    const orgId = orgIdOf(c);
    const projectId = queryId(c, "project_id");
    const search = queryString(c, "search")?.toLowerCase();
    if (projectId) state.project(orgId, projectId);
    const list = state.creators.list(projectId ? `project:${projectId}` : `org:${orgId}`);
    const req = listRequest(c, creatorListId(orgId, projectId, search));
    const filter = search
      ? (cr: CreatorRecord) => cr.tiktok_handle.toLowerCase().includes(search)
      : undefined;
    const page = paginate(list, (r) => state.creators.keyOf(r), req, filter);
    return ok(c, page.data.map(toPublic), { meta: { ...page.meta } });
  });

  app.get("/creators/:id", (c) => ok(c, toPublic(state.creator(orgIdOf(c), idParam(c)))));

  app.post("/projects/:projectId/creators", async (c) => {
    const { org } = c.get("auth");
    const project = state.project(org.id, idParam(c, "projectId"));
    const raw = await readJson(c);
    const bulk = typeof raw === "object" && raw !== null && "creators" in raw;
    const inputs = bulk
      ? parseBody(raw, BulkCreateCreatorsBody).creators
      : [parseBody(raw, CreateCreatorBody)];
    // Validate everything before writing anything: a bulk add is all or nothing.
    const seen = new Map<string, number>();
    const plans = inputs.map((input, i) => {
      const plan = planAdd(state, project, input);
      const first = seen.get(plan.handle);
      if (first !== undefined) {
        throw badBody(`Invalid body: creators.${i}.tiktok_handle: duplicate of creators.${first}`);
      }
      seen.set(plan.handle, i);
      return plan;
    });
    assertWithinLimit(org, "max_creators_per_org", state.activeCreatorCount(org.id), plans.length);
    const staged = plans.map((plan) => stageAdd(state, org, project, plan));
    const created = staged.map((s) => toPublic(s.result));
    const anyNew = plans.some((p) => p.reactivate === null);
    const status = anyNew ? 201 : 200;
    return commitOk(
      c,
      state,
      bulk ? created : created[0],
      () => {
        for (const s of staged) s.apply();
      },
      { status },
    );
  });

  app.patch("/creators/:id", async (c) => {
    const orgId = orgIdOf(c);
    const creator = state.creator(orgId, idParam(c));
    const body = await readBody(c, UpdateCreatorBody);
    let newHandle: string | null = null;
    if (body.tiktok_handle !== undefined) {
      const handle = normaliseHandle(body.tiktok_handle);
      if (!isValidHandle(handle)) {
        throw conflict("invalid_handle", "invalid_handle: handles are 1–30 letters, digits, '.', '_' or '-'");
      }
      if (handle === creator.tiktok_handle.toLowerCase()) {
        throw conflict("no_change", "no_change: the new handle is the current handle");
      }
      if (isBannedHandle(handle)) throw conflict("creator_banned", `creator_banned: @${handle} is banned`);
      const holder = state.handles.active(creator.project_id, handle);
      if (holder && holder.id !== creator.id) {
        throw conflict("handle_taken", `handle_taken: @${handle} is already tracked in this project`);
      }
      newHandle = handle;
    }
    const next: CreatorRecord = { ...creator, updated_at: state.clock.stamp() };
    if (newHandle !== null) next.tiktok_handle = newHandle;
    if (body.readme !== undefined) next.description = body.readme;
    if (body.metadata !== undefined) next.metadata = body.metadata;
    if (body.tracking_mode !== undefined) next.tracking_mode = body.tracking_mode;
    return commitOk(c, state, toPublic(next), () => {
      if (newHandle !== null) state.handles.remove(creator);
      Object.assign(creator, next);
      if (newHandle !== null) state.handles.add(creator);
    });
  });

  app.delete("/creators/:id", (c) => {
    const creator = state.creator(orgIdOf(c), idParam(c));
    return commitOk(c, state, { id: creator.id, deleted: true }, () =>
      state.setCreatorDeleted(creator, true),
    );
  });

  app.post("/creators/:id/scrape", (c) => {
    const { org } = c.get("auth");
    state.creator(org.id, idParam(c));
    return commitOk(c, state, { queued: true }, planScrape(state, org), { status: 202 });
  });

  app.post("/projects/:projectId/creators/bulk-reenable", async (c) => {
    const { org } = c.get("auth");
    const project = state.project(org.id, idParam(c, "projectId"));
    const { creator_ids } = await readBody(c, CreatorIdsBody);
    // Only removed creators of this project whose handle is free again can come back.
    const targets = unique(creator_ids)
      .map((id) => state.creators.get(id))
      .filter((cr): cr is CreatorRecord => !!cr && cr._deleted && cr.project_id === project.id)
      .filter((cr) => !state.handles.active(project.id, cr.tiktok_handle));
    assertWithinLimit(org, "max_creators_per_org", state.activeCreatorCount(org.id), targets.length);
    return commitOk(c, state, { updated: targets.length }, () => {
      for (const cr of targets) state.setCreatorDeleted(cr, false);
    });
  });

  app.post("/projects/:projectId/creators/bulk-remove", async (c) => {
    const orgId = orgIdOf(c);
    const project = state.project(orgId, idParam(c, "projectId"));
    const { creator_ids } = await readBody(c, CreatorIdsBody);
    const targets = unique(creator_ids)
      .map((id) => state.creators.get(id))
      .filter((cr): cr is CreatorRecord => !!cr && !cr._deleted && cr.project_id === project.id);
    return commitOk(c, state, { updated: targets.length }, () => {
      for (const cr of targets) state.setCreatorDeleted(cr, true);
    });
  });

  app.get("/creators/:id/stats", (c) => {
    const creator = state.creator(orgIdOf(c), idParam(c));
    assertStatsRouteServed(ctx, "creator", creator.id);
    const range = parseDateRange({ from: c.req.query("from"), to: c.req.query("to") }, state.world);
    return ok(c, creatorStats(state.world, creator, state.creatorVideos(creator.id), range));
  });

  return app;
}

/**
 * Checks a manual scrape against `max_manual_scrape_triggers_per_day` (429 when spent) and returns the
 * step that counts it, to run when the write is committed.
 */
export function planScrape(state: SandboxState, org: OrgRecord): () => void {
  const max = limitOf(org, "max_manual_scrape_triggers_per_day");
  if (max === null) return () => {};
  const day = state.clock.today();
  if (state.scrapesToday.get(org.id, day) >= max) {
    throw rateLimited(state.clock.secondsToUtcMidnight(), "Manual scrape limit reached for today", {
      limitKey: "max_manual_scrape_triggers_per_day",
      max,
    });
  }
  return () => {
    state.scrapesToday.take(org.id, day, max);
  };
}

const unique = (ids: readonly string[]) => [...new Set(ids)];

/** Identity of a `GET /creators` list (what its cursors are bound to). */
export const creatorListId = (orgId: string, projectId?: string, search?: string) =>
  `creators|${orgId}|${projectId ?? ""}|${search ?? ""}`;
