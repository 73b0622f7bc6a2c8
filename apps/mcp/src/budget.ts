/**
 * The context budget every tool result is held to. Claude Code refuses tool results over 25,000 tokens
 * (MAX_MCP_OUTPUT_TOKENS) and other clients are stricter in practice, so a result is fitted before it is
 * sent: lists are cut (the biggest first), never rows half-written, and what was cut is recorded with
 * the way to get the rest. Tokens are estimated as characters / 4, the rule of thumb the issue fixes.
 * @module
 */

export const CHARS_PER_TOKEN = 4;
/** No result of any tool may be estimated above this (the whole JSON-RPC result: text and structured). */
export const MAX_RESULT_TOKENS = 25_000;

export type ResponseFormat = "concise" | "detailed";

/** Token budgets of the two parts of a result, per response format. Their sums stay under the cap. */
export const BUDGETS: Record<ResponseFormat, { structured: number; text: number }> = {
  concise: { structured: 5_000, text: 1_500 },
  detailed: { structured: 15_000, text: 6_000 },
};

export function estimateTokens(value: unknown): number {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return Math.ceil((text?.length ?? 0) / CHARS_PER_TOKEN);
}

/** One list that was shortened. */
export interface Cut {
  /** Dotted path of the list in the structured result, e.g. `over_posting.incidents`. */
  path: string;
  /** Index of the first item shown (non-zero when the caller paged with `offset`). */
  offset: number;
  shown: number;
  /** Items the full list has. */
  total: number;
}

export interface Fitted<T> {
  value: T;
  cuts: Cut[];
  /** Long strings shortened as a last resort (paths). */
  shortened: string[];
}

export interface FitOptions {
  /** A list to page through: shown from `offset` and cut last. */
  focus?: { path: string; offset: number } | undefined;
  /** Lists that must not be cut, by path or path prefix (`meta` keeps every list under meta). */
  keep?: readonly string[];
}

interface ArrayRef {
  path: string;
  parent: Record<string, unknown>;
  key: string;
  total: number;
  offset: number;
}

/** Arrays reachable through objects only (lists of lists are cut at the outer list). */
function findArrays(root: unknown): ArrayRef[] {
  const out: ArrayRef[] = [];
  const walk = (node: unknown, path: string) => {
    if (node === null || typeof node !== "object" || Array.isArray(node)) return;
    for (const [key, child] of Object.entries(node as Record<string, unknown>)) {
      const p = path ? `${path}.${key}` : key;
      if (Array.isArray(child))
        out.push({ path: p, parent: node as Record<string, unknown>, key, total: child.length, offset: 0 });
      else walk(child, p);
    }
  };
  walk(root, "");
  return out;
}

const size = (v: unknown) => JSON.stringify(v).length;

/**
 * A copy of `value` (plain JSON data) whose serialisation fits `maxTokens`: the largest lists are cut
 * first, by as many trailing items as the excess needs; a focused list is shown from its offset and cut
 * last. Items are never edited, so the result still matches the schema it was produced against (lists
 * have no minimum length in goatkit's report schemas).
 */
