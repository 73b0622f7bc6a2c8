/**
 * Request bodies: parsed as JSON and validated with the very zod schemas the core client types its
 * writes with, then against the sandbox's own size caps (caps.ts). Keys that cannot be stored safely
 * (`__proto__`, …) are refused before the schema sees them (unsafe-keys.ts). Any problem is a 400
 * `invalid_body` whose message names the offending field; client values are only ever quoted short.
 */
import type { Context } from "hono";
import { badBody } from "./api-error.js";
import { assertBodyCaps } from "./caps.js";
import { assertNoUnsafeKeys, fieldPath } from "./unsafe-keys.js";

interface Issue {
  code?: string;
  path: readonly PropertyKey[];
  message: string;
  keys?: readonly string[];
}

/** The part of a zod schema this module needs (kept structural: zod is core's dependency, not ours). */
export interface BodySchema<T> {
  safeParse(
    value: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: readonly Issue[] } };
}

const segments = (path: readonly PropertyKey[]) => path.map((p) => (typeof p === "number" ? p : String(p)));

export function describeIssue(issue: Issue): string {
  const where = fieldPath(segments(issue.path));
  if (issue.code === "unrecognized_keys" && issue.keys?.length) {
    const shown = issue.keys.slice(0, 5).map((k) => fieldPath([...segments(issue.path), k]));
    const more = issue.keys.length > shown.length ? ` (and ${issue.keys.length - shown.length} more)` : "";
    return `unknown field${issue.keys.length > 1 ? "s" : ""}: ${shown.join(", ")}${more}`;
  }
  return where ? `${where}: ${issue.message}` : issue.message;
}

/** The raw JSON value of the body (400 when it is not JSON). */
export async function readJson(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === "") throw badBody("Request body is empty; expected a JSON object");
  try {
    return JSON.parse(text);
  } catch {
    throw badBody("Request body is not valid JSON");
  }
}

export async function readBody<T>(c: Context, schema: BodySchema<T>): Promise<T> {
  return parseBody(await readJson(c), schema);
}

export function parseBody<T>(value: unknown, schema: BodySchema<T>): T {
  // Before the schema: zod copies `metadata` by assignment, which would drop a `__proto__` key silently.
  assertNoUnsafeKeys(value);
  const result = schema.safeParse(value);
  if (!result.success) {
    const first = result.error.issues[0];
    throw badBody(first ? `Invalid body: ${describeIssue(first)}` : "Invalid body");
  }
  assertBodyCaps(result.data);
  return result.data;
}
