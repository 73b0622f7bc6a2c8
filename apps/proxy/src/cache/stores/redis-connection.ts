/**
 * The proxy's connections to Redis (ioredis): settings chosen so that a Redis that goes away never holds a
 * request up. Commands fail at once while disconnected (no offline queue) and after a short timeout when
 * Redis stops answering; the client keeps reconnecting in the background (backoff capped at 2 s), so the
 * proxy recovers on its own when Redis comes back. Also how a Redis URL is shown: never with its password.
 * @module
 */
import { Redis, type RedisOptions } from "ioredis";

export interface RedisConnectOptions {
  /** How long the first connection may take before opening fails. Default 3 000 ms. */
  connectTimeoutMs?: number | undefined;
  /** A command with no answer after this fails (the proxy then carries on without the store). Default 1 000 ms. */
  commandTimeoutMs?: number | undefined;
}

/** The options every proxy connection uses (exported for the pub/sub connection and for tests). */
export function redisClientOptions(options: RedisConnectOptions = {}): RedisOptions {
  return {
    lazyConnect: true,
    // Fail fast instead of queueing while Redis is away: the request goes on without the store.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: options.commandTimeoutMs ?? 1_000,
    connectTimeout: options.connectTimeoutMs ?? 3_000,
    // Reconnect forever, soon at first, then every 2 s.
    retryStrategy: (attempt) => Math.min(50 * 2 ** attempt, 2_000),
  };
}

/**
 * Connects to `url` (`redis://[user:password@]host:port/db`, or `rediss://` for TLS) and resolves once
 * Redis answers; rejects with a message naming the address (never the password) when it cannot.
 */
export async function connectRedis(url: string, options: RedisConnectOptions = {}): Promise<Redis> {
  const redis = new Redis(url, redisClientOptions(options));
  // Without a listener, every failed reconnect attempt would be an unhandled 'error' event.
  redis.on("error", () => {});
  try {
    await redis.connect();
    await redis.ping();
    return redis;
  } catch (err) {
    redis.disconnect();
    const reason = err instanceof Error ? err.message : String(err);
    throw new Error(`cannot reach Redis at ${redactRedisUrl(url)}: ${redactPassword(reason, url)}`);
  }
}

/**
 * The URL without its password, for banners, logs and errors.
 *
 * @example
 * redactRedisUrl("redis://:s3cret@cache.internal:6379/2") // "redis://:***@cache.internal:6379/2"
 */
export function redactRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== "") parsed.password = "***";
    return parsed.toString();
  } catch {
    return "<invalid Redis URL>";
  }
}

function redactPassword(text: string, url: string): string {
  try {
    const password = decodeURIComponent(new URL(url).password);
    return password === "" ? text : text.split(password).join("***");
  } catch {
    return text;
  }
}
