/**
 * The list tools' cursor: where the next item is (the API's page cursor, the page size, and the index
 * in that page) plus a fingerprint of the search, so a cursor is only accepted by the search that made
 * it. Opaque to the agent: base64url JSON.
 * @module
 */
import { createHash } from "node:crypto";
import { WorkflowParamsError } from "@goatkit/core";

export interface Position {
  /** The API cursor of the page (null: the first page). */
  c: string | null;
  /** Index of the item in that page. */
  s: number;
  /** Page size the API cursor was used with. */
  n: number;
}

export function fingerprint(tool: string, filters: Record<string, unknown>): string {
  const stable = JSON.stringify(
    Object.entries(filters)
      .filter(([, v]) => v !== undefined)
      .sort(),
  );
  return createHash("sha256").update(`${tool}\n${stable}`).digest("base64url").slice(0, 10);
}

export function encodeCursor(pos: Position, fp: string): string {
  return Buffer.from(JSON.stringify({ ...pos, f: fp })).toString("base64url");
}

/** The position in `cursor`, or a params error naming `cursor` that says what to do. */
export function decodeCursor(tool: string, cursor: string, fp: string): Position {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    raw = null;
  }
  const r = raw as Partial<Position & { f: string }> | null;
  const valid =
    r !== null &&
    typeof r === "object" &&
    (r.c === null || typeof r.c === "string") &&
    Number.isInteger(r.s) &&
    r.s! >= 0 &&
    Number.isInteger(r.n) &&
    r.n! >= 1 &&
    r.n! <= 100;
  if (!valid)
    throw new WorkflowParamsError(tool, [
      {
        path: "cursor",
        code: "invalid_value",
        message:
          "not a cursor from this tool; pass next_cursor exactly as returned, or leave it out to start over",
      },
    ]);
  if (r.f !== fp)
    throw new WorkflowParamsError(tool, [
      {
        path: "cursor",
        code: "invalid_value",
        message:
          "this cursor belongs to a search with other filters; repeat the same filters with it, or leave it out to start over",
      },
    ]);
  return { c: r.c!, s: r.s!, n: r.n! };
}
