/**
 * A digest of every record a sandbox holds, for "an error response changed nothing" assertions.
 *
 * The collections are found on the `SandboxState` instance itself (every `Collection` field, plus the
 * `orgs` and `apiKeys` maps), so a collection added later is covered without touching this file. Each
 * record is written with native `JSON.stringify` (a digest of the `tiny` world costs about a millisecond),
 * so the digest sees a record exactly as the API would serialise it: a change no JSON response can
 * reveal (`0` → `-0`, `null` → `NaN`) is not one a client could observe either. A record too deep for
 * `JSON.stringify` (a stored value nested 100,000 levels) falls back to `canonicalJson`, an iterative
 * writer with sorted keys that also spells out `-0`, `NaN`, `±Infinity` and `undefined`, so the digest
 * never overflows the stack. Records are hashed in id order, so removing and re-inserting an unchanged
 * record is no change. Per collection the digest keeps the record count, the length of the world array
 * behind it (they must move together), a SHA-256, and each record's text, so a mismatch can name the
 * records that changed and show them before and after.
 */
import { createHash } from "node:crypto";
import { Collection } from "../state/collection.js";
import type { SandboxState } from "../state/sandbox-state.js";

export interface CollectionDigest {
  /** Records in the id map. */
  count: number;
  /** Length of the world array the collection mirrors (-1 when there is none). */
  backing: number;
  /** SHA-256 (hex) of the records' canonical JSON, in id order. */
  hash: string;
  /** Canonical JSON of each record, by record id. */
  records: Map<string, string>;
}

export interface WorldDigest {
  /** SHA-256 over every collection's name, counts and hash. */
  hash: string;
  collections: Map<string, CollectionDigest>;
}

/** Guards against a cyclic value (impossible from JSON, but the writer must never spin forever). */
const MAX_PARTS = 50_000_000;

/** A closing token pushed on the work stack (never a value: values are unknown, tokens are boxed). */
class Token {
  constructor(readonly text: string) {}
}

const isTypedArray = (v: object): v is ArrayLike<number> & object =>
  ArrayBuffer.isView(v) && !(v instanceof DataView);

/** Canonical JSON-like text of any value, without recursion (so depth is only bounded by memory). */
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    if (out.length > MAX_PARTS) throw new Error("canonicalJson: value too large (cyclic?)");
    const v = stack.pop();
    if (v instanceof Token) {
      out.push(v.text);
      continue;
    }
    switch (typeof v) {
      case "string":
        out.push(JSON.stringify(v));
        continue;
      case "number":
        out.push(Object.is(v, -0) ? "-0" : Number.isFinite(v) ? String(v) : `#${v}`);
        continue;
      case "boolean":
        out.push(v ? "true" : "false");
        continue;
      case "bigint":
        out.push(`#${v}n`);
        continue;
      case "undefined":
        out.push("#undefined");
        continue;
      case "function":
      case "symbol":
        out.push(`#${typeof v}`);
        continue;
    }
    if (v === null) {
      out.push("null");
      continue;
    }
    const obj = v as object;
    if (obj instanceof Date) {
      out.push(`#date:${Number.isNaN(obj.getTime()) ? "invalid" : obj.toISOString()}`);
      continue;
    }
    if (Array.isArray(obj) || isTypedArray(obj)) {
      const items = obj as ArrayLike<unknown>;
      out.push(Array.isArray(obj) ? "[" : `#${obj.constructor.name}[`);
      stack.push(new Token("]"));
      for (let i = items.length - 1; i >= 0; i--) {
        stack.push(items[i]);
        if (i > 0) stack.push(new Token(","));
      }
      continue;
    }
    if (obj instanceof Map || obj instanceof Set) {
      const entries = obj instanceof Map ? [...obj.entries()] : [...obj.values()].map((x) => [x, true]);
      const keyed = entries.map(([k, x]) => [canonicalJson(k), x] as const).sort(([a], [b]) => cmp(a, b));
      out.push(obj instanceof Map ? "#map{" : "#set{");
      pushEntries(stack, keyed);
      continue;
    }
    const keys = Object.keys(obj).sort(cmp);
    out.push("{");
    pushEntries(
      stack,
      keys.map((k) => [JSON.stringify(k), (obj as Record<string, unknown>)[k]] as const),
    );
  }
  return out.join("");
}

