/**
 * How long a cached response may be used, per route family. trackagoat scrapes every tracked account
 * about every 12 hours, so its numbers change in steps twice a day: serving a stats or analytics answer
 * for 15 minutes loses almost nothing, while lists also reflect writes (a renamed creator, a new video)
 * and get a shorter life. The schema changes only with API releases. Past `ttlMs` an entry is stale:
 * it is refetched, but still served for `staleMs` more if the refetch fails (stale-if-error).
 * @module
 */
import { apiPath } from "./api-path.js";

export type RouteFamily = "lists" | "stats" | "analytics" | "schema";

export const ROUTE_FAMILIES: readonly RouteFamily[] = ["lists", "stats", "analytics", "schema"];

/** `ttlMs`: fresh (served without a request); then `staleMs` more: served only when the refetch fails. */
export interface Freshness {
  ttlMs: number;
  staleMs: number;
}

export type FreshnessPolicy = Record<RouteFamily, Freshness>;

/** Per family, per field: what is left out keeps its default. */
export type FreshnessOverrides = { [F in RouteFamily]?: Partial<Freshness> | undefined };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * | family      | fresh  | then stale |
 * | ----------- | ------ | ---------- |
 * | `lists`     | 5 min  | 1 h        |
 * | `stats`     | 15 min | 6 h        |
 * | `analytics` | 15 min | 6 h        |
 * | `schema`    | 24 h   | 7 days     |
 *
 * The stale windows stay well under the 12 h scrape cycle for numbers, so even a fallback answer is at
 * most one scrape behind.
 */
export const DEFAULT_FRESHNESS_POLICY: Readonly<FreshnessPolicy> = Object.freeze({
  lists: Object.freeze({ ttlMs: 5 * MINUTE, staleMs: HOUR }),
  stats: Object.freeze({ ttlMs: 15 * MINUTE, staleMs: 6 * HOUR }),
  analytics: Object.freeze({ ttlMs: 15 * MINUTE, staleMs: 6 * HOUR }),
  schema: Object.freeze({ ttlMs: DAY, staleMs: 7 * DAY }),
});

/**
 * The family of a GET route, from its path (absolute, like `/api/v1/creators/x/stats`, or relative).
 *
 * @example
 * routeFamily("/api/v1/analytics/aggregate/outliers") // "analytics"
 * routeFamily("/api/v1/videos/abc/stats")             // "stats"
 * routeFamily("/api/v1/openapi.json")                 // "schema"
 * routeFamily("/api/v1/creators")                     // "lists"
 */
export function routeFamily(pathname: string): RouteFamily {
  const path = apiPath(pathname).replace(/\/+$/, "");
  if (path === "/analytics" || path.startsWith("/analytics/")) return "analytics";
  if (path.endsWith("/stats")) return "stats";
  if (path === "/schema" || path.endsWith("/openapi.json")) return "schema";
  return "lists";
}

/**
 * The default policy with `overrides` merged in, per family and per field. Throws a `RangeError` naming
 * the field when a value is not a finite number ≥ 0, and a `TypeError` for an unknown family.
 *
 * @example
 * resolveFreshnessPolicy({ lists: { ttlMs: 30_000 } }) // lists fresh 30 s, still stale for 1 h
 */
export function resolveFreshnessPolicy(overrides: FreshnessOverrides = {}): FreshnessPolicy {
  for (const name of Object.keys(overrides)) {
    if (!(ROUTE_FAMILIES as readonly string[]).includes(name)) {
      throw new TypeError(
        `Unknown route family "${name}" in the cache policy (${ROUTE_FAMILIES.join(", ")})`,
      );
    }
  }
  const out = {} as FreshnessPolicy;
  for (const family of ROUTE_FAMILIES) {
    const merged = { ...DEFAULT_FRESHNESS_POLICY[family], ...definedFields(overrides[family]) };
    checkMs(merged.ttlMs, `${family}.ttlMs`);
    checkMs(merged.staleMs, `${family}.staleMs`);
    out[family] = { ttlMs: merged.ttlMs, staleMs: merged.staleMs };
  }
  return out;
}

// `{ ttlMs: undefined }` keeps the default rather than erasing it.
function definedFields(value: Partial<Freshness> | undefined): Partial<Freshness> {
  if (value === undefined) return {};
  if (typeof value !== "object" || value === null) {
    throw new TypeError(
      `A cache policy family must be an object like { ttlMs, staleMs }, got ${String(value)}`,
    );
  }
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}

function checkMs(value: unknown, name: string): void {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new RangeError(
      `Cache policy ${name} must be a finite number of milliseconds ≥ 0, got ${String(value)}`,
    );
  }
}
