/**
 * The shared upstream budget on Redis: per budget id (a hash of the key, never the key), a sorted set of
 * send times over the rolling window (a sliding-window log, like core's `RollingWindowLimiter`, so the
 * limit means the same thing with one instance or several) and a hold-off key set after an upstream 429.
 * One Lua script checks and takes a slot atomically, on Redis's own clock, so instances whose clocks
 * disagree still share one window. The window is kept {@link EDGE_MARGIN_MS} longer than the limit's:
 * upstream counts a request when it arrives, a little after it was admitted here, and a slot freed at
 * the window's very edge could otherwise land inside upstream's window and cost a 429.
 * @module
 */
import { randomUUID } from "node:crypto";
import type { RateLimitOptions } from "@goatkit/core";
import type { Redis } from "ioredis";
import type { Admission } from "./pacer.js";
import type { SharedBudget } from "./shared-budget.js";

/**
 * KEYS: window set, hold key. ARGV: requests (0: no limit), window ms, a unique member.
 * Returns {1, 0} when a slot was taken, {0, ms until one frees} otherwise.
 */
const TAKE = `
local held = redis.call('PTTL', KEYS[2])
if held > 0 then return {0, held} end
local limit = tonumber(ARGV[1])
if limit == 0 then return {1, 0} end
local window = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) < limit then
  redis.call('ZADD', KEYS[1], now, ARGV[3])
  redis.call('PEXPIRE', KEYS[1], window)
  return {1, 0}
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return {0, tonumber(oldest[2]) + window - now + 1}
`;

/** KEYS: hold key. ARGV: ms. Extends the hold-off, never shortens it. */
const HOLD_OFF = `
if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[1]) then
  redis.call('SET', KEYS[1], '1', 'PX', ARGV[1])
end
return 1
`;

/** Extra length of the window, so requests admitted at its edge still arrive outside upstream's. */
export const EDGE_MARGIN_MS = 250;

interface Scripts {
  goatkitBudgetTake(
    window: string,
    hold: string,
    requests: number,
    windowMs: number,
    member: string,
  ): Promise<[number, number]>;
  goatkitBudgetHoldOff(hold: string, ms: number): Promise<number>;
}

/**
 * @example
 * const pacer = new UpstreamPacer(limit, undefined, metrics, new RedisBudget(store.redis, { prefix: store.prefix }));
 */
export class RedisBudget implements SharedBudget {
  readonly #redis: Redis;
  readonly #prefix: string;
  readonly #scripts: Scripts;

  constructor(redis: Redis, options: { prefix: string }) {
    this.#redis = redis;
    this.#prefix = options.prefix;
    redis.defineCommand("goatkitBudgetTake", { numberOfKeys: 2, lua: TAKE });
    redis.defineCommand("goatkitBudgetHoldOff", { numberOfKeys: 1, lua: HOLD_OFF });
    this.#scripts = redis as unknown as Scripts;
  }

  async take(id: string, limit: RateLimitOptions | false): Promise<Admission> {
    this.#check();
    const [taken, waitMs] = await this.#scripts.goatkitBudgetTake(
      `${this.#prefix}b:${id}`,
      `${this.#prefix}h:${id}`,
      limit === false ? 0 : limit.requests,
      limit === false ? 0 : Math.ceil(limit.windowMs) + EDGE_MARGIN_MS,
      randomUUID(),
    );
    return taken === 1 ? { admitted: true } : { admitted: false, retryAfterMs: Math.max(1, waitMs) };
  }

  async holdOff(id: string, ms: number): Promise<void> {
    this.#check();
    await this.#scripts.goatkitBudgetHoldOff(`${this.#prefix}h:${id}`, Math.max(1, Math.ceil(ms)));
  }

  #check(): void {
    if (this.#redis.status !== "ready") throw new Error(`Redis is not connected (${this.#redis.status})`);
  }
}
