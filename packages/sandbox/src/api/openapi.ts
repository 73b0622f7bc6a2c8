/**
 * `GET /openapi.json` and `GET /analytics/schema` (api-contract §1.1, §7.3): a minimal but valid
 * OpenAPI 3.1 document of the routes the sandbox models. Paths come from the mounted Hono routes (so the
 * document cannot list a route that does not exist), schemas from the core zod schemas; the 501 routes
 * are left out. `/analytics/schema` is the same document restricted to `/analytics*` paths.
 */
import * as bodies from "@goatkit/core/schema";
import { ENTITIES, type JsonSchemaSource, jsonSchemaOf, PAYLOADS } from "./entities.js";

export interface RouteRef {
  method: string;
  path: string; // Hono pattern relative to /api/v1, e.g. /creators/:id
}

interface OperationDoc {
  summary: string;
  /** Component name of `data`; `[name]` for arrays; omitted = any JSON. */
  data?: string | [string];
  list?: boolean;
  body?: JsonSchemaSource;
  status?: number;
}

const DOCS: Record<string, OperationDoc> = {
  "GET /projects": { summary: "List projects", data: ["project"], list: true },
  "GET /projects/{id}": { summary: "Get a project", data: "project" },
  "GET /creators": { summary: "List creators (project_id, search)", data: ["creator"], list: true },
  "GET /creators/{id}": { summary: "Get a creator", data: "creator" },
  "POST /projects/{projectId}/creators": {
    summary: "Add creators (single or bulk of up to 50); re-adding a removed handle reactivates it (200)",
    body: bodies.CreateCreatorBody,
    status: 201,
  },
  "PATCH /creators/{id}": {
    summary: "Update notes, metadata, tracking mode or handle",
    data: "creator",
    body: bodies.UpdateCreatorBody,
  },
  "DELETE /creators/{id}": { summary: "Remove a creator (soft)" },
  "POST /creators/{id}/scrape": { summary: "Queue a manual scrape", status: 202 },
  "POST /projects/{projectId}/creators/bulk-reenable": {
    summary: "Re-enable removed creators",
    body: bodies.CreatorIdsBody,
  },
  "POST /projects/{projectId}/creators/bulk-remove": {
    summary: "Remove creators",
    body: bodies.CreatorIdsBody,
  },
  "GET /creators/{id}/stats": { summary: "Creator stats (legacy generation)", data: "creator_stats" },
  "GET /videos": {
    summary: "List videos (project_id, creator_id); never excluded ones",
    data: ["video"],
    list: true,
  },
  "GET /videos/{id}": { summary: "Get a video", data: "video" },
  "POST /projects/{projectId}/videos": {
    summary: "Add a video by URL",
    data: "video",
    body: bodies.CreateVideoBody,
    status: 201,
  },
  "PATCH /videos/{id}": { summary: "Update notes or metadata", data: "video", body: bodies.UpdateVideoBody },
  "DELETE /videos/{id}": { summary: "Delete a video" },
  "POST /videos/{id}/scrape": { summary: "Queue a manual scrape", status: 202 },
  "POST /videos/{id}/tracking-disable": { summary: "Stop tracking a video", data: "video" },
  "POST /projects/{projectId}/videos/bulk-tracking-disable": {
    summary: "Stop tracking videos",
    body: bodies.VideoIdsBody,
  },
  "GET /videos/{id}/stats": { summary: "Video stats (legacy generation)", data: "video_stats" },
  "GET /campaigns": { summary: "List campaigns (project_id)", data: ["campaign"], list: true },
  "GET /campaigns/{id}": { summary: "Get a campaign", data: "campaign" },
  "POST /projects/{projectId}/campaigns": {
    summary: "Create a campaign",
    data: "campaign",
    body: bodies.CreateCampaignBody,
    status: 201,
  },
  "PATCH /campaigns/{id}": {
    summary: "Update a campaign",
    data: "campaign",
    body: bodies.UpdateCampaignBody,
  },
  "DELETE /campaigns/{id}": { summary: "Delete a campaign and its membership rows" },
  "GET /campaigns/{id}/items": { summary: "List direct members", data: ["campaign_item"], list: true },
  "POST /campaigns/{id}/items": {
    summary: "Add a member",
    data: "campaign_item",
    body: bodies.CampaignItemBody,
    status: 201,
  },
  "DELETE /campaigns/{id}/items": { summary: "Remove a member", body: bodies.CampaignItemBody },
  "GET /campaigns/{id}/stats": {
    summary: "Campaign stats, recursive (legacy generation)",
    data: "campaign_stats",
  },
  "GET /analytics": { summary: "Unified time series (JSON, or CSV with format=csv)", data: "analytics" },
  "GET /analytics/annotations": { summary: "List annotations", data: ["annotation"], list: true },
  "POST /analytics/annotations": {
    summary: "Create an annotation",
    data: "annotation",
    body: bodies.CreateAnnotationBody,
    status: 201,
  },
  "PATCH /analytics/annotations/{id}": {
    summary: "Update an annotation",
    data: "annotation",
    body: bodies.UpdateAnnotationBody,
  },
  "DELETE /analytics/annotations/{id}": { summary: "Delete an annotation" },
  "GET /analytics/aggregate/video-leaderboard": {
    summary: "Top videos of a project",
    data: ["video_leaderboard_row"],
  },
  "GET /analytics/aggregate/posting-heatmap": {
    summary: "Posts by weekday and hour",
    data: ["posting_heatmap_cell"],
  },
  "GET /analytics/schema": { summary: "This document, analytics paths only" },
  "GET /projects/{id}/goal-compliance": {
    summary: "Goal compliance of a project's creators",
    data: ["goal_compliance"],
    list: true,
  },
  "GET /creators/{id}/goals": { summary: "List a creator's goals", data: ["goal"], list: true },
  "POST /creators/{id}/goals": {
    summary: "Create a goal",
    data: "goal",
    body: bodies.CreateGoalBody,
    status: 201,
  },
  "GET /goals/{id}": { summary: "Get a goal", data: "goal" },
  "PATCH /goals/{id}": { summary: "Update a goal", data: "goal", body: bodies.UpdateGoalBody },
  "DELETE /goals/{id}": { summary: "Delete a goal" },
  "GET /payout-methods": { summary: "List payout methods", data: ["payout_method"], list: true },
  "POST /payout-methods": {
    summary: "Create a payout method",
    data: "payout_method",
    body: bodies.CreatePayoutMethodBody,
    status: 201,
  },
  "GET /payout-methods/{id}": { summary: "Get a payout method", data: "payout_method" },
  "PATCH /payout-methods/{id}": {
    summary: "Update a payout method",
    data: "payout_method",
    body: bodies.UpdatePayoutMethodBody,
  },
  "DELETE /payout-methods/{id}": { summary: "Delete a custom payout method" },
  "GET /payout-structures": { summary: "List payout structures", data: ["payout_structure"], list: true },
  "POST /payout-structures": {
    summary: "Create a payout structure",
    data: "payout_structure",
    body: bodies.CreatePayoutStructureBody,
    status: 201,
  },
  "GET /payout-structures/{id}": { summary: "Get a payout structure", data: "payout_structure" },
  "PATCH /payout-structures/{id}": {
    summary: "Update a payout structure (rule edits bump the version)",
    data: "payout_structure",
    body: bodies.UpdatePayoutStructureBody,
  },
  "DELETE /payout-structures/{id}": { summary: "Delete a payout structure" },
  "GET /payout-structures/{id}/assignments": {
    summary: "List assignments",
    data: ["payout_assignment"],
    list: true,
  },
  "POST /payout-structures/{id}/assignments": {
    summary: "Assign a creator",
    data: "payout_assignment",
    body: bodies.PayoutAssignmentBody,
    status: 201,
  },
  "DELETE /payout-structures/{id}/assignments": {
    summary: "Unassign a creator",
    body: bodies.PayoutAssignmentBody,
  },
  "DELETE /payout-structures/{id}/assignments/{assignmentId}": { summary: "Remove an assignment by id" },
  "GET /payout-accruals": { summary: "List accruals", data: ["payout_accrual"], list: true },
  "GET /payout-accruals/{id}": { summary: "Get an accrual", data: "payout_accrual" },
  "PATCH /payout-accruals/{id}": {
    summary: "Change an accrual's status",
    data: "payout_accrual",
    body: bodies.UpdatePayoutAccrualBody,
  },
  "GET /payout-payments": { summary: "List payments", data: ["payout_payment"], list: true },
  "POST /payout-payments": {
    summary: "Record a payment",
    data: "payout_payment",
    body: bodies.CreatePayoutPaymentBody,
    status: 201,
  },
  "GET /payout-payments/{id}": { summary: "Get a payment", data: "payout_payment" },
  "PATCH /payout-payments/{id}": {
    summary: "Update or void a payment",
    data: "payout_payment",
    body: bodies.UpdatePayoutPaymentBody,
  },
  "GET /schema": { summary: "Entity descriptions" },
  "GET /openapi.json": { summary: "This document" },
};

