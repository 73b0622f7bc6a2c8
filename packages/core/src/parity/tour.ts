/**
 * The routes a parity run asks, in order: the project's lists, then one record of each kind (stats,
 * analytics, goals, payouts), then the specs. Each step names its route pattern and strict reader, and
 * a step with nothing to ask about is recorded as skipped, never as matching.
 * @module
 */
import type { StrictSchemaName } from "../schema/strict.js";
import { firstId, isObject, type Json, type ParityRun } from "./run.js";

/** The first record of each kind in the sampled project: what the per-record routes are asked about. */
export interface Sample {
  creatorId: string | undefined;
  videoId: string | undefined;
  campaignId: string | undefined;
}

const enc = encodeURIComponent;

/** Asks `path` about the sampled record, or records the route as skipped when there is none. */
async function aboutRecord(
  run: ParityRun,
  route: string,
  schema: StrictSchemaName,
  id: string | undefined,
  what: string,
  path: (id: string) => string,
  query?: Json,
): Promise<void> {
  if (id === undefined) run.skip(route, schema, `the project has no ${what} to ask about`);
  else await run.one(route, schema, path(enc(id)), query);
}

export async function checkLists(run: ParityRun, projectId: string): Promise<Sample> {
  const inProject = { project_id: projectId, limit: 100 };
  const creators = await run.list("GET /creators", "creator", "/creators", inProject, "required");
  const videos = await run.list("GET /videos", "video", "/videos", inProject, "required");
  const campaigns = await run.list("GET /campaigns", "campaign", "/campaigns", inProject, "required");
  const sample = { creatorId: firstId(creators), videoId: firstId(videos), campaignId: firstId(campaigns) };
  if (sample.campaignId === undefined) {
    run.skip("GET /campaigns/{id}/items", "campaign_item", "the project has no campaign to ask about");
  } else {
    const path = `/campaigns/${enc(sample.campaignId)}/items`;
    await run.list("GET /campaigns/{id}/items", "campaign_item", path, { limit: 100 }, "required");
  }
  return sample;
}

/** The first-generation stats routes; a 410 there means the current generation. */
export async function checkStats(run: ParityRun, { creatorId, campaignId, videoId }: Sample): Promise<void> {
  await aboutRecord(
    run,
    "GET /creators/{id}/stats",
    "creator_stats",
    creatorId,
    "creator",
    (id) => `/creators/${id}/stats`,
  );
  await aboutRecord(
    run,
    "GET /campaigns/{id}/stats",
    "campaign_stats",
    campaignId,
    "campaign",
    (id) => `/campaigns/${id}/stats`,
  );
  await aboutRecord(
    run,
    "GET /videos/{id}/stats",
    "video_stats",
    videoId,
    "video",
    (id) => `/videos/${id}/stats`,
  );
  const answered = run.checks.some(
    (c) => c.route.endsWith("/stats") && (c.outcome === "matches" || c.outcome === "differs"),
  );
  if (run.generation === "unknown" && answered) run.generation = "legacy";
}

export async function checkAnalytics(run: ParityRun, { creatorId }: Sample): Promise<void> {
  await aboutRecord(run, "GET /analytics", "analytics", creatorId, "creator", () => "/analytics", {
    entity: "creator",
    entity_id: creatorId,
    metric: "views",
  });
  const annotations = "/analytics/annotations";
  await run.list("GET /analytics/annotations", "annotation", annotations, { limit: 100 }, "optional");
}

/** Goal compliance, then the goals of a creator it shows with goals (else the sampled creator). */
export async function checkGoals(run: ParityRun, projectId: string, { creatorId }: Sample): Promise<void> {
  const compliance = await run.list(
    "GET /projects/{id}/goal-compliance",
    "goal_compliance",
    `/projects/${enc(projectId)}/goal-compliance`,
    { limit: 100 },
    "optional",
  );
  const withGoals = compliance?.find((c) => Array.isArray(c.compliance) && c.compliance.length > 0);
  const owner =
    isObject(withGoals?.creator) && typeof withGoals.creator.id === "string"
      ? withGoals.creator.id
      : creatorId;
  if (owner === undefined)
    run.skip("GET /creators/{id}/goals", "goal", "the project has no creator to ask about");
  else
    await run.list(
      "GET /creators/{id}/goals",
      "goal",
      `/creators/${enc(owner)}/goals`,
      { limit: 100 },
      "optional",
    );
}

export async function checkPayouts(run: ParityRun, projectId: string): Promise<void> {
  const page = { limit: 100 };
  await run.list("GET /payout-methods", "payout_method", "/payout-methods", undefined, "optional");
  const structures = await run.list(
    "GET /payout-structures",
    "payout_structure",
    "/payout-structures",
    { project_id: projectId, ...page },
    "optional",
  );
  const structureId = firstId(structures);
  const assignments = "GET /payout-structures/{id}/assignments";
  if (structureId === undefined)
    run.skip(assignments, "payout_assignment", "the project has no payout structure");
  else {
    const path = `/payout-structures/${enc(structureId)}/assignments`;
    await run.list(assignments, "payout_assignment", path, page, "optional");
  }
  await run.list("GET /payout-accruals", "accrual", "/payout-accruals", page, "optional");
  await run.list("GET /payout-payments", "payment", "/payout-payments", page, "optional");
}

/** The machine-readable specs: OpenAPI documents are served as they are; `/schema` in the envelope. */
export async function checkSpecs(run: ParityRun): Promise<void> {
  await run.one("GET /schema", "api_schema", "/schema");
  await run.one("GET /openapi.json", "openapi", "/openapi.json", undefined, true);
  await run.one("GET /analytics/schema", "analytics_schema", "/analytics/schema", undefined, true);
}
