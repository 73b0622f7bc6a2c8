/**
 * Client-side pacing under the API's per-key limit (60 requests per rolling minute). A request that
 * would exceed the window waits for a free slot instead of collecting a 429. Clients created with the
 * same key in one process share one limiter, since the server counts per key, not per client.
 * @module
 */
import { createHash } from "node:crypto";
import type { RateLimitOptions } from "./options.js";

/**
 * What the client needs from a limiter: `createClient({ rateLimiter })` takes any implementation, e.g.
 * one budget shared by several keys or processes.
 */
export interface RateLimiter {
  /** Resolves when the caller may send one request; rejects (with the signal's reason) if it aborts first. */
  acquire(signal?: AbortSignal): Promise<void>;
  /** Estimated milliseconds a new caller would wait; 0 when a slot is free now. Used for `onWait`. */
  waitMs?(): number;
}

interface Waiter {
  resolve: () => void;
  reject: (reason: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
}

/**
 * A rolling-window limiter: at most `requests` acquisitions in any `windowMs`. Waiters are served in
 * arrival order; an aborted waiter leaves the queue without using a slot.
 *
 * @example
 * const limiter = new RollingWindowLimiter({ requests: 60, windowMs: 60_000 });
 * await limiter.acquire(signal); // then send the request
 */
export class RollingWindowLimiter implements RateLimiter {
  readonly requests: number;
  readonly windowMs: number;
  /** Send times still inside the window, oldest first. */
  readonly #stamps: number[] = [];
  readonly #queue: Waiter[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #now: () => number;

  // A monotonic clock: a wall-clock jump must not open or close the window.
  constructor(options: RateLimitOptions, now: () => number = () => performance.now()) {
    this.requests = options.requests;
    this.windowMs = options.windowMs;
    this.#now = now;
  }

  /** Resolves when the caller may send one request; rejects with the signal's reason if it aborts first. */
  acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.#queue.length === 0 && this.#take()) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        signal,
        onAbort: () => {
          const i = this.#queue.indexOf(waiter);
          if (i >= 0) this.#queue.splice(i, 1);
          reject(signal?.reason);
          this.#schedule();
        },
      };
      signal?.addEventListener("abort", waiter.onAbort, { once: true });
      this.#queue.push(waiter);
      this.#schedule();
    });
  }

  /**
   * Estimated milliseconds until a caller arriving now would be let through, behind everyone queued.
   * Acquisition i happens when acquisition i − requests leaves the window (or now, if that one is older
   * than every stamp still held).
   */
  waitMs(): number {
    this.#prune();
    const now = this.#now();
    const times = [...this.#stamps];
    for (let i = 0; i <= this.#queue.length; i++) {
      const freedBy = times[times.length - this.requests];
      times.push(freedBy === undefined ? now : Math.max(now, freedBy + this.windowMs + 1));
    }
    return Math.max(0, times[times.length - 1]! - now);
  }

  /** Nothing in the window and nobody waiting: forgetting this limiter loses no state. */
  get idle(): boolean {
    return this.#queue.length === 0 && this.inWindow === 0;
  }

  /** How many requests were let through in the current window. */
  get inWindow(): number {
    this.#prune();
    return this.#stamps.length;
  }

  #prune(): void {
    const cutoff = this.#now() - this.windowMs;
    while (this.#stamps.length > 0 && this.#stamps[0]! <= cutoff) this.#stamps.shift();
  }

  #take(): boolean {
    this.#prune();
    if (this.#stamps.length >= this.requests) return false;
    this.#stamps.push(this.#now());
    return true;
  }

  #drain = (): void => {
    this.#timer = undefined;
    while (this.#queue.length > 0 && this.#take()) {
      const waiter = this.#queue.shift()!;
      waiter.signal?.removeEventListener("abort", waiter.onAbort);
      waiter.resolve();
    }
    this.#schedule();
  };

  #schedule(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#queue.length === 0) return;
    this.#prune();
    // The oldest stamp leaving the window frees the next slot.
    const oldest = this.#stamps[0];
    const wait = oldest === undefined ? 0 : Math.max(0, oldest + this.windowMs - this.#now() + 1);
    this.#timer = setTimeout(this.#drain, wait);
  }
}

/** Above this many keys, least recently used limiters are dropped even if busy (see `sharedLimiter`). */
export const MAX_SHARED_LIMITERS = 10_000;

/** LRU order: a key is moved to the end on every use. */
const shared = new Map<string, RollingWindowLimiter>();
let lastSweepAt = Number.NEGATIVE_INFINITY;

/**
 * The limiter for this key and window in this process. The map is keyed by a SHA-256 of the key,
 * so the key itself is never kept around.
 *
 * Idle limiters (nothing in the window, nobody queued) are forgotten, by a sweep at most once per
 * window (clamped to 10 ms – 1 s, so a sweep over many keys stays a small share of the time), so a
 * process that sees many keys does not keep one limiter per key forever: a fresh limiter behaves exactly
 * like an idle one. Clients look their limiter up on every request (see {@link keyedLimiter}), so a
 * forgotten one is never kept in use beside its replacement. Past {@link MAX_SHARED_LIMITERS} busy
 * ones go too, least recently used first: pacing for such a key restarts, the lesser evil next to
 * unbounded memory.
 */
export function sharedLimiter(apiKey: string, options: RateLimitOptions): RollingWindowLimiter {
  return limiterById(limiterId(apiKey, options), options);
}

/**
 * A {@link RateLimiter} for one key that finds the shared limiter at each call, so that the shared map
 * may forget idle limiters without splitting a key's budget between an old and a new one.
 */
export function keyedLimiter(apiKey: string, options: RateLimitOptions): RateLimiter {
  const id = limiterId(apiKey, options);
  return {
    acquire: (signal) => limiterById(id, options).acquire(signal),
    waitMs: () => limiterById(id, options).waitMs(),
  };
}

/** Limiters currently held by the shared map (for tests; not part of the public API). */
export function sharedLimiterCount(): number {
  return shared.size;
}

function limiterId(apiKey: string, options: RateLimitOptions): string {
  return `${createHash("sha256").update(apiKey).digest("hex")}:${options.requests}/${options.windowMs}`;
}

function limiterById(id: string, options: RateLimitOptions): RollingWindowLimiter {
  const now = performance.now();
  if (now - lastSweepAt >= Math.min(Math.max(options.windowMs, 10), 1_000)) {
    lastSweepAt = now;
    for (const [key, limiter] of shared) if (limiter.idle) shared.delete(key);
  }
  let limiter = shared.get(id);
  if (limiter) {
    shared.delete(id);
  } else {
    limiter = new RollingWindowLimiter(options);
    if (shared.size >= MAX_SHARED_LIMITERS) trimShared();
  }
  shared.set(id, limiter);
  return limiter;
}

// Drops a tenth at once, so that a process over the cap pays for a sweep once per thousand new keys.
function trimShared(): void {
  for (const [key, limiter] of shared) if (limiter.idle) shared.delete(key);
  const target = Math.floor(MAX_SHARED_LIMITERS * 0.9);
  for (const key of shared.keys()) {
    if (shared.size <= target) break;
    shared.delete(key);
  }
}
