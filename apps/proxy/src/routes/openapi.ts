/**
 * The OpenAPI 3.1 document of the derived endpoints, generated from the same schemas the routes use: one
 * `GET` operation per catalogue workflow (title, description, a query parameter per params field from
 * `workflowJsonSchemas(w).params`, and `format`), the report's JSON Schema as the 200 body beside its
 * markdown and CSV renderings, the error envelope for every refusal, and bearer authentication. The
 * report schemas are draft 2020-12, OpenAPI 3.1's own dialect, so they are embedded as they are.
 * @module
 */
import { VERSION, type Workflow, workflowJsonSchemas, workflows } from "@goatkit/core";
import { FORMAT_DESCRIPTION, FORMATS, type JsonSchema, schemaType } from "./query-params.js";

export type OpenApiDocument = Record<string, unknown> & { openapi: "3.1.0"; paths: Record<string, unknown> };

const ref = (kind: string, name: string) => ({ $ref: `#/components/${kind}/${name}` });

/** Error responses every operation can give: status → component name, description. */
const ERRORS: Record<string, [string, string]> = {
  "400": [
    "InvalidParams",
    "A param is unknown, mistyped or out of range (`invalid_params`, naming the field).",
  ],
  "401": ["Unauthorized", "No key, a malformed key, or a key trackagoat refused (`invalid_api_key`)."],
  "402": ["LimitReached", "A plan limit of the key's org, e.g. `retention_exceeded` for an old range."],
  "403": ["Forbidden", "The key lacks a scope, or its org is banned."],
  "404": ["NotFound", "An entity the workflow needs does not exist or belongs to another org."],
  "429": [
    "RateLimited",
    "The upstream budget is spent (`rate_limit_exceeded`); retry after `Retry-After` seconds.",
  ],
  "502": ["BadGateway", "trackagoat failed (`upstream_error`), was unreachable or answered malformed data."],
  "504": ["GatewayTimeout", "trackagoat did not answer in time (`upstream_timeout`)."],
};

/** The document for `list` (default: the whole catalogue), served at `/goatkit/v1/openapi.json`. */
export function derivedOpenApi(
  list: readonly Workflow[] = workflows as readonly Workflow[],
): OpenApiDocument {
  const schemas: Record<string, unknown> = { ErrorEnvelope: ERROR_ENVELOPE, ParamsIssue: PARAMS_ISSUE };
  const paths: Record<string, unknown> = {};
  for (const w of list) {
    const json = workflowJsonSchemas(w);
    const name = `${pascal(w.name)}Report`;
    Object.assign(schemas, hoist(name, json.report));
    paths[`/${w.name}`] = { get: operation(w, json.params as JsonSchema, name) };
  }
  paths["/openapi.json"] = {
    get: {
      operationId: "openapi",
      tags: ["reference"],
      summary: "This document",
      description: "The OpenAPI 3.1 document of the derived endpoints, generated from core's catalogue.",
      security: [],
      responses: {
        "200": {
          description: "The document.",
          content: { "application/json": { schema: { type: "object" } } },
        },
      },
    },
  };
  const responses = Object.fromEntries(
    Object.values(ERRORS).map(([component, description]) => [
      component,
      errorResponse(component, description),
    ]),
  );
  return {
    openapi: "3.1.0",
    info: {
      title: "goatkit-proxy derived endpoints",
      version: VERSION,
      description:
        "One endpoint per goatkit workflow: a whole analysis of a trackagoat program in one call, run " +
        "through the proxy's cache and upstream budget. Authenticate with your trackagoat key.",
    },
    servers: [{ url: "/goatkit/v1" }],
    security: [{ trackagoatKey: [] }],
    tags: [
      { name: "workflows", description: "goatkit's workflow catalogue" },
      {
        name: "reference",
        description: "This document; the interactive reference is served beside it at /goatkit/v1/reference.",
      },
    ],
    paths,
    components: {
      schemas,
      responses,
      parameters: {
        format: {
          name: "format",
          in: "query",
          required: false,
          description: FORMAT_DESCRIPTION,
          schema: { type: "string", enum: [...FORMATS], default: "json" },
        },
      },
      headers: {
        "x-goatkit-requests": {
          description: "Upstream requests this run sent (0 when the proxy's cache answered everything).",
          schema: { type: "integer", minimum: 0 },
        },
        "Retry-After": {
          description: "Seconds to wait before retrying.",
          schema: { type: "integer", minimum: 0 },
        },
      },
      securitySchemes: {
        trackagoatKey: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "tga_<64 lowercase hex>",
          description: "Your trackagoat API key; its data is cached for that key only.",
        },
      },
    },
  };
}

