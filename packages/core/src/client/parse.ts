/**
 * Turning a 2xx body into typed data: JSON first, then the `{ data, error, meta }` envelope, then the
 * resource schema on `data`. Each step fails with a `ResponseValidationError` that says which step and,
 * for schema failures, which field (`data[3].follower_count: expected number, received string`).
 * @module
 */
import type { z } from "zod";
import { type ErrorInit, ResponseValidationError, type ValidationIssue } from "./errors.js";
import { urlPath } from "./redact.js";

/** What a validation error should say about the request. */
export interface ParseContext extends ErrorInit {
  url: string;
  method: string;
}

/** A zod path as a reader would write it: `data[3].follower_count`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else if (typeof part === "string" && /^[A-Za-z_$][\w$]*$/.test(part))
      out += out === "" ? part : `.${part}`;
    else out += `[${JSON.stringify(String(part))}]`;
  }
  return out === "" ? "(root)" : out;
}

/** zod issues as `{ path, message }`, with zod's "Invalid input: " preamble dropped. */
export function toIssues(error: z.ZodError, prefix: readonly PropertyKey[] = []): ValidationIssue[] {
  return error.issues.map((issue) => ({
    path: formatPath([...prefix, ...issue.path]),
    message: issue.message.replace(/^Invalid input: /, ""),
  }));
}

/** `JSON.parse`, or a `ResponseValidationError` that quotes the start of the body. */
export function parseJson(text: string, ctx: ParseContext): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const snippet = text.length > 80 ? `${text.slice(0, 80)}…` : text;
    throw new ResponseValidationError(
      `${ctx.method} ${urlPath(ctx.url)} answered ${ctx.status ?? "?"} with a body that is not JSON ` +
        `(${(err as Error).message}): ${JSON.stringify(snippet)}`,
      { ...ctx, issues: [{ path: "(root)", message: "not JSON" }] },
    );
  }
}

/** The envelope's parts; throws when `body` is not an object with `data` and a null `error`. */
export function readEnvelope(
  body: unknown,
  ctx: ParseContext,
): { data: unknown; meta: Record<string, unknown> | null } {
  const issues: ValidationIssue[] = [];
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    issues.push({
      path: "(root)",
      message: `expected the { data, error, meta } envelope, received ${kindOf(body)}`,
    });
  } else {
    const env = body as Record<string, unknown>;
    if (!("data" in env))
      issues.push({ path: "data", message: "missing (no { data, error, meta } envelope)" });
    if (!("error" in env))
      issues.push({ path: "error", message: "missing (no { data, error, meta } envelope)" });
    else if (env.error !== null)
      issues.push({ path: "error", message: `expected null on success, received ${kindOf(env.error)}` });
    const meta = env.meta;
    if (meta !== undefined && meta !== null && (typeof meta !== "object" || Array.isArray(meta))) {
      issues.push({ path: "meta", message: `expected object or null, received ${kindOf(meta)}` });
    }
    if (issues.length === 0)
      return { data: env.data, meta: (meta ?? null) as Record<string, unknown> | null };
  }
  throw validationError(issues, ctx);
}

/** Parses `data` with the resource schema; issue paths start at `data`. */
export function parseData<T>(schema: z.ZodType<T>, data: unknown, ctx: ParseContext): T {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  throw validationError(toIssues(result.error, ["data"]), ctx);
}

/** A validation error listing the first few issues in its message (all of them in `issues`). */
export function validationError(issues: ValidationIssue[], ctx: ParseContext): ResponseValidationError {
  const shown = issues
    .slice(0, 5)
    .map((i) => `${i.path}: ${i.message}`)
    .join("; ");
  const more = issues.length > 5 ? ` (and ${issues.length - 5} more)` : "";
  return new ResponseValidationError(
    `Unexpected response shape from ${ctx.method} ${urlPath(ctx.url)}: ${shown}${more}`,
    { ...ctx, issues },
  );
}

function kindOf(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  return typeof v;
}
