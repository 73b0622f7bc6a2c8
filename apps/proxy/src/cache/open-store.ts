/**
 * The `--cache` setting: `memory:` (in this process, gone on exit), `sqlite:<path>` (a file that survives
 * restarts and that several proxy processes on one machine can share) or `redis://host:port/db` (one
 * Redis shared by several proxy instances on any number of machines: cache, upstream budget, in-flight
 * lock and invalidations). Parsing is separate from opening, so a typo is a usage error (exit 2) and an
 * unopenable store a store error (exit 3).
 * @module
 */
import { type CacheStore, MemoryStore } from "@goatkit/core";
import { redactRedisUrl } from "./stores/redis-connection.js";
import { DEFAULT_REDIS_PREFIX, RedisStore } from "./stores/redis-store.js";
import { SqliteStore } from "./stores/sqlite-store.js";

export type CacheSpec =
  | { kind: "memory" }
  | { kind: "sqlite"; path: string }
  /** `url` without the `prefix` query parameter, which becomes `prefix`. */
  | { kind: "redis"; url: string; prefix: string };

/**
 * @example
 * parseCacheSpec("sqlite:./goatkit-proxy-cache.sqlite") // { kind: "sqlite", path: "./goatkit-proxy-cache.sqlite" }
 * parseCacheSpec("memory:")                              // { kind: "memory" }
 * parseCacheSpec("redis://10.0.0.5:6379/2?prefix=team-a:")
 * // { kind: "redis", url: "redis://10.0.0.5:6379/2", prefix: "team-a:" }
 */
export function parseCacheSpec(value: string): CacheSpec {
  if (value === "memory:" || value === "memory") return { kind: "memory" };
  if (value.startsWith("sqlite:")) {
    const path = value.slice("sqlite:".length);
    if (path === "")
      throw new TypeError("sqlite: needs a file path, e.g. sqlite:./goatkit-proxy-cache.sqlite");
    return { kind: "sqlite", path };
  }
  if (value.startsWith("redis://") || value.startsWith("rediss://")) return parseRedisSpec(value);
  // A URL of another scheme may still carry a password: it is not shown.
  const shown = URL.canParse(value) ? redactRedisUrl(value) : value;
  throw new TypeError(
    `expected memory:, sqlite:<path> or redis://host:port/db, got ${JSON.stringify(shown)}`,
  );
}

function parseRedisSpec(value: string): CacheSpec {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TypeError("a Redis URL looks like redis://host:port/db (rediss:// for TLS)");
  }
  if (url.hostname === "") throw new TypeError("a Redis URL needs a host, e.g. redis://127.0.0.1:6379/0");
  if (!/^\/?\d*$/.test(url.pathname))
    throw new TypeError(`the Redis URL's path is a database number, e.g. /0 (got ${url.pathname})`);
  const prefix = url.searchParams.get("prefix") ?? DEFAULT_REDIS_PREFIX;
  if (prefix === "") throw new TypeError("the Redis URL's prefix= must not be empty");
  url.searchParams.delete("prefix");
  return { kind: "redis", url: url.toString(), prefix };
}

/**
 * Opens the store; rejects with what the store says (a directory that does not exist, a file not
 * SQLite, a Redis that does not answer within a few seconds).
 */
export async function openStore(spec: CacheSpec): Promise<CacheStore> {
  if (spec.kind === "memory") return new MemoryStore();
  if (spec.kind === "sqlite") return new SqliteStore(spec.path);
  return RedisStore.connect(spec.url, { prefix: spec.prefix });
}

/** The spec as shown to people (a Redis password never is). */
export function describeCacheSpec(spec: CacheSpec): string {
  if (spec.kind === "memory") return "memory: (in process)";
  if (spec.kind === "sqlite") return `sqlite:${spec.path}`;
  const prefix = spec.prefix === DEFAULT_REDIS_PREFIX ? "" : ` (prefix ${spec.prefix})`;
  return `${redactRedisUrl(spec.url)}${prefix}`;
}
