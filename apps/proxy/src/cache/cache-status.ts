/**
 * The `Cache-Status` header (RFC 9211) on every `/api/v1` answer, so a caller (or a person with curl)
 * sees how it was produced: `goatkit; hit`, `goatkit; hit; stale; fwd=stale`, `goatkit; fwd=miss; stored`,
 * `goatkit; fwd=uri-miss` (not cacheable), `goatkit; fwd=bypass` (a write), with `fwd-status`, `ttl`,
 * `collapsed` and `detail` where they add something. `stale` is our own parameter: RFC 9211 only implies
 * it with a negative `ttl`, which we send too.
 * @module
 */

/** The cache's name in the header. */
export const CACHE_NAME = "goatkit";

/** Why the request went forward (RFC 9211 §2.2), `request`: the caller asked (`Cache-Control: no-cache`). */
export type ForwardReason = "miss" | "uri-miss" | "bypass" | "stale" | "request";

export interface CacheStatusParts {
  /** Answered from a stored response. */
  hit?: boolean;
  /** …which was past its freshness lifetime. */
  stale?: boolean;
  fwd?: ForwardReason;
  /** The response was stored. */
  stored?: boolean;
  /** This request shared another's upstream request. */
  collapsed?: boolean;
  /** Upstream's status, when the answer sent is not upstream's answer (a stale one after a 503). */
  fwdStatus?: number;
  /** Seconds of freshness left (negative: stale since). */
  ttl?: number;
  /** Why, in a word: `stale-while-revalidate`, `stale-if-error`, `rate-limited`, … */
  detail?: string;
}

/**
 * @example
 * cacheStatus({ fwd: "miss", stored: true })                                    // "goatkit; fwd=miss; stored"
 * cacheStatus({ hit: true, stale: true, fwd: "stale", ttl: -4, detail: "stale-while-revalidate" })
 * // "goatkit; hit; stale; fwd=stale; ttl=-4; detail=stale-while-revalidate"
 */
export function cacheStatus(parts: CacheStatusParts): string {
  // Appended to one string (no array, no join): it is written on every answer, cache hits included.
  let out = CACHE_NAME;
  if (parts.hit) out += "; hit";
  if (parts.stale) out += "; stale";
  if (parts.fwd) out += `; fwd=${parts.fwd}`;
  if (parts.stored) out += "; stored";
  if (parts.collapsed) out += "; collapsed";
  if (parts.fwdStatus !== undefined) out += `; fwd-status=${parts.fwdStatus}`;
  if (parts.ttl !== undefined) out += `; ttl=${parts.ttl}`;
  if (parts.detail) out += `; detail=${parts.detail}`;
  return out;
}

/** Whole seconds of freshness left at `now`: rounded down while fresh, and at least -1 once stale. */
export function ttlSeconds(until: number, now: number): number {
  const ms = until - now;
  return ms >= 0 ? Math.floor(ms / 1000) : -Math.ceil(-ms / 1000);
}
