/**
 * Client and per-call options, their defaults, and the checks that run before any request: a missing
 * or malformed key fails here, with a message that says what is wrong without echoing the key.
 * @module
 */
import type { ResponseCache } from "../cache/response-cache.js";
import { ConfigurationError } from "./errors.js";
import { type Logger, resolveLogger } from "./logger.js";
import type { RateLimiter } from "./rate-limiter.js";
import { maskKey } from "./redact.js";
import type { OnWait } from "./wait.js";

export const DEFAULT_BASE_URL = "https://www.trackagoat.com/api/v1";
/** Sent as `User-Agent`; kept equal to package.json's version by a test. */
export const VERSION = "0.1.0";
export const DEFAULT_USER_AGENT = `goatkit/${VERSION} (+node)`;

/** The API's per-key limit is 60 requests per rolling minute; the client paces itself to that. */
export interface RateLimitOptions {
  requests: number;
  windowMs: number;
}

/** Options of {@link createClient}. Every field is optional. */
export interface ClientOptions {
  /** `tga_` + 64 lowercase hex. Default: `TRACKAGOAT_API_KEY`. */
  apiKey?: string | undefined;
  /** Default: `TRACKAGOAT_BASE_URL`, else `https://www.trackagoat.com/api/v1`. */
  baseUrl?: string | undefined;
  /** Retries after the first attempt (so 2 means up to 3 requests). Default 2. */
  maxRetries?: number | undefined;
  /** Milliseconds per attempt, covering connect, headers and body. Default 30 000. */
  timeout?: number | undefined;
  /** Longest `Retry-After` (ms) the client will sleep for; longer waits throw the `RateLimitError`. Default 60 000. */
  maxRetryAfter?: number | undefined;
  /** Client-side pacing, shared by every client using the same key in this process. Default 60 per 60 000 ms. */
  rateLimit?: RateLimitOptions | false | undefined;
  /**
   * A limiter to use instead of the per-key one (one budget across keys or processes). Called once per
   * HTTP attempt. `rateLimit: false` still turns pacing off; do not combine it with a `rateLimit` object.
   */
  rateLimiter?: RateLimiter | undefined;
  /** Serve GETs from this response cache and invalidate it on writes. Default: no cache. */
  cache?: ResponseCache | false | undefined;
  /** A `fetch` to use instead of the global one (tests, proxies, instrumentation). */
  fetch?: typeof globalThis.fetch | undefined;
  /** Default `goatkit/<version> (+node)`. */
  userAgent?: string | undefined;
  /** Receives debug lines (method, url, status, attempt, elapsed). The key is never in them. */
  logger?: Logger | undefined;
  /** `true` logs to stderr; so does the environment variable `TRACKAGOAT_LOG=debug`. */
  debug?: boolean | undefined;
}

/** Options accepted as the last argument of every method. */
export interface RequestOptions {
  /** Aborts the call: the request in flight, a rate-limit wait or a retry sleep. Never retried. */
  signal?: AbortSignal | undefined;
  /** Milliseconds per attempt for this call. */
  timeout?: number | undefined;
  /** Retries for this call. */
  maxRetries?: number | undefined;
  /** `Idempotency-Key` for a POST; creates get a fresh UUID per call when this is not given. */
  idempotencyKey?: string | undefined;
  /** The response cache for this call instead of the client's; `false` bypasses it (writes still invalidate the client's). */
  cache?: ResponseCache | false | undefined;
  /** Called before every wait: a rate-limit wait that is not immediate, and each retry backoff. */
  onWait?: OnWait | undefined;
  /**
   * Called once for every HTTP request actually sent for this call (retries included; not for a cache hit
   * or a joined in-flight request): what one piece of work cost when several share a client.
   */
  onRequest?: (() => void) | undefined;
}

/** Options after defaults and checks. */
export interface ResolvedClientOptions {
  apiKey: string;
  baseUrl: string;
  maxRetries: number;
  timeout: number;
  maxRetryAfter: number;
  rateLimit: RateLimitOptions | false;
  /** The injected limiter; `undefined` when none was given or `rateLimit` is `false`. */
  rateLimiter: RateLimiter | undefined;
  cache: ResponseCache | undefined;
  fetch: typeof globalThis.fetch | undefined;
  userAgent: string;
  logger: Logger | undefined;
}

const KEY_FORMAT = /^tga_[0-9a-f]{64}$/;

/** Applies defaults and environment variables, and rejects what cannot work. Throws {@link ConfigurationError}. */
export function resolveClientOptions(
  options: ClientOptions = {},
  env: Readonly<Record<string, string | undefined>> = processEnv(),
): ResolvedClientOptions {
  const fromOption = options.apiKey !== undefined;
  const apiKey = options.apiKey ?? env.TRACKAGOAT_API_KEY;
  checkKey(apiKey, fromOption ? "the apiKey option" : "TRACKAGOAT_API_KEY");

  return {
    apiKey,
    baseUrl: checkBaseUrl(options.baseUrl ?? env.TRACKAGOAT_BASE_URL ?? DEFAULT_BASE_URL),
    maxRetries: checkRetries(options.maxRetries ?? 2, "maxRetries"),
    timeout: checkPositive(options.timeout ?? 30_000, "timeout"),
    maxRetryAfter: checkPositive(options.maxRetryAfter ?? 60_000, "maxRetryAfter", true),
    rateLimit: checkRateLimit(options.rateLimit ?? { requests: 60, windowMs: 60_000 }),
    rateLimiter: checkRateLimiter(options),
    cache: checkCache(options.cache, "the cache option") || undefined,
    fetch: options.fetch,
    userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
    logger: resolveLogger(options, env),
  };
}