function pushEntries(stack: unknown[], entries: ReadonlyArray<readonly [string, unknown]>): void {
  stack.push(new Token("}"));
  for (let i = entries.length - 1; i >= 0; i--) {
    const [key, value] = entries[i]!;
    stack.push(value);
    stack.push(new Token(`${i > 0 ? "," : ""}${key}:`));
  }
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The record collections of a state: every `Collection` field plus the org and key maps. */
export function stateCollections(
  state: SandboxState,
): Map<string, { records: Iterable<[string, unknown]>; backing: number }> {
  const out = new Map<string, { records: Iterable<[string, unknown]>; backing: number }>();
  const world = state.world as unknown as Record<string, unknown>;
  for (const [name, field] of Object.entries(state)) {
    if (field instanceof Collection) {
      const collection = field as Collection<unknown>;
      const backing = world[name];
      out.set(name, {
        records: [...collection.values()].map((r) => [collection.keyOf(r).id, r] as [string, unknown]),
        backing: Array.isArray(backing) ? backing.length : -1,
      });
    }
  }
  out.set("orgs", { records: state.orgs.entries(), backing: state.world.orgs.length });
  out.set("apiKeys", { records: state.apiKeys.entries(), backing: state.world.apiKeys.length });
  return out;
}

/** One record's text: `JSON.stringify`, or `canonicalJson` (iterative) when it is too deep for that. */
export function recordText(record: unknown): string {
  try {
    return JSON.stringify(record) ?? "#undefined";
  } catch (err) {
    if (err instanceof RangeError) return `#canonical:${canonicalJson(record)}`;
    throw err;
  }
}

export function worldDigest(state: SandboxState): WorldDigest {
  const collections = new Map<string, CollectionDigest>();
  const total = createHash("sha256");
  for (const [name, { records, backing }] of stateCollections(state)) {
    const texts = new Map<string, string>();
    for (const [id, record] of records) texts.set(id, recordText(record));
    const ids = [...texts.keys()].sort(cmp);
    const hash = createHash("sha256");
    for (const id of ids)
      hash
        .update(`${JSON.stringify(id)}=`)
        .update(texts.get(id)!)
        .update("\n");
    const digest: CollectionDigest = { count: texts.size, backing, hash: hash.digest("hex"), records: texts };
    collections.set(name, digest);
    total.update(`${name}:${digest.count}:${digest.backing}:${digest.hash}\n`);
  }
  return { hash: total.digest("hex"), collections };
}

const clip = (text: string, max: number) =>
  text.length <= max ? text : `${text.slice(0, max)}… (${text.length.toLocaleString("en")} chars)`;

/**
 * What changed between two digests, one line per difference (empty when equal): counts, world-array
 * lengths, and up to `maxRecords` added, removed or changed records per collection, shown clipped.
 */
export function diffDigests(before: WorldDigest, after: WorldDigest, maxRecords = 3): string[] {
  if (before.hash === after.hash) return [];
  const lines: string[] = [];
  const names = new Set([...before.collections.keys(), ...after.collections.keys()]);
  for (const name of names) {
    const a = before.collections.get(name);
    const b = after.collections.get(name);
    if (!a || !b) {
      lines.push(`${name}: collection ${a ? "disappeared" : "appeared"}`);
      continue;
    }
    if (a.hash === b.hash && a.count === b.count && a.backing === b.backing) continue;
    lines.push(`${name}: count ${a.count} → ${b.count}, world array ${a.backing} → ${b.backing}`);
    let shown = 0;
    for (const id of new Set([...a.records.keys(), ...b.records.keys()])) {
      const x = a.records.get(id);
      const y = b.records.get(id);
      if (x === y) continue;
      if (shown++ === maxRecords) {
        lines.push("  …");
        break;
      }
      if (x === undefined) lines.push(`  + ${id}: ${clip(y!, 300)}`);
      else if (y === undefined) lines.push(`  - ${id}: ${clip(x, 300)}`);
      else lines.push(`  ~ ${id}:\n      before ${clip(x, 300)}\n      after  ${clip(y, 300)}`);
    }
  }
  return lines;
}
