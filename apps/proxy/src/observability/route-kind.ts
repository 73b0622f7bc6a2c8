/**
 * Which kind of route a path goes to, for the request metrics and the access log: the API passed
 * through, a derived workflow, an operations endpoint, or anything else (404s, probes of odd paths).
 * @module
 */
import type { RouteKind } from "./metrics.js";

export interface RouteKindPrefixes {
  /** Where the pass-through API is mounted (`/api/v1`). */
  passThrough: string;
  /** Where the derived routes are mounted (`/goatkit/v1`). */
  derived: string;
  /** The operations endpoints' exact paths. */
  ops: readonly string[];
}

export function routeKindOf(pathname: string, prefixes: RouteKindPrefixes): RouteKind {
  const under = (prefix: string) => pathname === prefix || pathname.startsWith(`${prefix}/`);
  if (under(prefixes.passThrough)) return "pass_through";
  if (under(prefixes.derived)) return "derived";
  if (prefixes.ops.includes(pathname)) return "ops";
  return "other";
}
