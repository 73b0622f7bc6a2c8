/**
 * How long after going stale an entry is still served at once while a background request refreshes it
 * (stale-while-revalidate, RFC 5861; Varnish's grace). Core's freshness policy gives each route family a
 * fresh lifetime and a stale window that is meant for failures (stale-if-error); this is the first part
 * of that window. Past it, a stale entry is refetched before answering and served only if the refetch
 * fails, so a quiet key never gets an hour-old list just because nobody asked in between.
 * @module
 */
import { ROUTE_FAMILIES, type RouteFamily } from "@goatkit/core";

export type RevalidateWindows = Record<RouteFamily, number>;

const MINUTE = 60_000;

/**
 * | family      | served stale while refreshing |
 * | ----------- | ----------------------------- |
 * | `lists`     | 1 min past freshness          |
 * | `stats`     | 5 min                         |
 * | `analytics` | 5 min                         |
 * | `schema`    | 1 h                           |
 */
export const DEFAULT_REVALIDATE_WINDOWS: Readonly<RevalidateWindows> = Object.freeze({
  lists: MINUTE,
  stats: 5 * MINUTE,
  analytics: 5 * MINUTE,
  schema: 60 * MINUTE,
});

/** The defaults with `overrides` merged in; throws a `RangeError` naming the family for a bad value. */
export function resolveRevalidateWindows(
  overrides: { [F in RouteFamily]?: number | undefined } = {},
): RevalidateWindows {
  const out = { ...DEFAULT_REVALIDATE_WINDOWS };
  for (const [family, ms] of Object.entries(overrides)) {
    if (!(ROUTE_FAMILIES as readonly string[]).includes(family))
      throw new TypeError(`Unknown route family "${family}" (${ROUTE_FAMILIES.join(", ")})`);
    if (ms === undefined) continue;
    if (typeof ms !== "number" || !Number.isFinite(ms) || ms < 0)
      throw new RangeError(`revalidate window for ${family} must be a finite number of ms ≥ 0, got ${ms}`);
    out[family as RouteFamily] = ms;
  }
  return out;
}