function operation(w: Workflow, params: JsonSchema, reportName: string) {
  const required = new Set(params.required ?? []);
  const parameters: unknown[] = Object.entries(params.properties ?? {}).map(([name, field]) => {
    const { description, ...schema } = field;
    const array = schemaType(field) === "array";
    return {
      name,
      in: "query",
      required: required.has(name),
      description: array
        ? `${description ?? ""} Repeat the parameter or separate values with commas.`
        : description,
      schema,
      ...(array ? { style: "form", explode: true } : {}),
    };
  });
  parameters.push(ref("parameters", "format"));
  const errors = Object.fromEntries(
    Object.entries(ERRORS).map(([status, [c]]) => [status, ref("responses", c)]),
  );
  return {
    operationId: w.name,
    summary: w.title,
    description: w.description,
    tags: ["workflows"],
    parameters,
    responses: {
      "200": {
        description: `The ${w.title.toLowerCase()} report; its kind is "${w.name}".`,
        headers: { "x-goatkit-requests": ref("headers", "x-goatkit-requests") },
        content: {
          "application/json": {
            schema: {
              type: "object",
              required: ["data", "error", "meta"],
              properties: {
                data: ref("schemas", reportName),
                error: { type: "null" },
                meta: { type: "null" },
              },
            },
          },
          "text/markdown": { schema: { type: "string", description: "The report rendered as markdown." } },
          "text/csv": { schema: { type: "string", description: "The report's main table, RFC 4180." } },
          "text/html": {
            schema: {
              type: "string",
              description:
                "The report as one self-contained page (format=html): headline figures with their basis and unit, " +
                "inline SVG charts, tables and caveats; no script, nothing fetched.",
            },
          },
        },
      },
      ...errors,
    },
  };
}

function errorResponse(component: string, description: string) {
  const headers =
    component === "RateLimited"
      ? { "Retry-After": ref("headers", "Retry-After") }
      : component === "Unauthorized"
        ? { "WWW-Authenticate": { description: "Bearer.", schema: { type: "string" } } }
        : undefined;
  return {
    description,
    ...(headers ? { headers } : {}),
    content: { "application/json": { schema: ref("schemas", "ErrorEnvelope") } },
  };
}

/**
 * A report schema for `components.schemas`: without `$schema`, its `$defs` (if any) moved beside it as
 * `<Name>_<def>` and their `$ref`s rewritten, so every reference resolves in the document.
 */
function hoist(name: string, schema: Record<string, unknown>): Record<string, unknown> {
  const { $schema: _, $defs, ...root } = schema as { $schema?: unknown; $defs?: Record<string, unknown> };
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (typeof value !== "object" || value === null) return value;
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        k === "$ref" && typeof v === "string"
          ? v === "#"
            ? `#/components/schemas/${name}`
            : v.replace(/^#\/\$defs\//, `#/components/schemas/${name}_`)
          : rewrite(v),
      ]),
    );
  };
  const out: Record<string, unknown> = { [name]: rewrite(root) };
  for (const [def, s] of Object.entries($defs ?? {})) out[`${name}_${def}`] = rewrite(s);
  return out;
}

const pascal = (snake: string) => snake.replace(/(^|_)([a-z])/g, (_, __, c: string) => c.toUpperCase());

const PARAMS_ISSUE = {
  type: "object",
  description: "One problem with the params.",
  required: ["path", "code", "message"],
  properties: {
    path: {
      type: "string",
      description: "The field, dotted (`campaign_ids.2`); empty for the params as a whole.",
    },
    code: {
      type: "string",
      description: "zod's issue code (`unrecognized_keys`, `invalid_type`, …) or `not_found`.",
    },
    message: { type: "string", description: "What is wrong and what to change." },
  },
};

const ERROR_ENVELOPE = {
  type: "object",
  description: "The trackagoat v1 error envelope.",
  required: ["data", "error", "meta"],
  properties: {
    data: { type: "null" },
    error: { type: "string", description: "A message for people; branch on the status and meta.code." },
    meta: {
      type: "object",
      required: ["code"],
      properties: {
        code: {
          type: "string",
          description: "Stable snake_case code, e.g. invalid_params, rate_limit_exceeded.",
        },
        field: { type: "string", description: "invalid_params: the first offending field." },
        issues: {
          type: "array",
          items: ref("schemas", "ParamsIssue"),
          description: "invalid_params: every problem.",
        },
        retryAfter: { type: "integer", minimum: 0, description: "rate_limit_exceeded: seconds to wait." },
        upstream_status: { type: "integer", description: "upstream_error: trackagoat's status." },
        upstream_code: { type: "string", description: "upstream_error: trackagoat's meta.code." },
      },
      additionalProperties: true,
    },
  },
};
