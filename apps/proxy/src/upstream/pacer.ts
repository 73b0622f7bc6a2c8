/**
 * Upstream pacing per caller credential: the API allows each key 60 requests per rolling minute, and
 * everything this proxy sends with a key (pass-through misses, revalidations, derived workflows) is paced
 * under that one budget with core's {@link RollingWindowLimiter}. A request that would wait longer than
 * the caller's bound is refused with the honest wait instead of queueing, so the caller can serve stale or
 * answer 429. When upstream itself says 429, the key is held off until its `Retry-After` has passed:
 * hammering a limited key only extends the limit.
 *
 * With a {@link SharedBudget} (several instances on one Redis), the budget and the hold-offs live there,
 * so the instances together stay under the limit; while it cannot be reached, each instance paces on its
 * own (together they may then send up to their number times the limit, and upstream's 429s hold them off).
 * @module
 */
import { createHash } from "node:crypto";
import { type RateLimitOptions, RollingWindowLimiter } from "@goatkit/core";
import { NO_METRICS, type PacingSummary, type ProxyMetrics } from "../observability/metrics.js";
import type { SharedBudget } from "./shared-budget.js";

/** Admitted (a slot was taken: send now), or refused with the milliseconds a slot is still away. */
export type Admission = { admitted: true } | { admitted: false; retryAfterMs: number };

interface KeyBudget {
  limiter: RollingWindowLimiter | undefined;
  /** Upstream's own 429: nothing goes out with this key before then (monotonic ms). */
  heldUntil: number;
  /** The shared budget's last refusal: no slot expected before then (monotonic ms). */
  sharedUntil: number;
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
  readonly #shared: SharedBudget | undefined;
  /** Whether the shared budget failed last time (then pacing is local until it answers again). */
  #sharedDown = false;

  /**
   * `false`: no pacing of our own (e.g. a sandbox without limits); upstream 429s still hold a key off.
   * `metrics` hears of every wait and refusal. `shared`: the budget several instances share.
   */
  constructor(
    options: RateLimitOptions | false,
    now: () => number = () => performance.now(),
    metrics: ProxyMetrics = NO_METRICS,
    shared?: SharedBudget,
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
    this.#shared = shared;
  }

  /** Whether a shared budget is configured but could not be reached on the last try. */
  get sharedBudgetDown(): boolean {
    return this.#sharedDown;
  }

  /** Milliseconds a request with `credential` would wait now before it may go upstream (0: at once). */
  waitMs(credential: string): number {
    const budget = this.#budgets.get(budgetId(credential));
    if (!budget) return 0;
    const now = this.#now();
    return Math.max(budget.limiter?.waitMs() ?? 0, budget.heldUntil - now, budget.sharedUntil - now, 0);
  }

  /**
   * Takes a slot for `credential`, waiting at most `maxWaitMs`; refuses at once when the wait would be
   * longer. Resolves, never rejects.
   */
  async admit(credential: string, maxWaitMs: number): Promise<Admission> {
    if (this.#shared) {
      const shared = await this.#admitShared(this.#shared, credential, maxWaitMs);
      if (shared !== undefined) return shared;
    }
    return this.#admitLocal(credential, maxWaitMs);
  }

  /**
   * Takes a slot from the shared budget, waiting for one (polling, as the budget says when one frees)
   * at most `maxWaitMs`. Undefined when the shared budget cannot be reached: pace locally instead.
   */
  async #admitShared(
    shared: SharedBudget,
    credential: string,
    maxWaitMs: number,
  ): Promise<Admission | undefined> {
    const id = budgetId(credential);
    const started = this.#now();
    const giveUpAt = started + maxWaitMs;
    let waited = false;
    for (;;) {
      let result: Admission;
      try {
        result = await shared.take(id, this.#options);
        this.#sharedDown = false;
      } catch {
        this.#sharedDown = true;
        return undefined;
      }
      const budget = this.#budget(credential);
      if (result.admitted) {
        budget.sharedUntil = 0;
        if (waited) this.#metrics.pacerWait((this.#now() - started) / 1000);
        return result;
      }
      budget.sharedUntil = this.#now() + result.retryAfterMs;
      if (this.#now() + result.retryAfterMs > giveUpAt) {
        this.#metrics.pacerRefusal();
        return result;
      }
      // Instances polling for the same freed slot spread out a little; one wins, the others learn the next wait.
      waited = true;
      await sleep(result.retryAfterMs + Math.random() * 10);
    }
  }

  async #admitLocal(credential: string, maxWaitMs: number): Promise<Admission> {
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
      // With a shared budget, a key the shared window refused counts as spent here.
      const held = budget.heldUntil > now || budget.sharedUntil > now;
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
    this.#shared?.holdOff(budgetId(credential), ms).catch(() => {});
  }

  #budget(credential: string): KeyBudget {
    const id = budgetId(credential);
    let budget = this.#budgets.get(id);
    if (!budget) {
      if (this.#budgets.size >= MAX_IDLE_KEYS) this.#forgetIdle();
      const limiter =
        this.#options === false ? undefined : new RollingWindowLimiter(this.#options, this.#now);
      budget = { limiter, heldUntil: 0, sharedUntil: 0 };
      this.#budgets.set(id, budget);
    }
    return budget;
  }

  #forgetIdle(): void {
    const now = this.#now();
    for (const [id, budget] of this.#budgets) {
      const idle = (budget.limiter?.idle ?? true) && budget.heldUntil <= now && budget.sharedUntil <= now;
      if (idle) this.#budgets.delete(id);
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
