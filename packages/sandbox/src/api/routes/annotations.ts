/**
 * Analytics annotations (api-contract §7.2, emulator-default object): dated notes on a chart, for one
 * entity, a project or the whole org. Owned by the sandbox state (the world generates none).
 */
import { CreateAnnotationBody, UpdateAnnotationBody } from "@goatkit/core/schema";
import { Hono } from "hono";
import type { SandboxState } from "../../state/sandbox-state.js";
import type { AnnotationRecord } from "../../state/types.js";
import { badBody } from "../api-error.js";
import { readBody } from "../body.js";
import { orgIdOf, type SandboxContext, type SandboxEnv } from "../context.js";
import { ok } from "../envelope.js";
import { listRequest, paginate } from "../pagination.js";
import { idParam, queryDayBounds, queryEnum, queryId } from "../query.js";
import { toPublic } from "../serialize.js";
import { analyticsTarget } from "./analytics.js";
import { commitOk } from "./write.js";

const ENTITIES = ["creator", "video", "campaign", "project"] as const;

/** Checks the references of an annotation (404 for anything not in the org) and fills project_id. */
function resolveRefs(state: SandboxState, orgId: string, a: AnnotationRecord): void {
  if ((a.entity === null) !== (a.entity_id === null)) {
    throw badBody("Invalid body: entity and entity_id go together (both or neither)");
  }
  if (a.entity && a.entity_id) {
    const { projectId } = analyticsTarget(state, orgId, a.entity, a.entity_id);
    if (a.project_id !== null && a.project_id !== projectId) {
      throw badBody("Invalid body: project_id does not match the entity's project");
    }
    a.project_id = projectId;
  } else if (a.project_id !== null) {
    state.project(orgId, a.project_id);
  }
}

export function annotationRoutes(ctx: SandboxContext): Hono<SandboxEnv> {
  const { state } = ctx;
  const app = new Hono<SandboxEnv>();

  app.get("/analytics/annotations", (c) => {
    const orgId = orgIdOf(c);
    const entity = queryEnum(c, "entity", ENTITIES);
    const entityId = queryId(c, "entity_id");
    const projectId = queryId(c, "project_id");
    const { from, to } = queryDayBounds(c);
    const req = listRequest(c, `annotations|${orgId}|${entity}|${entityId}|${projectId}|${from}|${to}`);
    const filter = (a: AnnotationRecord) =>
      (!entity || a.entity === entity) &&
      (!entityId || a.entity_id === entityId) &&
      (!projectId || a.project_id === projectId) &&
      (!from || a.date >= from) &&
      (!to || a.date <= to);
    const page = paginate(
      state.annotations.list(`org:${orgId}`),
      (a) => state.annotations.keyOf(a),
      req,
      filter,
    );
    return ok(c, page.data.map(toPublic), { meta: { ...page.meta } });
  });

  app.post("/analytics/annotations", async (c) => {
    const orgId = orgIdOf(c);
    const body = await readBody(c, CreateAnnotationBody);
    const now = state.clock.stamp();
    const annotation: AnnotationRecord = {
      id: state.newId(),
      org_id: orgId,
      project_id: body.project_id ?? null,
      entity: body.entity ?? null,
      entity_id: body.entity_id ?? null,
      date: body.date,
      kind: body.kind ?? "manual",
      label: body.label,
      note: body.note ?? null,
      created_at: now,
      updated_at: now,
    };
    resolveRefs(state, orgId, annotation);
    return commitOk(c, state, toPublic(annotation), () => state.annotations.insert(annotation), {
      status: 201,
    });
  });

  app.patch("/analytics/annotations/:id", async (c) => {
    const orgId = orgIdOf(c);
    const annotation = state.annotation(orgId, idParam(c));
    const body = await readBody(c, UpdateAnnotationBody);
    const next: AnnotationRecord = { ...annotation };
    for (const [name, value] of Object.entries(body)) {
      if (value !== undefined) (next as unknown as Record<string, unknown>)[name] = value;
    }
    if (body.entity === null || body.entity_id === null) {
      next.entity = null;
      next.entity_id = null;
    }
    resolveRefs(state, orgId, next);
    next.updated_at = state.clock.stamp();
    return commitOk(c, state, toPublic(next), () => Object.assign(annotation, next));
  });

  app.delete("/analytics/annotations/:id", (c) => {
    const annotation = state.annotation(orgIdOf(c), idParam(c));
    return commitOk(c, state, { id: annotation.id, deleted: true }, () =>
      state.annotations.remove(annotation),
    );
  });

  return app;
}
