/**
 * Drift mode's plan: which responses change and how, decided once from the world when the sandbox
 * starts, so every answer about the same record drifts the same way (a video with an unknown status
 * has it in the list, by id and after a PATCH). Only response bodies change; the state never does, so
 * stats, goals and the planted truth are computed as without drift.
 *
 * The changes (the manifest lists each with the routes that carry it):
 * - creators: `display_name` renamed `nickname`; one creator per project (the third in list order) has
 *   `tracking_mode: "paused"`;
 * - videos: `description` dropped; two videos per project (the second and fifth in list order) have
 *   `tracking_status: "under_review"`, so any first page of a project's videos shows the value;
 * - campaigns: `metadata` dropped;
 * - legacy stats (not with `--api-generation current`, where they answer 410): Part B shapes (§4.6,
 *   §6.1, `{ series }`);
 * - deletes of creators, videos, campaigns and goals answer `data: null` (a write: not observable by
 *   a read-only run).
 */
import type { ApiGeneration } from "../api/context.js";
import type { SandboxState } from "../state/sandbox-state.js";
import type { DriftChange, DriftManifest } from "./manifest.js";
import { campaignStatsPartB, creatorStatsPartB, videoStatsPartB } from "./stats-shapes.js";

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** The unknown values drift serves (the contract lists neither). */
export const DRIFT_TRACKING_MODE = "paused";
export const DRIFT_TRACKING_STATUS = "under_review";
/** List positions (0-based, per project) of the records that carry them. */
const CREATOR_POSITIONS = [2];
const VIDEO_POSITIONS = [1, 4];

const CREATOR_ROUTES = [
  "GET /creators",
  "GET /creators/{id}",
  "POST /projects/{projectId}/creators",
  "PATCH /creators/{id}",
];
const VIDEO_ROUTES = [
  "GET /videos",
  "GET /videos/{id}",
  "POST /projects/{projectId}/videos",
  "PATCH /videos/{id}",
];
const CAMPAIGN_ROUTES = [
  "GET /campaigns",
  "GET /campaigns/{id}",
  "POST /projects/{projectId}/campaigns",
  "PATCH /campaigns/{id}",
];
const DELETE_ROUTES = [
  "DELETE /creators/{id}",
  "DELETE /videos/{id}",
  "DELETE /campaigns/{id}",
  "DELETE /goals/{id}",
];
const STATS_ROUTES = {
  creator: "GET /creators/{id}/stats",
  campaign: "GET /campaigns/{id}/stats",
  video: "GET /videos/{id}/stats",
} as const;

export interface DriftPlan {
  readonly manifest: DriftManifest;
  /** Whether answers of `route` (a request-log label) can change at all. */
  touches(route: string): boolean;
  /** The response envelope for `route` after drift (the same object when nothing changes). */
  apply(route: string, body: unknown): unknown;
}

/** Ids at `positions` of each project's list `prefix:<projectId>` (list order is the API's). */
function pickIds(state: SandboxState, kind: "creators" | "videos", positions: number[]): Set<string> {
  const ids = new Set<string>();
  for (const project of state.world.projects) {
    const list = state[kind].list(`project:${project.id}`);
    for (const at of positions) {
      const record = list.at(at);
      if (record) ids.add(record.id);
    }
  }
  return ids;
}

export function createDriftPlan(state: SandboxState, apiGeneration: ApiGeneration): DriftPlan {
  const pausedCreators = pickIds(state, "creators", CREATOR_POSITIONS);
  const reviewVideos = pickIds(state, "videos", VIDEO_POSITIONS);
  const statsServed = apiGeneration === "legacy";

  const creator = (c: Json): Json => {
    if (typeof c.tiktok_handle !== "string" || !("display_name" in c)) return c;
    const { display_name, ...rest } = c;
    const out: Json = { ...rest, nickname: display_name };
    if (typeof c.id === "string" && pausedCreators.has(c.id)) out.tracking_mode = DRIFT_TRACKING_MODE;
    return out;
  };
  const video = (v: Json): Json => {
    if (typeof v.tiktok_video_id !== "string") return v;
    const { description: _dropped, ...rest } = v;
    if (typeof v.id === "string" && reviewVideos.has(v.id)) rest.tracking_status = DRIFT_TRACKING_STATUS;
    return rest;
  };
  const campaign = (c: Json): Json => {
    if (typeof c.name !== "string" || !("metadata" in c)) return c;
    const { metadata: _dropped, ...rest } = c;
    return rest;
  };
  const eachOf = (fn: (o: Json) => Json) => (data: unknown) =>
    Array.isArray(data) ? data.map((d) => (isObject(d) ? fn(d) : d)) : isObject(data) ? fn(data) : data;

  const byRoute = new Map<string, (data: unknown) => unknown>();
  for (const r of CREATOR_ROUTES) byRoute.set(r, eachOf(creator));
  for (const r of VIDEO_ROUTES) byRoute.set(r, eachOf(video));
  for (const r of CAMPAIGN_ROUTES) byRoute.set(r, eachOf(campaign));
  for (const r of DELETE_ROUTES) byRoute.set(r, () => null);
  if (statsServed) {
    byRoute.set(STATS_ROUTES.creator, creatorStatsPartB);
    byRoute.set(STATS_ROUTES.campaign, campaignStatsPartB);
    byRoute.set(STATS_ROUTES.video, videoStatsPartB);
  }

  const changes = manifestChanges(pausedCreators.size, reviewVideos.size, statsServed);
  return {
    manifest: { enabled: true, changes },
    touches: (route) => byRoute.has(route),
    apply(route, body) {
      const transform = byRoute.get(route);
      if (!transform || !isObject(body) || !("data" in body)) return body;
      const data = transform(body.data);
      return data === body.data ? body : { ...body, data };
    },
  };
}

