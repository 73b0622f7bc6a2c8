/**
 * A GET's cache key and route family, remembered per upstream URL and credential: a cache hit otherwise
 * re-parses the URL, re-sorts its query and hashes the credential (SHA-256) on every request, the largest
 * share of the proxy's own work on a hit. Both are pure functions of the two strings, so a remembered
 * value is exactly what computing it again would give.
 *
 * The memo holds the raw credential as part of its map keys, in this process's memory only (like the
 * request itself did a moment ago): it is never logged, listed or written anywhere, and it is bounded.
 * @module
 */
import { type ResponseCache, type RouteFamily, routeFamily } from "@goatkit/core";
import { pathAndQuery } from "../routes/request-url.js";

export interface RequestKey {
  /** The `ResponseCache` key (core's `cacheKey`). */
  key: string;
  family: RouteFamily;
}

/** Default bound: distinct (URL, credential) pairs remembered. */
export const DEFAULT_REMEMBERED_KEYS = 2_048;

export class RequestKeys {
  readonly #cache: ResponseCache;
  readonly #max: number;
  readonly #memo = new Map<string, RequestKey>();

  constructor(cache: ResponseCache, max = DEFAULT_REMEMBERED_KEYS) {
    if (!Number.isSafeInteger(max) || max < 0) throw new RangeError(`max must be an integer ≥ 0, got ${max}`);
    this.#cache = cache;
    this.#max = max;
  }

  /** Pairs remembered now. */
  get size(): number {
    return this.#memo.size;
  }

  /** The key and family of `GET url` made with `credential`. */
  of(url: string, credential: string): RequestKey {
    // A serialised URL holds no NUL, so the pair reads back one way only.
    const memoKey = `${url}\u0000${credential}`;
    const known = this.#memo.get(memoKey);
    if (known !== undefined) return known;
    const computed: RequestKey = {
      key: this.#cache.key("GET", url, credential),
      family: routeFamily(pathAndQuery(url).pathname),
    };
    if (this.#max === 0) return computed;
    // Oldest first out (a Map keeps insertion order): a cheap bound that keeps any working set of hot
    // resources smaller than it; a pair that falls out is only computed again.
    if (this.#memo.size >= this.#max) this.#memo.delete(this.#memo.keys().next().value!);
    this.#memo.set(memoKey, computed);
    return computed;
  }
}
