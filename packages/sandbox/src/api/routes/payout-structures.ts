/**
 * Payout structures and their assignments (api-contract §9). Editing a rule field (type, amount,
 * period, proration, threshold, goal) creates a new version (version + 1; earlier accruals keep the
 * version they were computed with); names, notes, metadata and `is_active` are not rule edits.
 */
import {
  CreatePayoutStructureBody,
  PayoutAssignmentBody,
  UpdatePayoutStructureBody,
} from "@goatkit/core/schema";
import { Hono } from "hono";
import { assertWithinLimit } from "../../state/limits.js";
import type { SandboxState } from "../../state/sandbox-state.js";
import type { PayoutAssignmentRecord, PayoutStructureRecord } from "../../world/types.js";
import { ApiError, badBody } from "../api-error.js";
import { readBody } from "../body.js";
import { orgIdOf, type SandboxContext, type SandboxEnv } from "../context.js";
import { ok } from "../envelope.js";
import { listRequest, paginate } from "../pagination.js";
import { idParam, queryId } from "../query.js";
import { commitOk } from "./write.js";

const RULE_FIELDS = [
  "rule_type",
  "amount_cents",
  "period",
  "proration_mode",
  "threshold_views",
  "goal_id",
] as const;

/** Rule-specific requirements: a view threshold needs `threshold_views`, a goals rule a goal of the project. */
function checkRule(state: SandboxState, orgId: string, s: PayoutStructureRecord): void {
  if (s.rule_type === "view_threshold" && !s.threshold_views) {
    throw badBody("Invalid body: threshold_views: required for rule_type view_threshold");
  }
  if (s.rule_type === "goals") {
    if (!s.goal_id) throw badBody("Invalid body: goal_id: required for rule_type goals");
    if (state.goal(orgId, s.goal_id).project_id !== s.project_id) {
      throw badBody("Invalid body: goal_id: the goal belongs to another project");
    }
  }
}

