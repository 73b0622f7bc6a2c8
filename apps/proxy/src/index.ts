/**
 * goatkit-proxy, the team's caching gateway to the trackagoat API. Work in progress: the cache stores
 * come first (core's memory store and this SQLite store behind core's `CacheStore`); the server, routes,
 * gateway tokens and CLI follow.
 * @module
 */
export {
  DEFAULT_SQLITE_MAX_BYTES,
  SqliteStore,
  type SqliteStoreOptions,
} from "./cache/stores/sqlite-store.js";