/** Checks per-call overrides; same rules as the client options. */
export function checkRequestOptions(options: RequestOptions): void {
  if (options.maxRetries !== undefined) checkRetries(options.maxRetries, "maxRetries");
  if (options.timeout !== undefined) checkPositive(options.timeout, "timeout");
  checkCache(options.cache, "the per-call cache option");
  if (options.onWait !== undefined && typeof options.onWait !== "function") {
    throw new ConfigurationError(`onWait must be a function, got ${typeof options.onWait}`);
  }
  if (options.onRequest !== undefined && typeof options.onRequest !== "function") {
    throw new ConfigurationError(`onRequest must be a function, got ${typeof options.onRequest}`);
  }
}

function checkRateLimiter(options: ClientOptions): RateLimiter | undefined {
  const { rateLimiter, rateLimit } = options;
  if (rateLimiter === undefined || rateLimit === false) return undefined;
  if (typeof rateLimiter?.acquire !== "function") {
    throw new ConfigurationError("rateLimiter must have an acquire(signal) method");
  }
  if (rateLimit !== undefined) {
    throw new ConfigurationError(
      "Pass either rateLimit (the built-in per-key limiter) or rateLimiter (your own), not both",
    );
  }
  return rateLimiter;
}

// Duck-typed rather than instanceof: two copies of the package in one process must still work together.
function checkCache(
  cache: ResponseCache | false | undefined,
  source: string,
): ResponseCache | false | undefined {
  if (cache === undefined || cache === false) return cache;
  const c = cache as Partial<ResponseCache> | null;
  if (typeof c?.lookup !== "function" || typeof c.save !== "function" || typeof c.coalesce !== "function") {
    throw new ConfigurationError(`${source} must be a ResponseCache (or false), got ${typeof cache}`);
  }
  return cache;
}

function checkKey(key: string | undefined, source: string): asserts key is string {
  if (key === undefined || key === "") {
    throw new ConfigurationError(
      "No trackagoat API key: pass createClient({ apiKey }) or set TRACKAGOAT_API_KEY. " +
        "Keys are created in trackagoat under Org settings → API keys.",
    );
  }
  if (KEY_FORMAT.test(key)) return;
  throw new ConfigurationError(
    `The API key from ${source} is malformed (${maskKey(key)}, ${key.length} characters): ${keyProblem(key)}. ` +
      'Expected "tga_" followed by 64 lowercase hex characters.',
  );
}

function keyProblem(key: string): string {
  if (key.trim() !== key) return "it has leading or trailing whitespace";
  if (/^bearer\s/i.test(key)) return 'it starts with "Bearer "; pass the key alone';
  if (!key.startsWith("tga_")) return 'it does not start with "tga_"';
  const rest = key.slice(4);
  if (rest.length !== 64) return `the part after "tga_" has ${rest.length} characters, not 64`;
  if (/^[0-9a-fA-F]+$/.test(rest)) return "it contains uppercase letters; keys are lowercase hex";
  return 'the part after "tga_" contains characters other than 0-9 and a-f';
}

function checkBaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigurationError(`baseUrl is not a URL: ${JSON.stringify(raw)}`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new ConfigurationError(`baseUrl must use http or https, got ${url.protocol}`);
  }
  if (url.search || url.hash) throw new ConfigurationError("baseUrl must not carry a query or a fragment");
  return url.toString().replace(/\/+$/, "");
}

function checkRetries(n: number, name: string): number {
  if (!Number.isInteger(n) || n < 0) throw new ConfigurationError(`${name} must be an integer ≥ 0, got ${n}`);
  return n;
}

function checkPositive(n: number, name: string, allowZero = false): number {
  if (!Number.isFinite(n) || n < 0 || (!allowZero && n === 0)) {
    throw new ConfigurationError(`${name} must be a positive number of milliseconds, got ${n}`);
  }
  return n;
}

function checkRateLimit(rl: RateLimitOptions | false): RateLimitOptions | false {
  if (rl === false) return false;
  if (!Number.isInteger(rl.requests) || rl.requests < 1) {
    throw new ConfigurationError(`rateLimit.requests must be an integer ≥ 1, got ${rl.requests}`);
  }
  return { requests: rl.requests, windowMs: checkPositive(rl.windowMs, "rateLimit.windowMs") };
}

function processEnv(): Readonly<Record<string, string | undefined>> {
  return typeof process === "undefined" ? {} : process.env;
}
