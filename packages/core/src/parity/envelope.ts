/**
 * The wrapper around every answer (api-contract §1.4, A.1): a success is exactly `{ data, error: null,
 * meta }` with list `meta` `{ nextCursor, hasMore }`; an error carries `meta.code`, and a 410 also
 * `meta.replacement`. Differences found here are of kind `envelope`.
 * @module
 */
import type { TrackagoatError } from "../client/errors.js";
import { strictSchemas } from "../schema/strict.js";
import { describeType, type Finding, findDifferences } from "./differences.js";

/** How a list answer's `meta` is held to the contract. */
export type ListMeta = "required" | "optional";

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** The `{ data, error, meta }` wrapper of a success (api-contract §1.4, A.1). */
export function envelopeFindings(body: unknown, list: ListMeta | undefined): Finding[] {
  if (!isObject(body)) {
    return [{ kind: "envelope", path: "", expected: "{ data, error, meta }", example: describeType(body) }];
  }
  const out: Finding[] = [];
  for (const key of ["data", "error", "meta"]) {
    if (!(key in body)) out.push({ kind: "envelope", path: key, expected: "present", example: "absent" });
  }
  for (const key of Object.keys(body)) {
    if (!["data", "error", "meta"].includes(key)) {
      out.push({
        kind: "envelope",
        path: key,
        expected: "not in the envelope",
        example: describeType(body[key]),
      });
    }
  }
  if ("error" in body && body.error !== null) {
    out.push({
      kind: "envelope",
      path: "error",
      expected: "null on success",
      example: describeType(body.error),
    });
  }
  const meta = body.meta;
  if (list && isObject(meta)) {
    for (const f of findDifferences(strictSchemas.page_meta, meta, ["meta"]))
      out.push({ ...f, kind: "envelope" });
  } else if (list === "required" && "meta" in body) {
    out.push({
      kind: "envelope",
      path: "meta",
      expected: "list meta { nextCursor, hasMore }",
      example: describeType(meta),
    });
  } else if (meta !== undefined && meta !== null && !isObject(meta)) {
    out.push({ kind: "envelope", path: "meta", expected: "object or null", example: describeType(meta) });
  }
  return out;
}

/** An error's `meta` (api-contract A.1: errors always carry `meta.code`; 410 adds `meta.replacement`). */
export function errorMetaFindings(error: TrackagoatError, gone: boolean): Finding[] {
  const meta = error.meta;
  const out: Finding[] = [];
  if (typeof meta?.code !== "string") {
    out.push({
      kind: "envelope",
      path: "meta.code",
      expected: "string",
      example: meta && "code" in meta ? describeType(meta.code) : "absent",
    });
  } else if (gone && meta.code !== "gone") {
    out.push({
      kind: "envelope",
      path: "meta.code",
      expected: "gone",
      example: JSON.stringify(meta.code.slice(0, 40)),
    });
  }
  if (gone && typeof meta?.replacement !== "string") {
    out.push({
      kind: "envelope",
      path: "meta.replacement",
      expected: "string",
      example: meta && "replacement" in meta ? describeType(meta.replacement) : "absent",
    });
  }
  return out;
}