export function payoutStructureRoutes(ctx: SandboxContext): Hono<SandboxEnv> {
  const { state } = ctx;
  const app = new Hono<SandboxEnv>();

  app.get("/payout-structures", (c) => {
    const orgId = orgIdOf(c);
    const projectId = queryId(c, "project_id");
    if (projectId) state.project(orgId, projectId);
    const req = listRequest(c, `payout-structures|${orgId}|${projectId ?? ""}`);
    const list = state.payoutStructures.list(projectId ? `project:${projectId}` : `org:${orgId}`);
    const page = paginate(list, (s) => state.payoutStructures.keyOf(s), req);
    return ok(c, page.data, { meta: { ...page.meta } });
  });

  app.post("/payout-structures", async (c) => {
    const { org } = c.get("auth");
    const body = await readBody(c, CreatePayoutStructureBody);
    const project = state.project(org.id, body.project_id);
    const now = state.clock.stamp();
    const structure: PayoutStructureRecord = {
      id: state.newId(),
      org_id: org.id,
      project_id: project.id,
      name: body.name,
      rule_type: body.rule_type,
      amount_cents: body.amount_cents,
      period: body.period ?? "monthly",
      proration_mode: body.proration_mode ?? "none",
      threshold_views: body.threshold_views ?? null,
      goal_id: body.goal_id ?? null,
      version: 1,
      is_active: true,
      metadata: body.metadata ?? {},
      readme: body.readme ?? null,
      created_at: now,
      updated_at: now,
    };
    checkRule(state, org.id, structure);
    assertWithinLimit(
      org,
      "max_payout_structures_per_project",
      state.payoutStructures.list(`project:${project.id}`).length,
    );
    return commitOk(c, state, structure, () => state.payoutStructures.insert(structure), { status: 201 });
  });

  app.get("/payout-structures/:id", (c) => ok(c, state.payoutStructure(orgIdOf(c), idParam(c))));

  app.patch("/payout-structures/:id", async (c) => {
    const orgId = orgIdOf(c);
    const structure = state.payoutStructure(orgId, idParam(c));
    const body = await readBody(c, UpdatePayoutStructureBody);
    const next: PayoutStructureRecord = { ...structure };
    for (const [name, value] of Object.entries(body)) {
      if (value !== undefined) (next as unknown as Record<string, unknown>)[name] = value;
    }
    checkRule(state, orgId, next);
    const ruleEdited = RULE_FIELDS.some((f) => next[f] !== structure[f]);
    next.version = ruleEdited ? structure.version + 1 : structure.version;
    next.updated_at = state.clock.stamp();
    return commitOk(c, state, next, () => Object.assign(structure, next));
  });

  app.delete("/payout-structures/:id", (c) => {
    const structure = state.payoutStructure(orgIdOf(c), idParam(c));
    const assignments = state.payoutAssignments.list(`structure:${structure.id}`).toArray();
    return commitOk(c, state, { id: structure.id, deleted: true }, () => {
      for (const a of assignments) state.payoutAssignments.remove(a);
      state.payoutStructures.remove(structure);
    });
  });

  app.get("/payout-structures/:id/assignments", (c) => {
    const structure = state.payoutStructure(orgIdOf(c), idParam(c));
    const req = listRequest(c, `payout-assignments|${structure.id}`);
    const list = state.payoutAssignments.list(`structure:${structure.id}`);
    const page = paginate(list, (a) => state.payoutAssignments.keyOf(a), req);
    return ok(c, page.data, { meta: { ...page.meta } });
  });

  app.post("/payout-structures/:id/assignments", async (c) => {
    const orgId = orgIdOf(c);
    const structure = state.payoutStructure(orgId, idParam(c));
    const body = await readBody(c, PayoutAssignmentBody);
    const creator = state.creator(orgId, body.creator_id);
    if (creator.project_id !== structure.project_id) {
      throw badBody("Invalid body: creator_id: the creator belongs to another project than the structure");
    }
    const start = body.start_date ?? state.clock.today();
    if (body.end_date && body.end_date < start)
      throw badBody("Invalid body: end_date: must not be before start_date");
    if (
      state.payoutAssignments
        .list(`structure:${structure.id}`)
        .view()
        .some((a) => a.creator_id === creator.id)
    ) {
      throw new ApiError(409, "conflict", "The creator is already assigned to this structure");
    }
    const assignment: PayoutAssignmentRecord = {
      id: state.newId(),
      structure_id: structure.id,
      creator_id: creator.id,
      start_date: start,
      end_date: body.end_date ?? null,
      created_at: state.clock.stamp(),
    };
    return commitOk(c, state, assignment, () => state.payoutAssignments.insert(assignment), { status: 201 });
  });

  app.delete("/payout-structures/:id/assignments", async (c) => {
    const structure = state.payoutStructure(orgIdOf(c), idParam(c));
    const body = await readBody(c, PayoutAssignmentBody);
    const assignment = state.payoutAssignments
      .list(`structure:${structure.id}`)
      .view()
      .find((a) => a.creator_id === body.creator_id);
    if (!assignment) throw new ApiError(404, "not_found", "Payout assignment not found");
    return commitOk(c, state, { id: assignment.id, deleted: true }, () =>
      state.payoutAssignments.remove(assignment),
    );
  });

  // The same by assignment id (the form the core client uses).
  app.delete("/payout-structures/:id/assignments/:assignmentId", (c) => {
    const structure = state.payoutStructure(orgIdOf(c), idParam(c));
    const assignment = state.payoutAssignments.get(idParam(c, "assignmentId"));
    if (!assignment || assignment.structure_id !== structure.id) {
      throw new ApiError(404, "not_found", "Payout assignment not found");
    }
    return commitOk(c, state, { id: assignment.id, deleted: true }, () =>
      state.payoutAssignments.remove(assignment),
    );
  });

  return app;
}