const toOpenApiPath = (path: string) => path.replace(/:([A-Za-z0-9_]+)/g, "{$1}");

function components(): Record<string, unknown> {
  const schemas: Record<string, unknown> = {
    error_envelope: {
      type: "object",
      required: ["data", "error", "meta"],
      properties: {
        data: { type: "null" },
        error: { type: "string" },
        meta: {
          type: ["object", "null"],
          properties: { code: { type: "string" } },
          additionalProperties: true,
        },
      },
    },
    list_meta: {
      type: "object",
      required: ["nextCursor", "hasMore"],
      properties: {
        nextCursor: { type: ["string", "null"] },
        hasMore: { type: "boolean" },
        limit: { type: "integer" },
      },
    },
  };
  for (const [name, doc] of Object.entries(ENTITIES)) schemas[name] = jsonSchemaOf(doc.schema);
  for (const [name, schema] of Object.entries(PAYLOADS)) schemas[name] = jsonSchemaOf(schema);
  return {
    schemas,
    securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "tga_ + 64 lowercase hex" } },
  };
}

function operation(method: string, path: string): Record<string, unknown> {
  const key = `${method} ${path}`;
  const doc: OperationDoc = DOCS[key] ?? { summary: key };
  const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
  const data =
    doc.data === undefined
      ? {}
      : Array.isArray(doc.data)
        ? { type: "array", items: ref(doc.data[0]) }
        : ref(doc.data);
  const parameters: unknown[] = [...path.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => ({
    name: m[1],
    in: "path",
    required: true,
    schema: { type: "string" },
  }));
  if (doc.list) {
    parameters.push(
      { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 100, default: 50 } },
      { name: "cursor", in: "query", schema: { type: "string" } },
    );
  }
  const op: Record<string, unknown> = {
    operationId: `${method.toLowerCase()}${path.replace(/[{}]/g, "").replace(/[^A-Za-z0-9]+(.)?/g, (_m, ch: string | undefined) => (ch ?? "").toUpperCase())}`,
    summary: doc.summary,
    tags: [path.split("/")[1] ?? "api"],
    parameters,
    responses: {
      [String(doc.status ?? 200)]: {
        description: "Success",
        content: {
          "application/json": {
            schema: {
              type: "object",
              properties: { data, error: { type: "null" }, meta: doc.list ? ref("list_meta") : {} },
            },
          },
        },
      },
      default: { description: "Error", content: { "application/json": { schema: ref("error_envelope") } } },
    },
  };
  if (doc.body) {
    op.requestBody = { required: true, content: { "application/json": { schema: jsonSchemaOf(doc.body) } } };
  }
  return op;
}

export function buildOpenApi(
  routes: readonly RouteRef[],
  options: { analyticsOnly?: boolean } = {},
): unknown {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const { method, path } of routes) {
    const p = toOpenApiPath(path);
    if (options.analyticsOnly && !p.startsWith("/analytics")) continue;
    paths[p] ??= {};
    paths[p][method.toLowerCase()] = operation(method, p);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: options.analyticsOnly
        ? "trackagoat v1 analytics (goatkit sandbox)"
        : "trackagoat v1 API (goatkit sandbox)",
      version: "1.0.0-sandbox",
      description:
        "The routes modelled by @goatkit/sandbox. Every response uses the { data, error, meta } envelope.",
    },
    servers: [{ url: "/api/v1" }],
    security: [{ bearer: [] }],
    paths,
    components: components(),
  };
}