function manifestChanges(pausedCreators: number, reviewVideos: number, statsServed: boolean): DriftChange[] {
  const read = (routes: string[]) => ({ route: routes[0]!, routes, observable_read_only: true });
  const changes: DriftChange[] = [
    {
      ...read(CREATOR_ROUTES),
      resource: "creator",
      kind: "renamed",
      field: "display_name",
      renamed_to: "nickname",
      detail: "display_name is served as nickname",
    },
    {
      ...read(CREATOR_ROUTES),
      resource: "creator",
      kind: "unknown_enum",
      field: "tracking_mode",
      value: DRIFT_TRACKING_MODE,
      items: pausedCreators,
      detail: `tracking_mode "${DRIFT_TRACKING_MODE}" (not auto or selective) on the third creator of each project`,
    },
    {
      ...read(VIDEO_ROUTES),
      resource: "video",
      kind: "dropped",
      field: "description",
      detail: "description is left out",
    },
    {
      ...read(VIDEO_ROUTES),
      resource: "video",
      kind: "unknown_enum",
      field: "tracking_status",
      value: DRIFT_TRACKING_STATUS,
      items: reviewVideos,
      detail: `tracking_status "${DRIFT_TRACKING_STATUS}" (not in the contract) on the second and fifth video of each project`,
    },
    {
      ...read(CAMPAIGN_ROUTES),
      resource: "campaign",
      kind: "dropped",
      field: "metadata",
      detail: "metadata is left out",
    },
  ];
  if (statsServed) {
    const creatorStats = read([STATS_ROUTES.creator]);
    const campaignStats = read([STATS_ROUTES.campaign]);
    changes.push(
      {
        ...creatorStats,
        resource: "creator_stats",
        kind: "shape",
        field: "total_video_views",
        detail: "a number (views at the end of the range, Part B §4.6) instead of a daily series",
      },
      {
        ...creatorStats,
        resource: "creator_stats",
        kind: "shape",
        field: "posting_frequency",
        detail: "a number (posts per week, Part B §4.6) instead of weekly buckets",
      },
      {
        ...creatorStats,
        resource: "creator_stats",
        kind: "shape",
        field: "history[]",
        detail: "days carry view_count and like_count instead of total_likes_count (Part B §4.6)",
      },
      {
        ...campaignStats,
        resource: "campaign_stats",
        kind: "shape",
        field: "totals",
        detail: "view, like, comment and share counts only (Part B §6.1)",
      },
      {
        ...campaignStats,
        resource: "campaign_stats",
        kind: "shape",
        field: "top_videos[]",
        detail: "items are { video_id, title, url, view_count } (Part B §6.1)",
      },
      {
        ...campaignStats,
        resource: "campaign_stats",
        kind: "shape",
        field: "top_creators[]",
        detail: "items are { creator_id, tiktok_handle, view_count } (Part B §6.1)",
      },
      {
        ...read([STATS_ROUTES.video]),
        resource: "video_stats",
        kind: "shape",
        field: "",
        detail: "{ series: [{ date, value }] } (cumulative views) instead of { video_id, from, to, history }",
      },
    );
  }
  changes.push({
    route: DELETE_ROUTES[0]!,
    routes: DELETE_ROUTES,
    resource: "delete_result",
    kind: "shape",
    field: "",
    detail: "deletes answer data: null instead of { id, deleted: true }",
    observable_read_only: false,
  });
  return changes;
}
