/**
 * What a tool is here: its MCP definition (name, description, JSON Schemas, all four annotations), the
 * toolset it belongs to, and how it runs. Tools are plain data plus a `run`; server.ts lists and
 * dispatches them, so every tool gets the same validation, budget, progress and error handling.
 * @module
 */
import type { OnProgress } from "@goatkit/core";
import { WorkflowParamsError } from "@goatkit/core";
import type { CallToolResult, ToolAnnotations } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import type { ResponseFormat } from "../budget.js";
import type { ServerContext } from "../context.js";

/** Groups selectable with `--toolsets`; `write` needs `--allow-writes` as well. */
export const TOOLSETS = ["context", "browse", "analysis", "write"] as const;
export type Toolset = (typeof TOOLSETS)[number];

export type JsonSchema = Record<string, unknown> & { type: "object" };

export interface ToolRunContext {
  server: ServerContext;
  /** Aborted when the client cancels the call (or the transport closes). */
  signal: AbortSignal;
  /** Forwards core's progress events as MCP progress notifications (a no-op without a progress token). */
  onProgress: OnProgress;
  /** Unexpected failures (bugs) go here: stderr, never stdout. */
  log: (message: string) => void;
}

export interface Tool {
  name: string;
  title: string;
  description: string;
  toolset: Toolset;
  inputSchema: JsonSchema;
  outputSchema?: JsonSchema | undefined;
  /** All four hints, always explicit: the spec's defaults assume the worst (destructive, open world). */
  annotations: Required<
    Pick<ToolAnnotations, "readOnlyHint" | "destructiveHint" | "idempotentHint" | "openWorldHint">
  >;
  run(args: Record<string, unknown>, ctx: ToolRunContext): Promise<CallToolResult>;
}

/** Reads only trackagoat: safe to call again, changes nothing. trackagoat is one closed domain, not the open web. */
export const READ_ONLY = {
  readOnlyHint: true,
  destructiveHint: false,
  idempotentHint: true,
  openWorldHint: false,
} as const;

export const responseFormatField = z
  .enum(["concise", "detailed"])
  .default("concise")
  .describe(
    "concise (default) keeps the result small (≈5,000 tokens at most); detailed allows ≈20,000 tokens. " +
      "Lists that do not fit are cut, and the result's truncation field says how to get the rest.",
  );

/** A zod object's JSON Schema as a tool's input or output schema (the caller's view, or the sent one). */
export function jsonSchemaOf(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io }) as Record<string, unknown>;
  return rest as JsonSchema;
}

/** Parses a tool's arguments, throwing core's params error (which names the field) on a mismatch. */
export function parseArgs<S extends z.ZodObject>(tool: string, schema: S, args: unknown): z.output<S> {
  const parsed = schema.safeParse(args ?? {});
  if (!parsed.success) throw WorkflowParamsError.fromZod(tool, parsed.error, Object.keys(schema.shape));
  return parsed.data;
}

export type { ResponseFormat };
