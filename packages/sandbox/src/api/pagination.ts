/**
 * Cursor pagination for every list (api-contract A.1): `limit` 1–100 (default 50), an opaque `cursor`
 * that is base64url JSON of { list id, created_at ms, id } of the last item served, order `created_at`
 * then `id`. The list id (route + filters, hashed) makes a cursor from another list a 400. The position
 * is found by binary search in the list's sorted index, so a deep page costs the same as the first;
 * an item deleted since the cursor was issued does not break it (the search is by key, not by index).
 */
import { createHash } from "node:crypto";
import type { Context } from "hono";
import type { SortedList, SortKey } from "../state/sorted-list.js";
import { badQuery } from "./api-error.js";
import { queryInt } from "./query.js";

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 100;

export interface ListMeta {
  nextCursor: string | null;
  hasMore: boolean;
  limit: number;
}

export interface Page<T> {
  data: T[];
  meta: ListMeta;
}

interface CursorBody {
  l: string;
  t: number;
  i: string;
}

/** A short stable hash of the list identity: the cursor stays opaque and small. */
function listHash(listId: string): string {
  return createHash("sha256").update(listId).digest("base64url").slice(0, 12);
}

export function encodeCursor(listId: string, key: SortKey): string {
  const body: CursorBody = { l: listHash(listId), t: key.ts, i: key.id };
  return Buffer.from(JSON.stringify(body)).toString("base64url");
}

export function decodeCursor(listId: string, cursor: string): SortKey {
  let body: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new Error("not base64url");
    body = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw badQuery("cursor is not valid; pass meta.nextCursor from the previous page unchanged");
  }
  const b = body as Partial<CursorBody> | null;
  if (!b || typeof b.l !== "string" || typeof b.t !== "number" || typeof b.i !== "string") {
    throw badQuery("cursor is not valid; pass meta.nextCursor from the previous page unchanged");
  }
  if (b.l !== listHash(listId)) throw badQuery("cursor belongs to another list (other route or filters)");
  return { ts: b.t, id: b.i };
}

export interface ListRequest {
  limit: number;
  after: SortKey | null;
  listId: string;
}

/**
 * Reads `limit` and `cursor`. `listId` must identify the list completely: route plus every filter that
 * changes its content (and the org, so a cursor never crosses orgs).
 */
export function listRequest(c: Context, listId: string): ListRequest {
  const limit = queryInt(c, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
  const cursor = c.req.query("cursor");
  const after = cursor === undefined || cursor === "" ? null : decodeCursor(listId, cursor);
  return { limit, after, listId };
}

/**
 * One page of `list` after the cursor, keeping only items passing `filter` (used for `search`; other
 * filters are separate indexes). The scan stops as soon as one item beyond the page is found.
 */
export function paginate<T>(
  list: SortedList<T>,
  keyOf: (item: T) => SortKey,
  req: ListRequest,
  filter?: (item: T) => boolean,
): Page<T> {
  const start = req.after ? list.upperBound(req.after.ts, req.after.id) : 0;
  const data: T[] = [];
  let hasMore = false;
  for (const item of list.from(start)) {
    if (filter && !filter(item)) continue;
    if (data.length === req.limit) {
      hasMore = true;
      break;
    }
    data.push(item);
  }
  const last = data.at(-1);
  const nextCursor = hasMore && last !== undefined ? encodeCursor(req.listId, keyOf(last)) : null;
  return { data, meta: { nextCursor, hasMore, limit: req.limit } };
}
