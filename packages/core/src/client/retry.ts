/**
 * When to retry and how long to wait. Pure functions, so the rules are testable without a server.
 *
 * - 429 means the request was not executed: retried for every method.
 * - Connection errors, timeouts and 5xx may have executed it: retried for GET, PATCH and DELETE, and for
 *   POST only when it carries an `Idempotency-Key` (the server then replays instead of re-running).
 * - A server-given wait (`Retry-After` header, else `meta.retryAfter`) is honoured up to a ceiling;
 *   above it the client gives up rather than sleep for minutes (a daily quota says "until midnight").
 * - Otherwise exponential backoff: 0.5 s × 2^n, capped at 8 s, with up to 25 % jitter taken off.
 * @module
 */
import { ConnectionError, RateLimitError, ServerError, type TrackagoatError } from "./errors.js";

export const INITIAL_RETRY_DELAY_MS = 500;
export const MAX_RETRY_DELAY_MS = 8_000;

/** Whether a failed attempt may be sent again. */
export function isRetryable(error: TrackagoatError, method: string, hasIdempotencyKey: boolean): boolean {
  if (error instanceof RateLimitError) return true;
  if (error instanceof ConnectionError || error instanceof ServerError) {
    return method.toUpperCase() !== "POST" || hasIdempotencyKey;
  }
  return false;
}

/**
 * Parses a `Retry-After` value into milliseconds: delay-seconds (`"2"`, `"1.5"`) or an HTTP date.
 * Returns `undefined` for anything else, and never a negative number.
 *
 * @example
 * parseRetryAfter("2") // 2000
 * parseRetryAfter("Wed, 21 Oct 2026 07:28:00 GMT", Date.parse("2026-10-21T07:27:00Z")) // 60000
 */
export function parseRetryAfter(
  value: string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  if (value == null) return undefined;
  const trimmed = value.trim();
  if (trimmed === "") return undefined;
  if (/^[-+]?\d+(\.\d+)?$/.test(trimmed)) {
    const seconds = Number(trimmed);
    return seconds >= 0 ? seconds * 1000 : undefined;
  }
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * The backoff before retry number `retry` (0 for the first retry), without a server hint.
 *
 * @example
 * backoffDelay(0, () => 0) // 500
 * backoffDelay(5, () => 0) // 8000 (capped)
 */
export function backoffDelay(retry: number, random: () => number = Math.random): number {
  const base = Math.min(INITIAL_RETRY_DELAY_MS * 2 ** retry, MAX_RETRY_DELAY_MS);
  // Jitter spreads clients that failed together; taking it off (not adding) keeps the cap a real cap.
  return base * (1 - 0.25 * random());
}

/** The wait the server asked for, in ms: `Retry-After` first, else `meta.retryAfter` (seconds). */
export function serverRequestedDelay(
  headers: Headers | undefined,
  error: TrackagoatError,
): number | undefined {
  const fromHeader = parseRetryAfter(headers?.get("retry-after"));
  if (fromHeader !== undefined) return fromHeader;
  const fromMeta = error.meta?.retryAfter;
  return typeof fromMeta === "number" && Number.isFinite(fromMeta) && fromMeta >= 0
    ? fromMeta * 1000
    : undefined;
}

/**
 * How long to wait before retry number `retry`, or `undefined` to give up because the server asked
 * for longer than `maxRetryAfter` ms.
 */
export function retryDelay(
  error: TrackagoatError,
  headers: Headers | undefined,
  retry: number,
  maxRetryAfter: number,
  random: () => number = Math.random,
): number | undefined {
  const requested = serverRequestedDelay(headers, error);
  if (requested === undefined) return backoffDelay(retry, random);
  return requested <= maxRetryAfter ? requested : undefined;
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
