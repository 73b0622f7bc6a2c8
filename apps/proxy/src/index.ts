/**
 * goatkit-proxy, the team's caching gateway to the trackagoat API: pass-through with a per-key cache
 * (core's `ResponseCache` on a memory or SQLite store), coalescing, stale-while-revalidate and
 * stale-if-error, upstream pacing per key, write invalidation, and `Cache-Status` on every answer.
 * @module
 */

export { type CacheSpec, openStore, parseCacheSpec } from "./cache/open-store.js";
export { DEFAULT_REVALIDATE_WINDOWS, type RevalidateWindows } from "./cache/revalidate-window.js";
export {
  DEFAULT_SQLITE_MAX_BYTES,
  SqliteStore,
  type SqliteStoreOptions,
} from "./cache/stores/sqlite-store.js";
export {
  DEFAULT_MAX_UPSTREAM_BYTES,
  DEFAULT_MAX_WAIT_MS,
  DEFAULT_RATE_LIMIT,
  DEFAULT_UPSTREAM_TIMEOUT_MS,
  normaliseUpstream,
  type ProxyOptions,
  type ResolvedProxyOptions,
} from "./config.js";
export {
  createProxy,
  DERIVED_PREFIX,
  PortInUseError,
  type ProxyApp,
  type RunningProxy,
  type StartProxyOptions,
  startProxy,
} from "./server.js";
export { probeUpstream } from "./upstream/probe.js";
