/**
 * Upstream pacing per caller credential: the API allows each key 60 requests per rolling minute, and
 * everything this proxy sends with a key (pass-through misses, revalidations, derived workflows) is paced
 * under that one budget with core's {@link RollingWindowLimiter}. A request that would wait longer than
 * the caller's bound is refused with the honest wait instead of queueing, so the caller can serve stale or
 * answer 429. When upstream itself says 429, the key is held off until its `Retry-After` has passed:
 * hammering a limited key only extends the limit.
 * @module
 */
import { createHash } from "node:crypto";
import { type RateLimitOptions, RollingWindowLimiter } from "@goatkit/core";
import { NO_METRICS, type PacingSummary, type ProxyMetrics } from "../observability/metrics.js";

/** Admitted (a slot was taken: send now), or refused with the milliseconds a slot is still away. */
export type Admission = { admitted: true } | { admitted: false; retryAfterMs: number };

interface KeyBudget {
  limiter: RollingWindowLimiter | undefined;
  /** Upstream's own 429: nothing goes out with this key before then (monotonic ms). */
  heldUntil: number;
}

/** Keys above which idle budgets are forgotten (an idle budget and a new one behave the same). */
const MAX_IDLE_KEYS = 10_000;

/**
 * @example
 * const pacer = new UpstreamPacer({ requests: 60, windowMs: 60_000 });
 * const a = await pacer.admit(apiKey, 10_000);
 * if (!a.admitted) return tooManyRequests(a.retryAfterMs);
 */
export class UpstreamPacer {
  readonly #options: RateLimitOptions | false;
  readonly #budgets = new Map<string, KeyBudget>();
  readonly #now: () => number;
  readonly #metrics: ProxyMetrics;

  /**
   * `false`: no pacing of our own (e.g. a sandbox without limits); upstream 429s still hold a key off.
   * `metrics` hears of every wait and refusal.
   */
  constructor(
    options: RateLimitOptions | false,
    now: () => number = () => performance.now(),
    metrics: ProxyMetrics = NO_METRICS,
  ) {
    if (options !== false) {
      if (!Number.isSafeInteger(options.requests) || options.requests < 1)
        throw new RangeError(`rate limit requests must be a whole number ≥ 1, got ${options.requests}`);
      if (!Number.isFinite(options.windowMs) || options.windowMs <= 0)
        throw new RangeError(`rate limit windowMs must be > 0, got ${options.windowMs}`);
    }
    this.#options = options;
    this.#now = now;
    this.#metrics = metrics;
  }

  /** Milliseconds a request with `credential` would wait now before it may go upstream (0: at once). */
  waitMs(credential: string): number {
    const budget = this.#budgets.get(budgetId(credential));
    if (!budget) return 0;
    return Math.max(budget.limiter?.waitMs() ?? 0, budget.heldUntil - this.#now(), 0);
  }

  /**
   * Takes a slot for `credential`, waiting at most `maxWaitMs`; refuses at once when the wait would be
   * longer. Resolves, never rejects.
   */
  async admit(credential: string, maxWaitMs: number): Promise<Admission> {
    const wait = this.waitMs(credential);
    if (wait > maxWaitMs) {
      this.#metrics.pacerRefusal();
      return { admitted: false, retryAfterMs: wait };
    }
    const started = this.#now();
    const admitted = (): Admission => {
      if (wait > 0) this.#metrics.pacerWait((this.#now() - started) / 1000);
      return { admitted: true };
    };
    const budget = this.#budget(credential);
    const held = budget.heldUntil - this.#now();
    if (held > 0) await sleep(held);
    if (!budget.limiter) return admitted();
    // The estimate can be beaten by callers queueing at the same moment: the bound still holds.
    const signal = AbortSignal.timeout(Math.max(maxWaitMs, 1) + 50);
    try {
      await budget.limiter.acquire(signal);
      return admitted();
    } catch {
      this.#metrics.pacerRefusal();
      return { admitted: false, retryAfterMs: Math.max(budget.limiter.waitMs(), 1) };
    }
  }

  /**
   * The budgets now, aggregated over the keys in use (never per key: keys are secrets, and unbounded);
   * undefined without pacing of our own.
   */
  summary(): PacingSummary | undefined {
    if (this.#options === false) return undefined;
    const { requests, windowMs } = this.#options;
    const now = this.#now();
    let activeKeys = 0;
    let minRemaining = requests;
    for (const budget of this.#budgets.values()) {
      const held = budget.heldUntil > now;
      if (!held && (budget.limiter?.idle ?? true)) continue;
      activeKeys++;
      const remaining = held ? 0 : Math.max(0, requests - (budget.limiter?.inWindow ?? 0));
      minRemaining = Math.min(minRemaining, remaining);
    }
    return { activeKeys, minRemaining, limit: requests, windowSeconds: windowMs / 1000 };
  }

  /** Upstream answered 429 for `credential`: send nothing more with it for `ms`. */
  holdOff(credential: string, ms: number): void {
    if (!(ms > 0)) return;
    const budget = this.#budget(credential);
    budget.heldUntil = Math.max(budget.heldUntil, this.#now() + ms);
  }

  #budget(credential: string): KeyBudget {
    const id = budgetId(credential);
    let budget = this.#budgets.get(id);
    if (!budget) {
      if (this.#budgets.size >= MAX_IDLE_KEYS) this.#forgetIdle();
      const limiter =
        this.#options === false ? undefined : new RollingWindowLimiter(this.#options, this.#now);
      budget = { limiter, heldUntil: 0 };
      this.#budgets.set(id, budget);
    }
    return budget;
  }

  #forgetIdle(): void {
    const now = this.#now();
    for (const [id, budget] of this.#budgets) {
      if ((budget.limiter?.idle ?? true) && budget.heldUntil <= now) this.#budgets.delete(id);
    }
  }
}

// Domain-separated from the cache key's credential hash: the map never holds the key, nor a value that
// would also work as part of a cache key.
function budgetId(credential: string): string {
  return createHash("sha256").update("goatkit-proxy/pacer\u0000").update(credential).digest("hex");
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
