/**
 * The two limiters of api-contract §1.6, after authentication: a daily quota per org
 * (`max_api_requests_per_day`, UTC day, Retry-After = seconds to midnight UTC) and a sliding window per
 * key (60/min by default, Retry-After = seconds until the oldest request leaves the window). Both answer
 * 429 `rate_limit_exceeded` with `meta.retryAfter` and a `Retry-After` header. Only accepted requests are
 * counted, so a client that honours Retry-After always gets through afterwards.
 */
import type { MiddlewareHandler } from "hono";
import { limitOf } from "../state/limits.js";
import { ApiError } from "./api-error.js";
import type { SandboxContext, SandboxEnv } from "./context.js";

export function rateLimited(
  retryAfter: number,
  message: string,
  extra: Record<string, unknown> = {},
): ApiError {
  return new ApiError(
    429,
    "rate_limit_exceeded",
    message,
    { retryAfter, ...extra },
    { "Retry-After": String(retryAfter) },
  );
}

export function rateLimit(ctx: SandboxContext): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    const { key, org } = c.get("auth");
    const { state } = ctx;
    const day = state.clock.today();
    const dailyMax = ctx.dailyQuota ? limitOf(org, "max_api_requests_per_day") : null;
    // Check the quota before taking a window slot, and take the quota only once the window accepted:
    // a request refused by one limiter must not be charged to the other.
    if (dailyMax !== null && state.apiRequestsToday.get(org.id, day) >= dailyMax) {
      throw rateLimited(state.clock.secondsToUtcMidnight(), "Rate limit exceeded", {
        limitKey: "max_api_requests_per_day",
        max: dailyMax,
      });
    }
    if (ctx.rateLimit) {
      const wait = state.keyWindows.hit(key.key, ctx.rateLimit.perMinute, state.clock.nowMs());
      if (wait !== null) throw rateLimited(wait, "Too many requests");
    }
    if (dailyMax !== null) state.apiRequestsToday.take(org.id, day, dailyMax);
    await next();
  };
}
