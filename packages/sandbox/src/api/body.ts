/**
 * Request bodies: parsed as JSON and validated with the very zod schemas the core client types its
 * writes with. Any problem is a 400 `invalid_body` whose message names the offending field.
 */
import type { Context } from "hono";
import { badBody } from "./api-error.js";

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

export function describeIssue(issue: Issue): string {
  const where = issue.path.map(String).join(".");
  if (issue.code === "unrecognized_keys" && issue.keys?.length) {
    const fields = issue.keys.map((k) => (where ? `${where}.${k}` : k)).join(", ");
    return `unknown field${issue.keys.length > 1 ? "s" : ""}: ${fields}`;
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
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const first = result.error.issues[0];
  throw badBody(first ? `Invalid body: ${describeIssue(first)}` : "Invalid body");
}
