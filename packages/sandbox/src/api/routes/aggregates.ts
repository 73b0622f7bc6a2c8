/**
 * Aggregate analytics (api-contract §7.4): the two documented routes, video-leaderboard (offset
 * pagination with `meta: { total_count, limit, offset }`) and posting-heatmap. The eight routes known by
 * name only answer 501 (see not-implemented.ts).
 */
import { Hono } from "hono";
import { parseTz, postingHeatmap, videoLeaderboard } from "../../stats/index.js";
import { ApiError } from "../api-error.js";
import { orgIdOf, type SandboxContext, type SandboxEnv } from "../context.js";
import { ok } from "../envelope.js";
import { queryId, queryInt } from "../query.js";

export function aggregateRoutes(ctx: SandboxContext): Hono<SandboxEnv> {
  const { state } = ctx;
  const app = new Hono<SandboxEnv>();

  /** The required, accessible `project_id` of every aggregate route. */
  const projectOf = (c: Parameters<typeof queryId>[0]) => {
    const projectId = queryId(c, "project_id");
    if (!projectId) throw new ApiError(400, "invalid_query", "project_id is required");
    return state.project(orgIdOf(c), projectId);
  };

  app.get("/analytics/aggregate/video-leaderboard", (c) => {
    const project = projectOf(c);
    const limit = queryInt(c, "limit", 50, 1, 100);
    const offset = queryInt(c, "offset", 0, 0, Number.MAX_SAFE_INTEGER);
    const { rows, total_count } = videoLeaderboard(state.projectVideos(project.id), {
      from: c.req.query("from"),
      to: c.req.query("to"),
      order: c.req.query("order"),
      limit,
      offset,
    });
    return ok(c, rows, { meta: { total_count, limit, offset } });
  });

  app.get("/analytics/aggregate/posting-heatmap", (c) => {
    const project = projectOf(c);
    parseTz(c.req.query("tz"));
    const cells = postingHeatmap(state.projectVideos(project.id), {
      from: c.req.query("from"),
      to: c.req.query("to"),
    });
    return ok(c, cells);
  });

  return app;
}
