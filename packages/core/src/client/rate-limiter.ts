/**
 * Client-side pacing under the API's per-key limit (60 requests per rolling minute). A request that
 * would exceed the window waits for a free slot instead of collecting a 429. Clients created with the
 * same key in one process share one limiter, since the server counts per key, not per client.
 * @module
 */
import { createHash } from "node:crypto";
import type { RateLimitOptions } from "./options.js";

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
export class RollingWindowLimiter {
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

const shared = new Map<string, RollingWindowLimiter>();

/**
 * The limiter for this key and window in this process. The map is keyed by a SHA-256 of the key,
 * so the key itself is never kept around.
 */
export function sharedLimiter(apiKey: string, options: RateLimitOptions): RollingWindowLimiter {
  const id = `${createHash("sha256").update(apiKey).digest("hex")}:${options.requests}/${options.windowMs}`;
  let limiter = shared.get(id);
  if (!limiter) {
    limiter = new RollingWindowLimiter(options);
    shared.set(id, limiter);
  }
  return limiter;
}
