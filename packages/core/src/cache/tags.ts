/**
 * Tags tie cached responses to the entities they show, so that a write can invalidate exactly what it
 * may have changed. An entry is tagged with every id its URL names (path ids, `*_id` query values) and
 * every id its `data` mentions (each item's `id` and `*_id` fields). A write invalidates the ids of its
 * own URL and body. So `PATCH /creators/{id}` drops every list page that contained that creator, and a
 * create under `/projects/{id}/…` drops the lists holding that project's items.
 * @module
 */
import { apiSegments } from "./api-path.js";

/** The tag of an entity id. Ids are globally unique (UUIDs), so one namespace serves every resource. */
export function idTag(id: string): string {
  return `id:${id}`;
}

/** Tags of a cached GET response: ids in its URL and in its envelope's `data`. */
export function responseTags(url: string, data?: unknown): string[] {
  const tags = new Set<string>();
  addUrlIds(tags, url);
  if (Array.isArray(data)) for (const item of data) addItemIds(tags, item);
  else addItemIds(tags, data);
  return [...tags];
}

/** Tags a write (POST, PATCH, DELETE) invalidates: ids in its URL and the id fields of its JSON body. */
export function writeTags(url: string, body?: unknown): string[] {
  const tags = new Set<string>();
  addUrlIds(tags, url);
  addItemIds(tags, body);
  return [...tags];
}

function addUrlIds(tags: Set<string>, url: string): void {
  const parsed = new URL(url);
  for (const segment of apiSegments(parsed.pathname)) if (isIdSegment(segment)) tags.add(idTag(segment));
  for (const [name, value] of parsed.searchParams)
    if (isIdField(name) && value !== "") tags.add(idTag(value));
}

/** `id`, `*_id` (a string) and `*_ids` (an array of strings) at the top level of an object. */
function addItemIds(tags: Set<string>, item: unknown): void {
  if (typeof item !== "object" || item === null || Array.isArray(item)) return;
  for (const [name, value] of Object.entries(item)) {
    if (isIdField(name) && typeof value === "string" && value !== "") tags.add(idTag(value));
    else if (name.endsWith("_ids") && Array.isArray(value)) {
      for (const id of value) if (typeof id === "string" && id !== "") tags.add(idTag(id));
    }
  }
}

function isIdField(name: string): boolean {
  return name === "id" || name.endsWith("_id");
}

// Route words are lowercase letters with `-`, `_` or `.` (`creators`, `goal-compliance`,
// `openapi.json`); ids carry digits (UUIDs, TikTok ids). Telling them apart by shape keeps this
// working for routes added later without a route table.
function isIdSegment(segment: string): boolean {
  return !/^[a-z][a-z._-]*$/.test(segment);
}
