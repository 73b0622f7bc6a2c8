/**
 * What every tool of one server process shares: the core client (one per process, so its pacing
 * covers every call), the process's one response cache, the rate-limit estimate, and what the server
 * has learnt (the API generation). Built once by `createGoatkitMcpServer`.
 * @module
 */
import {
  type ClientOptions,
  createClient,
  createMemoryCache,
  type ResponseCache,
  RollingWindowLimiter,
  type TrackagoatClient,
} from "@goatkit/core";

/** The API's per-key budget, which the client paces itself under. */
export const RATE_WINDOW = { requests: 60, windowMs: 60_000 } as const;

export interface ServerContext {
  client: TrackagoatClient;
  /** One response cache per server process: a second question about the same project costs nothing (false: none). */
  cache: ResponseCache | false;
  /** This process's pacing limiter (null when pacing is off): the source of the rate-budget estimate. */
  limiter: RollingWindowLimiter | null;
  /** `as_of` for workflows that leave it out (the embedded sandbox's clock under `--demo --now`). */
  defaultAsOf: string | undefined;
  allowWrites: boolean;
  /** Which API generation answered, once a workflow or `orient` found out. */
  apiGeneration: "legacy" | "current" | null;
}

export interface ContextOptions {
  apiKey?: string | undefined;
  baseUrl?: string | undefined;
  /** `false` turns the client's pacing off (tests against a sandbox without limits). Default 60/min. */
  rateLimit?: false | undefined;
  maxRetries?: number | undefined;
  /** The process's response cache (default: in memory, 64 MiB); false for none. */
  cache?: ResponseCache | false | undefined;
  defaultAsOf?: string | undefined;
  allowWrites?: boolean | undefined;
  fetch?: ClientOptions["fetch"];
}

/** Throws core's `ConfigurationError` (no key, malformed key or URL) before anything is served. */
export function createContext(options: ContextOptions): ServerContext {
  const limiter = options.rateLimit === false ? null : new RollingWindowLimiter(RATE_WINDOW);
  const cache = options.cache ?? createMemoryCache({ maxBytes: 64 << 20 });
  const client = createClient({
    apiKey: options.apiKey,
    baseUrl: options.baseUrl,
    cache,
    ...(limiter ? { rateLimiter: limiter } : { rateLimit: false }),
    ...(options.maxRetries === undefined ? {} : { maxRetries: options.maxRetries }),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    // Retry-After waits longer than this come back to the agent as an error with the wait, instead
    // of a tool call that hangs.
    maxRetryAfter: 20_000,
  });
  return {
    client,
    cache,
    limiter,
    defaultAsOf: options.defaultAsOf,
    allowWrites: options.allowWrites ?? false,
    apiGeneration: null,
  };
}

/** The client's own estimate of the requests left in the current minute. */
export function rateBudget(ctx: ServerContext) {
  if (!ctx.limiter) {
    return {
      estimate: true as const,
      paced: false,
      requests_per_minute: null,
      used_last_minute: null,
      left_this_minute: null,
      note: "Client-side pacing is off in this server; the API still allows 60 requests per minute per key.",
    };
  }
  const used = ctx.limiter.inWindow;
  return {
    estimate: true as const,
    paced: true,
    requests_per_minute: RATE_WINDOW.requests,
    used_last_minute: used,
    left_this_minute: Math.max(0, RATE_WINDOW.requests - used),
    note:
      "An estimate: the API sends no rate-limit headers, so this counts only this server's own requests; " +
      "other programs using the same key spend the same budget. The server waits for a free slot rather " +
      "than hit the limit. Cache hits cost nothing.",
  };
}
