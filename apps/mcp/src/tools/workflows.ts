/**
 * One tool per workflow of core's catalogue, generated: a workflow added to core becomes a tool here
 * without code. Input schema = the workflow's params (from `workflowJsonSchemas`) plus the budget
 * fields; output schema = its report schema plus `truncation`; the text is the workflow's own markdown
 * rendering of what was kept. Progress and cancellation go straight to core's `run` options.
 * @module
 */
import { type Workflow, WorkflowParamsError, workflowJsonSchemas, workflows } from "@goatkit/core";
import { z } from "zod";
import type { Cut } from "../budget.js";
import { budgetedResult, Truncation } from "./result.js";
import {
  type JsonSchema,
  jsonSchemaOf,
  parseArgs,
  READ_ONLY,
  responseFormatField,
  type Tool,
} from "./tool.js";

/** The fields every workflow tool adds to the workflow's params. */
const BudgetArgs = z.object({
  response_format: responseFormatField,
  section: z
    .string()
    .optional()
    .describe(
      "Page through one list of the report that was cut (a path from truncation.cut, e.g. over_posting.incidents): " +
        "it is shown from offset and cut last.",
    ),
  offset: z
    .number()
    .int()
    .min(0)
    .default(0)
    .describe("With section: index of the first item to show. Default 0."),
});

const BUDGET_KEYS = Object.keys(BudgetArgs.shape);

const strip = (s: Record<string, unknown>) => {
  const { $schema: _drop, ...rest } = s;
  return rest;
};

/** Drops `description` keys: the output schema's job is shape; field meanings are in the report resource. */
function shapeOnly(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(shapeOnly);
  if (node === null || typeof node !== "object") return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
    if (k === "description" && typeof v === "string") continue;
    out[k] =
      k === "properties"
        ? Object.fromEntries(Object.entries(v as object).map(([p, s]) => [p, shapeOnly(s)]))
        : shapeOnly(v);
  }
  return out;
}

export function workflowInputSchema(workflow: Workflow): JsonSchema {
  const params = strip(workflowJsonSchemas(workflow).params) as JsonSchema;
  const extra = jsonSchemaOf(BudgetArgs, "input");
  return {
    ...params,
    properties: { ...(params.properties as object), ...(extra.properties as object) },
  };
}

export function workflowOutputSchema(workflow: Workflow): JsonSchema {
  const report = shapeOnly(strip(workflowJsonSchemas(workflow).report)) as JsonSchema;
  return {
    ...report,
    properties: {
      ...(report.properties as object),
      truncation: (jsonSchemaOf(z.object({ t: Truncation }), "output").properties as Record<string, unknown>)
        .t,
    },
  };
}

function workflowTool(workflow: Workflow): Tool {
  return {
    name: workflow.name,
    title: workflow.title,
    description:
      `${workflow.description} Returns the report as structured data plus a markdown summary; read its caveats ` +
      "and the entities' notes (meta.notes) before concluding. Concise by default; lists cut to fit are named in " +
      "truncation with how to page through them. Repeat calls in this server reuse cached API responses.",
    toolset: "analysis",
    inputSchema: workflowInputSchema(workflow),
    outputSchema: workflowOutputSchema(workflow),
    annotations: READ_ONLY,
    async run(args, ctx) {
      const budget = parseArgs(workflow.name, BudgetArgs, pick(args, BUDGET_KEYS));
      const params: Record<string, unknown> = omit(args, BUDGET_KEYS);
      if (params.as_of === undefined && ctx.server.defaultAsOf !== undefined)
        params.as_of = ctx.server.defaultAsOf;
      // Validate before any request, so a bad field costs nothing (run validates again; it is cheap).
      workflow.parseParams(params);
      const report = (await workflow.run(ctx.server.client, params as never, {
        signal: ctx.signal,
        onProgress: ctx.onProgress,
        cache: ctx.server.cache,
      })) as Record<string, unknown> & { meta?: { api_generation?: "legacy" | "current" | null } };
      const generation = report.meta?.api_generation;
      if (generation) ctx.server.apiGeneration = generation;
      if (budget.section !== undefined && !Array.isArray(at(report, budget.section))) {
        throw new WorkflowParamsError(workflow.name, [
          {
            path: "section",
            code: "invalid_value",
            message: `not a list of this report; lists: ${listPaths(report).join(", ") || "none"}`,
          },
        ]);
      }
      return budgetedResult({
        structured: report,
        render: (r) => workflow.markdown(r as never),
        tailFrom: "\n---\n",
        format: budget.response_format,
        focus: budget.section === undefined ? undefined : { path: budget.section, offset: budget.offset },
        // The caveats, notes read and highlights travel with the figures: never cut.
        keep: ["meta", "highlights"],
        more: (cuts: readonly Cut[]) => {
          const open = cuts
            .filter((c) => c.offset + c.shown < c.total)
            .sort((a, b) => (a.path === budget.section ? -1 : b.path === budget.section ? 1 : 0))
            .slice(0, 3);
          return (
            (budget.response_format === "concise"
              ? 'response_format: "detailed" shows about three times as much. '
              : "") +
            (open.length
              ? `For the rest of a list, call ${workflow.name} again with the same arguments plus ${open
                  .map((c) => `section: "${c.path}", offset: ${c.offset + c.shown}`)
                  .join(" (or ")}${open.length > 1 ? ")".repeat(open.length - 1) : ""}. `
              : "") +
            "Narrower arguments (a shorter range, a lower limit) also shrink the report. Repeat calls are served from the cache."
          );
        },
      });
    },
  };
}

function pick(o: Record<string, unknown>, keys: readonly string[]) {
  return Object.fromEntries(Object.entries(o).filter(([k]) => keys.includes(k)));
}
function omit(o: Record<string, unknown>, keys: readonly string[]) {
  return Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));
}
function at(o: unknown, path: string): unknown {
  return path
    .split(".")
    .reduce<unknown>(
      (v, k) => (v && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined),
      o,
    );
}
function listPaths(o: unknown, prefix = ""): string[] {
  if (!o || typeof o !== "object" || Array.isArray(o)) return [];
  return Object.entries(o as Record<string, unknown>).flatMap(([k, v]) => {
    const p = prefix ? `${prefix}.${k}` : k;
    return Array.isArray(v) ? [p] : listPaths(v, p);
  });
}

/** Every catalogue workflow as a tool, in catalogue order. */
export function workflowTools(): Tool[] {
  return (workflows as readonly Workflow[]).map(workflowTool);
}
