import { describe, expect, it } from "vitest";
import {
  AbortError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  RateLimitError,
  ServerError,
  TimeoutError,
} from "./errors.js";
import { backoffDelay, isRetryable, parseRetryAfter, retryDelay, sleep } from "./retry.js";

describe("parseRetryAfter", () => {
  it("reads delay-seconds, decimals included", () => {
    expect(parseRetryAfter("2")).toBe(2000);
    expect(parseRetryAfter(" 0 ")).toBe(0);
    expect(parseRetryAfter("1.5")).toBe(1500);
  });

  it("reads an HTTP date relative to now, never negative", () => {
    const now = Date.parse("2026-10-21T07:27:00Z");
    expect(parseRetryAfter("Wed, 21 Oct 2026 07:28:00 GMT", now)).toBe(60_000);
    expect(parseRetryAfter("Wed, 21 Oct 2026 07:00:00 GMT", now)).toBe(0);
  });

  it("ignores missing and garbage values", () => {
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter("")).toBeUndefined();
    expect(parseRetryAfter("soon")).toBeUndefined();
    expect(parseRetryAfter("-3")).toBeUndefined();
  });
});

describe("backoffDelay", () => {
  it("doubles from 0.5 s and caps at 8 s", () => {
    const none = () => 0;
    expect([0, 1, 2, 3, 4, 5, 9].map((n) => backoffDelay(n, none))).toEqual([
      500, 1000, 2000, 4000, 8000, 8000, 8000,
    ]);
  });

  it("takes off at most 25 % as jitter", () => {
    expect(backoffDelay(0, () => 1)).toBe(375);
    expect(backoffDelay(4, () => 0.5)).toBe(7000);
  });
});

describe("isRetryable", () => {
  const rate = new RateLimitError("429");
  const server = new ServerError("500", { status: 500 });
  const conn = new ConnectionError("reset");
  const timeout = new TimeoutError("slow");

  it("retries 429 for every method", () => {
    for (const m of ["GET", "POST", "PATCH", "DELETE"]) expect(isRetryable(rate, m, false)).toBe(true);
  });

  it("retries connection errors, timeouts and 5xx except for a POST without a key", () => {
    for (const err of [server, conn, timeout]) {
      expect(isRetryable(err, "GET", false)).toBe(true);
      expect(isRetryable(err, "PATCH", false)).toBe(true);
      expect(isRetryable(err, "DELETE", false)).toBe(true);
      expect(isRetryable(err, "POST", false)).toBe(false);
      expect(isRetryable(err, "POST", true)).toBe(true);
    }
  });

  it("never retries client errors or aborts", () => {
    expect(isRetryable(new BadRequestError("400"), "GET", true)).toBe(false);
    expect(isRetryable(new ConflictError("409"), "GET", true)).toBe(false);
    expect(isRetryable(new AbortError("aborted"), "GET", true)).toBe(false);
  });
});

describe("retryDelay", () => {
  const none = () => 0;

  it("uses Retry-After over meta.retryAfter, and backoff without either", () => {
    const err = new RateLimitError("429", { meta: { retryAfter: 3 } });
    expect(retryDelay(err, new Headers({ "retry-after": "1" }), 0, 60_000, none)).toBe(1000);
    expect(retryDelay(err, new Headers(), 0, 60_000, none)).toBe(3000);
    expect(retryDelay(new RateLimitError("429"), undefined, 2, 60_000, none)).toBe(2000);
  });

  it("gives up (undefined) when the server asks for more than the ceiling", () => {
    const daily = new RateLimitError("429", { meta: { retryAfter: 40_000 } });
    expect(retryDelay(daily, undefined, 0, 60_000, none)).toBeUndefined();
    expect(retryDelay(daily, new Headers({ "retry-after": "61" }), 0, 60_000, none)).toBeUndefined();
    expect(retryDelay(daily, new Headers({ "retry-after": "60" }), 0, 60_000, none)).toBe(60_000);
  });
});

describe("sleep", () => {
  it("rejects as soon as the signal aborts", async () => {
    const c = new AbortController();
    const started = performance.now();
    setTimeout(() => c.abort(new Error("stop")), 20);
    await expect(sleep(5_000, c.signal)).rejects.toThrow("stop");
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
