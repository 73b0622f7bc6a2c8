/**
 * Cache keys for API responses. The client's response cache and the caching proxy (its pass-through
 * routes and the routes it derives from upstream calls) all key entries with this one function, so an
 * entry stored by any of them is found by the others. Change it only together with a key version bump
 * (`KEY_VERSION`), since old entries would otherwise be read under a different meaning.
 * @module
 */
import { createHash } from "node:crypto";

/** Bumped whenever the key layout changes, so entries written under an older layout are never read. */
export const KEY_VERSION = "v1";

// Domain separation: the same credential hashed for another purpose (the rate limiter's map, a log
// label) never yields a value that also works as a cache key component.
const CREDENTIAL_DOMAIN = "goatkit/cache-key/credential\u0000";

/**
 * The cache key of a request made with `credential` (the API key).
 *
 * Layout: `v1 GET https://host/api/v1/creators?limit=100&project_id=… k=<32 hex>`, where the query is
 * normalised (parameters sorted by name then value, empty values dropped, percent-encoded the same way
 * whatever the input used) and the credential appears only as a truncated SHA-256 (128 bits), so a key
 * listed from a shared store (Redis, SQLite) reveals nothing usable. Responses depend on the key's org
 * and scopes, so two keys never share an entry.
 *
 * @example
 * cacheKey({ method: "get", url: "https://x/api/v1/creators?b=2&a=1" }, apiKey)
 * // "v1 GET https://x/api/v1/creators?a=1&b=2 k=3f1c…"
 */
export function cacheKey(request: { method: string; url: string }, credential: string): string {
  const url = new URL(request.url);
  const query = normaliseQuery(url.searchParams);
  const target = `${url.origin}${url.pathname}${query === "" ? "" : `?${query}`}`;
  return `${KEY_VERSION} ${request.method.toUpperCase()} ${target} k=${credentialHash(credential)}`;
}

/** A stable, non-reversible label for a credential: 32 hex characters of a domain-separated SHA-256. */
export function credentialHash(credential: string): string {
  return createHash("sha256").update(CREDENTIAL_DOMAIN).update(credential).digest("hex").slice(0, 32);
}

/** Query parameters sorted by name, then value; empty values dropped; names and values re-encoded. */
export function normaliseQuery(params: URLSearchParams): string {
  const pairs: [string, string][] = [];
  for (const [name, value] of params) if (value !== "") pairs.push([name, value]);
  pairs.sort(([an, av], [bn, bv]) => compare(an, bn) || compare(av, bv));
  return pairs.map(([n, v]) => `${encodeURIComponent(n)}=${encodeURIComponent(v)}`).join("&");
}

// Code-unit order, not localeCompare: the key must not depend on the process's locale.
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
