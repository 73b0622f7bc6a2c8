/**
 * Response caching: keys, freshness policy, the store interface with an in-memory store, and the
 * `ResponseCache` a client takes as `createClient({ cache })`.
 * @module
 */
export { cacheKey, credentialHash, KEY_VERSION, normaliseQuery } from "./cache-key.js";
export type { Coalesced } from "./in-flight.js";
export { DEFAULT_MAX_BYTES, MemoryStore, type MemoryStoreOptions } from "./memory-store.js";
export {
  DEFAULT_FRESHNESS_POLICY,
  type Freshness,
  type FreshnessOverrides,
  type FreshnessPolicy,
  ROUTE_FAMILIES,
  type RouteFamily,
  resolveFreshnessPolicy,
  routeFamily,
} from "./policy.js";
export {
  type CacheableResponse,
  type CacheLookup,
  type CacheStatus,
  createMemoryCache,
  ResponseCache,
  type ResponseCacheOptions,
} from "./response-cache.js";
export type { CacheEntry, CacheStore, ReleaseLock } from "./store.js";
export { idTag, responseTags, writeTags } from "./tags.js";
