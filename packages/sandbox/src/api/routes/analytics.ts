/**
 * `GET /analytics` (api-contract §7.1, A.4): one metric of a creator, video, campaign or project as a
 * bucketed series, as JSON or CSV, with the annotations of the range embedded. `from` older than the
 * org tier's history window is 402 `retention_exceeded`.
 */
import { dayString } from "@goatkit/core/analysis";
import { Hono } from "hono";
import { retentionDays } from "../../state/limits.js";
import type { SandboxState } from "../../state/sandbox-state.js";
import type { AnnotationRecord } from "../../state/types.js";
import {
  type AnalyticsTarget,
  analytics,
  analyticsCsv,
  parseDateRange,
  parseDay,
  resolveCampaignVideos,
} from "../../stats/index.js";
import type { CreatorRecord, VideoRecord } from "../../world/types.js";
import { ApiError } from "../api-error.js";
import type { SandboxContext, SandboxEnv } from "../context.js";
import { ok } from "../envelope.js";
import { queryEnum, requireQuery } from "../query.js";
import { toPublic } from "../serialize.js";
import { campaignLookup } from "./campaigns.js";

const ENTITIES = ["creator", "video", "campaign", "project"] as const;
type Entity = (typeof ENTITIES)[number];

/** Distinct active creators behind a set of videos (for follower metrics of campaigns). */
function creatorsOf(state: SandboxState, videos: readonly VideoRecord[]): CreatorRecord[] {
  const out = new Map<string, CreatorRecord>();
  for (const v of videos) {
    if (!v.creator_id || out.has(v.creator_id)) continue;
    const creator = state.creators.get(v.creator_id);
    if (creator && !creator._deleted) out.set(creator.id, creator);
  }
  return [...out.values()];
}

/** Resolves the entity in the caller's org (404 otherwise) to what the analytics function needs. */
export function analyticsTarget(
  state: SandboxState,
  orgId: string,
  entity: Entity,
  id: string,
): AnalyticsTarget & { projectId: string } {
  switch (entity) {
    case "creator": {
      const creator = state.creator(orgId, id);
      return { entity, id, creator, videos: state.creatorVideos(id), projectId: creator.project_id };
    }
    case "video": {
      const video = state.video(orgId, id);
      return { entity, id, videos: [video], projectId: video.project_id };
    }
    case "campaign": {
      const campaign = state.campaign(orgId, id);
      const videos = resolveCampaignVideos(id, campaignLookup(state));
      return { entity, id, videos, creators: creatorsOf(state, videos), projectId: campaign.project_id };
    }
    case "project": {
      const project = state.project(orgId, id);
      const creators = state.creators.list(`project:${project.id}`).view();
      return { entity, id, videos: state.projectVideos(id), creators, projectId: project.id };
    }
  }
}

/** Annotations shown on a chart of this entity: its own, its project's and org-wide ones, in range. */
function annotationsFor(
  state: SandboxState,
  orgId: string,
  target: { entity: Entity; id: string; projectId: string },
  from: string,
  to: string,
): AnnotationRecord[] {
  return state.annotations
    .list(`org:${orgId}`)
    .view()
    .filter((a) => {
      if (a.date < from || a.date > to) return false;
      if (a.entity !== null) return a.entity === target.entity && a.entity_id === target.id;
      return a.project_id === null || a.project_id === target.projectId;
    });
}

function assertRetention(days: number | null, from: string | undefined, asOf: string): void {
  if (days === null || from === undefined) return;
  const fromDay = parseDay(from);
  const asOfDay = parseDay(asOf);
  if (fromDay === null || asOfDay === null) return; // malformed dates are the range parser's 400
  const earliest = asOfDay - (days - 1);
  if (fromDay < earliest) {
    throw new ApiError(
      402,
      "retention_exceeded",
      `from is older than your plan's ${days}-day analytics history (earliest ${dayString(earliest)})`,
      { tier_retention_days: days, earliest_from: dayString(earliest) },
    );
  }
}

export function analyticsRoutes(ctx: SandboxContext): Hono<SandboxEnv> {
  const { state } = ctx;
  const app = new Hono<SandboxEnv>();

  app.get("/analytics", (c) => {
    const { org } = c.get("auth");
    const entity = queryEnum(c, "entity", ENTITIES);
    if (!entity) throw new ApiError(400, "invalid_query", `entity is required (${ENTITIES.join(", ")})`);
    const entityId = requireQuery(c, "entity_id");
    const format = queryEnum(c, "format", ["json", "csv"] as const, "json");
    const q = (name: string) => c.req.query(name);
    const range = parseDateRange({ from: q("from"), to: q("to") }, state.world);
    const tierDays = retentionDays(org);
    assertRetention(tierDays, q("from"), state.world.days.at(-1)!);
    const target = analyticsTarget(state, org.id, entity, entityId);
    const annotations = annotationsFor(
      state,
      org.id,
      { entity, id: entityId, projectId: target.projectId },
      range.from,
      range.to,
    );
    const data = analytics(state.world, target, {
      metric: q("metric"),
      mode: q("mode"),
      granularity: q("granularity"),
      from: q("from"),
      to: q("to"),
      compare: q("compare"),
      breakdown: q("breakdown"),
      base_metric: q("base_metric"),
      tz: q("tz"),
      tier_retention_days: tierDays,
      annotations: annotations.map(toPublic),
    });
    if (format === "csv") {
      const filename = `analytics-${data.entity}-${data.entity_id}-${data.metric}-${data.from}-${data.to}.csv`;
      return c.body(analyticsCsv(data), 200, {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${filename}"`,
      });
    }
    return ok(c, data);
  });

  return app;
}
