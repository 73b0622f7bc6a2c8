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
  if (isUnder(pathname, prefixes.passThrough)) return "pass_through";
  if (isUnder(pathname, prefixes.derived)) return "derived";
  if (prefixes.ops.includes(pathname)) return "ops";
  return "other";
}

/** `pathname` is `prefix` or below it (runs on every request: no closure, no string built). */
function isUnder(pathname: string, prefix: string): boolean {
  return (
    pathname.startsWith(prefix) &&
    (pathname.length === prefix.length || pathname.charCodeAt(prefix.length) === 47)
  );
}
