/**
 * Goals (api-contract §8, emulator-default paths): `GET/POST /creators/{id}/goals`,
 * `GET/PATCH/DELETE /goals/{id}`, and the project roll-up `GET /projects/{id}/goal-compliance`.
 */
import { CreateGoalBody, UpdateGoalBody } from "@goatkit/core/schema";
import { Hono } from "hono";
import { type GoalEntryInput, goalCompliance } from "../../stats/index.js";
import type { GoalRecord } from "../../world/types.js";
import { badBody } from "../api-error.js";
import { readBody } from "../body.js";
import { orgIdOf, type SandboxContext, type SandboxEnv } from "../context.js";
import { ok } from "../envelope.js";
import { listRequest, paginate } from "../pagination.js";
import { idParam, queryId, queryString } from "../query.js";
import { toPublic } from "../serialize.js";
import { commitOk } from "./write.js";

function assertDateOrder(goal: Pick<GoalRecord, "start_date" | "end_date">): void {
  if (goal.start_date && goal.end_date && goal.start_date > goal.end_date) {
    throw badBody("Invalid body: end_date: must not be before start_date");
  }
}

export function goalRoutes(ctx: SandboxContext): Hono<SandboxEnv> {
  const { state } = ctx;
  const app = new Hono<SandboxEnv>();

  app.get("/creators/:id/goals", (c) => {
    const creator = state.creator(orgIdOf(c), idParam(c));
    const req = listRequest(c, `goals|${creator.id}`);
    const page = paginate(state.goals.list(`creator:${creator.id}`), (g) => state.goals.keyOf(g), req);
    return ok(c, page.data.map(toPublic), { meta: { ...page.meta } });
  });

  app.post("/creators/:id/goals", async (c) => {
    const { org } = c.get("auth");
    const creator = state.creator(org.id, idParam(c));
    const body = await readBody(c, CreateGoalBody);
    const now = state.clock.stamp();
    const goal: GoalRecord = {
      id: state.newId(),
      creator_id: creator.id,
      project_id: creator.project_id,
      metric: body.metric,
      period: body.period,
      target_value: body.target_value,
      start_date: body.start_date ?? null,
      end_date: body.end_date ?? null,
      is_active: body.is_active ?? true,
      created_at: now,
      updated_at: now,
      _org_id: org.id,
    };
    assertDateOrder(goal);
    return commitOk(c, state, toPublic(goal), () => state.goals.insert(goal), { status: 201 });
  });

  app.get("/goals/:id", (c) => ok(c, toPublic(state.goal(orgIdOf(c), idParam(c)))));

  app.patch("/goals/:id", async (c) => {
    const goal = state.goal(orgIdOf(c), idParam(c));
    const body = await readBody(c, UpdateGoalBody);
    const next: GoalRecord = { ...goal, ...stripUndefined(body), updated_at: state.clock.stamp() };
    assertDateOrder(next);
    return commitOk(c, state, toPublic(next), () => Object.assign(goal, next));
  });

  app.delete("/goals/:id", (c) => {
    const goal = state.goal(orgIdOf(c), idParam(c));
    return commitOk(c, state, { id: goal.id, deleted: true }, () => state.goals.remove(goal));
  });

  // One entry per active creator, paginated like every list (by the creators' order), so only the
  // creators of the page are evaluated.
  app.get("/projects/:id/goal-compliance", (c) => {
    const orgId = orgIdOf(c);
    const project = state.project(orgId, idParam(c));
    const creatorId = queryId(c, "creator_id");
    const query = {
      creator_id: creatorId ?? null,
      period: queryString(c, "period") ?? null,
      reference_date: queryString(c, "reference_date") ?? null,
    };
    const req = listRequest(c, `goal-compliance|${project.id}|${creatorId ?? ""}`);
    const only = creatorId ? state.creator(orgId, creatorId) : null;
    const page = paginate(
      state.creators.list(`project:${project.id}`),
      (cr) => state.creators.keyOf(cr),
      req,
      only ? (cr) => cr.id === only.id : undefined,
    );
    const entries: GoalEntryInput[] = page.data.map((creator) => ({
      creator,
      goals: state.goals.list(`creator:${creator.id}`).view(),
      videos: state.creatorVideos(creator.id),
    }));
    return ok(c, goalCompliance(state.world, project, entries, query), { meta: { ...page.meta } });
  });

  return app;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
