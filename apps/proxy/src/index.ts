/**
 * goatkit-proxy, the team's caching gateway to the trackagoat API: pass-through with a per-key cache
 * (core's `ResponseCache` on a memory, SQLite or Redis store), coalescing, stale-while-revalidate and
 * stale-if-error, upstream pacing per key, write invalidation, and `Cache-Status` on every answer; a team
 * gateway mode (proxy tokens in a hashed file, one team key upstream); Prometheus metrics, pino logs with
 * secrets redacted, and graceful shutdown.
 * @module
 */

export { type CacheSpec, openStore, parseCacheSpec } from "./cache/open-store.js";
export { DEFAULT_REVALIDATE_WINDOWS, type RevalidateWindows } from "./cache/revalidate-window.js";
export {
  DEFAULT_REDIS_PREFIX,
  RedisStore,
  type RedisStoreOptions,
  StoreUnavailableError,
} from "./cache/stores/redis-store.js";
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
export type { GatewayOptions } from "./gateway/options.js";
export { generateToken, hashToken, SCOPES, type Scope } from "./gateway/proxy-token.js";
export { TokenStore, type TokenStoreOptions } from "./gateway/token-store.js";
export { TokensFileError } from "./gateway/tokens-file.js";
export { createLogger, LOG_LEVELS, type LoggerOptions, type LogLevel } from "./observability/logger.js";
export { NO_METRICS, type ProxyMetrics } from "./observability/metrics.js";
export { PrometheusMetrics } from "./observability/prometheus.js";
export {
  createProxy,
  DERIVED_PREFIX,
  PortInUseError,
  type ProxyApp,
  type RunningProxy,
  type StartProxyOptions,
  startProxy,
} from "./server.js";
export { type ShutdownOptions, type ShutdownReport, shutdownGracefully } from "./shutdown.js";
export { probeUpstream } from "./upstream/probe.js";