export function fitToBudget<T>(value: T, maxTokens: number, options: FitOptions = {}): Fitted<T> {
  const maxChars = maxTokens * CHARS_PER_TOKEN;
  const root = JSON.parse(JSON.stringify(value)) as T;
  const arrays = findArrays(root);
  const focus = options.focus ? arrays.find((a) => a.path === options.focus!.path) : undefined;
  if (focus && options.focus!.offset > 0) {
    const list = focus.parent[focus.key] as unknown[];
    focus.offset = Math.min(options.focus!.offset, list.length);
    focus.parent[focus.key] = list.slice(focus.offset);
  }
  const keep = options.keep ?? [];
  const kept = (path: string) => keep.some((k) => path === k || path.startsWith(`${k}.`));
  const shortened: string[] = [];
  let total = size(root);
  while (total > maxChars) {
    const candidates = arrays.filter(
      (a) => a !== focus && !kept(a.path) && (a.parent[a.key] as unknown[]).length > 0,
    );
    const pool =
      candidates.length > 0
        ? candidates
        : focus && (focus.parent[focus.key] as unknown[]).length > 0
          ? [focus]
          : [];
    if (pool.length === 0) {
      if (!shortenLongestString(root, shortened)) break;
      total = size(root);
      continue;
    }
    let biggest = pool[0]!;
    let biggestSize = size(biggest.parent[biggest.key]);
    for (const a of pool.slice(1)) {
      const s = size(a.parent[a.key]);
      if (s > biggestSize) {
        biggest = a;
        biggestSize = s;
      }
    }
    const list = biggest.parent[biggest.key] as unknown[];
    const perItem = biggestSize / list.length;
    const excess = total - maxChars;
    const remove = Math.min(list.length, Math.max(1, Math.ceil(excess / perItem)));
    biggest.parent[biggest.key] = list.slice(0, list.length - remove);
    total = size(root);
  }
  const cuts: Cut[] = [];
  for (const a of arrays) {
    const shown = (a.parent[a.key] as unknown[]).length;
    if (shown + a.offset < a.total || a.offset > 0)
      cuts.push({ path: a.path, offset: a.offset, shown, total: a.total });
  }
  return { value: root, cuts, shortened };
}

const LONG_STRING = 500;

/** Shortens the longest string over {@link LONG_STRING} characters to half its length; false when none is left. */
function shortenLongestString(root: unknown, shortened: string[]): boolean {
  let best: { parent: Record<string, unknown> | unknown[]; key: string | number; path: string } | null = null;
  let bestLength = LONG_STRING;
  const walk = (node: unknown, path: string) => {
    if (node === null || typeof node !== "object") return;
    const entries: [string | number, unknown][] = Array.isArray(node)
      ? node.map((v, i) => [i, v])
      : Object.entries(node as Record<string, unknown>);
    for (const [key, child] of entries) {
      const p = path ? `${path}.${key}` : String(key);
      if (typeof child === "string" && child.length > bestLength) {
        best = { parent: node as Record<string, unknown>, key, path: p };
        bestLength = child.length;
      } else walk(child, p);
    }
  };
  walk(root, "");
  if (best === null) return false;
  const { parent, key, path } = best as {
    parent: Record<string | number, unknown>;
    key: string;
    path: string;
  };
  const text = parent[key] as string;
  parent[key] = `${text.slice(0, Math.floor(text.length / 2))}… [shortened]`;
  if (!shortened.includes(path)) shortened.push(path);
  return true;
}

/**
 * `text` cut at a line boundary to fit `maxTokens`, with a closing line saying so. With `tailFrom`, the
 * part from that marker on (a report's footer: range, freshness, caveats, notes read) is kept and the
 * body before it is cut instead, so the caveats stay with the figures.
 */
export function fitText(text: string, maxTokens: number, note: string, tailFrom?: string): string {
  const maxChars = maxTokens * CHARS_PER_TOKEN;
  if (text.length <= maxChars) return text;
  const at = tailFrom === undefined ? -1 : text.lastIndexOf(tailFrom);
  if (at > 0 && text.length - at < maxChars / 2) {
    const tail = text.slice(at);
    return `${cutAtLine(text.slice(0, at), maxChars - tail.length, note)}${tail}`;
  }
  return cutAtLine(text, maxChars, note);
}

function cutAtLine(text: string, maxChars: number, note: string): string {
  if (text.length <= maxChars) return text;
  const room = Math.max(0, maxChars - note.length - 8);
  const cut = text.lastIndexOf("\n", room);
  return `${text.slice(0, cut > room / 2 ? cut : room)}\n\n… ${note}\n`;
}

/** One sentence per cut list, for the text rendering and the `truncation` field. */
export function describeCuts(cuts: readonly Cut[]): string {
  return cuts
    .map(
      (c) =>
        `${c.path}: items ${c.shown === 0 ? "none" : `${c.offset + 1}–${c.offset + c.shown}`} of ${c.total} shown`,
    )
    .join("; ");
}
