/**
 * Size caps of request bodies that the docs do not state. They are the sandbox's own decision (listed in
 * its README under "Size caps"), so they live here and not in core's schemas: the core client must never
 * refuse what the real API may accept. They keep one client from storing a 20 MB note that every list
 * page then serves. Checked after the body schema (unknown fields and wrong types get their own
 * message); a breach is a 400 `invalid_body` naming the field and its cap, quoting the value short.
 */
import { quoteValue } from "@goatkit/server";
import { badBody } from "./api-error.js";

/** `metadata` as JSON (UTF-8 bytes of `JSON.stringify`), and its nesting. */
export const METADATA_MAX_BYTES = 16 * 1024;
export const METADATA_MAX_DEPTH = 32;

const ID_CHARS = 64;

/** Longest string per body field, in characters (UTF-16 code units, as `String#length`). */
export const STRING_CAPS: Readonly<Record<string, number>> = {
  name: 200, // campaign and payout structure names (a payout method's documented ≤ 100 is core's)
  label: 200, // annotation label
  kind: 50, // annotation kind
  readme: 20_000, // notes on creators, videos, campaigns, payout methods and structures
  note: 2_000, // annotation note, payout payment note (POST and PATCH)
  url: 2_048, // video URL
  icon_path: 2_048, // payout method icon
  tiktok_handle: 100, // a valid one has ≤ 30; 31–100 still reaches the rename's 409 invalid_handle
  project_id: ID_CHARS,
  creator_id: ID_CHARS,
  method_id: ID_CHARS,
  goal_id: ID_CHARS,
  item_id: ID_CHARS,
  entity_id: ID_CHARS,
};

/** Any string field not listed above (enums and dates, which the schema bounds anyway). */
export const OTHER_STRING_CAP = 1_000;

/** Most entries per array field; every string entry (they are ids) is at most 64 characters. */
export const ARRAY_CAPS: Readonly<Record<string, number>> = {
  creators: 50, // documented; core says so too
  creator_ids: 100,
  video_ids: 100,
  accrual_ids: 500,
};
export const OTHER_ARRAY_CAP = 100;
export const ARRAY_ITEM_CHARS = ID_CHARS;

const capOf = (table: Readonly<Record<string, number>>, key: string, fallback: number) =>
  Object.hasOwn(table, key) ? table[key]! : fallback;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

function checkString(value: string, path: string, cap: number): void {
  if (value.length > cap) {
    throw badBody(`Invalid body: ${path}: at most ${cap} characters, got ${quoteValue(value)}`);
  }
}

/** Nesting depth of a JSON value, walked without recursion (a scalar is 0, `{}` is 1). */
function depthOf(value: unknown, stopAbove: number): number {
  let max = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (typeof v !== "object" || v === null) continue;
    if (d + 1 > max) max = d + 1;
    if (max > stopAbove) return max;
    for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
  return max;
}

function checkMetadata(value: unknown, path: string): void {
  if (value === null || value === undefined) return;
  if (depthOf(value, METADATA_MAX_DEPTH) > METADATA_MAX_DEPTH) {
    throw badBody(`Invalid body: ${path}: nested more than ${METADATA_MAX_DEPTH} levels deep`);
  }
  const bytes = Buffer.byteLength(JSON.stringify(value), "utf8");
  if (bytes > METADATA_MAX_BYTES) {
    throw badBody(
      `Invalid body: ${path}: at most ${METADATA_MAX_BYTES} bytes as JSON (16 KiB), got ${bytes} bytes`,
    );
  }
}

function checkArray(key: string, items: readonly unknown[], path: string): void {
  const cap = capOf(ARRAY_CAPS, key, OTHER_ARRAY_CAP);
  if (items.length > cap) throw badBody(`Invalid body: ${path}: at most ${cap} items, got ${items.length}`);
  items.forEach((item, i) => {
    if (typeof item === "string") checkString(item, `${path}.${i}`, ARRAY_ITEM_CHARS);
    else if (isObject(item)) checkObject(item, `${path}.${i}.`);
  });
}

function checkObject(body: Record<string, unknown>, prefix: string): void {
  for (const [key, value] of Object.entries(body)) {
    const path = prefix + key;
    if (key === "metadata") checkMetadata(value, path);
    else if (typeof value === "string") checkString(value, path, capOf(STRING_CAPS, key, OTHER_STRING_CAP));
    else if (Array.isArray(value)) checkArray(key, value, path);
  }
}

/** Throws 400 `invalid_body` at the first field over its cap. `body` is a schema-validated body. */
export function assertBodyCaps(body: unknown): void {
  if (isObject(body)) checkObject(body, "");
}
