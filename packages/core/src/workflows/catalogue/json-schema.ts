/**
 * JSON Schemas of a workflow's params and report, generated the one way every front end needs them: the
 * params as a caller writes them (defaults optional, `io: "input"`), the report as it is sent (`io:
 * "output"`). The proxy's OpenAPI document and the MCP server's tool schemas come from here.
 * @module
 */
import { z } from "zod";
import type { Workflow } from "./define-workflow.js";

export interface WorkflowJsonSchemas {
  params: Record<string, unknown>;
  report: Record<string, unknown>;
}

export function workflowJsonSchemas(workflow: Pick<Workflow, "params" | "report">): WorkflowJsonSchemas {
  return {
    params: z.toJSONSchema(workflow.params, { io: "input" }) as Record<string, unknown>,
    report: z.toJSONSchema(workflow.report, { io: "output" }) as Record<string, unknown>,
  };
}
