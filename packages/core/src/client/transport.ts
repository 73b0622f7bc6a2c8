/**
 * The request loop every method goes through: pace (rate limiter), send (ky), time out, read the body,
 * map errors, retry where safe, and parse the envelope and `data`. ky does the HTTP; its own retries and
 * HTTP-error throwing are off because the rules here (idempotency keys, `meta.retryAfter`, a ceiling on
 * waits, one timeout per attempt that also covers the body) are not ky's.
 * @module
 */
import ky, { type KyInstance } from "ky";
import type { z } from "zod";
import {
  AbortError,
  ConnectionError,
  errorFromResponse,
  isTrackagoatError,
  TimeoutError,
  type TrackagoatError,
} from "./errors.js";
import { type IdempotencyMode, idempotencyKeyFor } from "./idempotency.js";
import { checkRequestOptions, type RequestOptions, type ResolvedClientOptions } from "./options.js";
import { type ParseContext, parseData, parseJson, readEnvelope } from "./parse.js";
import { type RollingWindowLimiter, sharedLimiter } from "./rate-limiter.js";
import { redactHeaders, redactUrl, urlPath } from "./redact.js";
import { isRetryable, retryDelay, sleep } from "./retry.js";

export type HttpMethod = "GET" | "POST" | "PATCH" | "DELETE";

/** One logical call; the transport may send it several times. */
export interface RequestSpec<T> {
  method: HttpMethod;
  /** Path below the base URL, starting with `/`; ids already encoded (see `path` in resources/resource.ts). */
  path: string;
  /** Query parameters; `undefined` and `null` values are left out. */
  query?: object | undefined;
  /** JSON request body. */
  body?: unknown;
  /** Schema for the envelope's `data`. Without one, `data` is returned unchecked. */
  schema?: z.ZodType<T> | undefined;
  /** `text` returns the raw 2xx body (CSV export); error bodies are still read as envelopes. */
  responseType?: "json" | "text" | undefined;
  /** `create` sends a fresh `Idempotency-Key` with a POST (unless the caller gave one). */
  idempotency?: IdempotencyMode | undefined;
}

/** A parsed 2xx response. */
export interface ApiResult<T> {
  data: T;
  meta: Record<string, unknown> | null;
  status: number;
  headers: Headers;
}

/**
 * Sends requests for one client. Resources call {@link Transport.request}; nothing else talks HTTP.
 *
 * @example
 * const t = new Transport(resolveClientOptions({ apiKey }));
 * const { data } = await t.request({ method: "GET", path: "/projects", schema: z.array(Project) });
 */
export class Transport {
  /** HTTP requests actually sent by this client, retries included. */
  requestCount = 0;
  // Private, so that inspecting a client (console.log(tg)) cannot print the key.
  readonly #config: ResolvedClientOptions;
  readonly #ky: KyInstance;
  readonly #limiter: RollingWindowLimiter | undefined;

  constructor(config: ResolvedClientOptions) {
    this.#config = config;
    this.#ky = ky.create({
      retry: 0,
      throwHttpErrors: false,
      timeout: false, // per-attempt timeout is ours: ky's stops at the headers and would not cover the body
    });
    this.#limiter = config.rateLimit ? sharedLimiter(config.apiKey, config.rateLimit) : undefined;
  }

  get config(): ResolvedClientOptions {
    return this.#config;
  }

  /** Sends `spec` (with retries) and returns the parsed result, or throws a {@link TrackagoatError}. */
  async request<T>(spec: RequestSpec<T>, options: RequestOptions = {}): Promise<ApiResult<T>> {
    checkRequestOptions(options);
    const { method } = spec;
    const url = this.buildUrl(spec.path, spec.query);
    const idempotencyKey =
      method === "POST"
        ? idempotencyKeyFor(spec.idempotency ?? "none", options.idempotencyKey)
        : options.idempotencyKey;
    const headers: Record<string, string> = {
      accept: spec.responseType === "text" ? "text/csv, text/plain, application/json" : "application/json",
      authorization: `Bearer ${this.config.apiKey}`,
      "user-agent": this.config.userAgent,
    };
    if (idempotencyKey !== undefined) headers["idempotency-key"] = idempotencyKey;
    const maxRetries = options.maxRetries ?? this.config.maxRetries;
    const timeout = options.timeout ?? this.config.timeout;
    const { signal } = options;
    // `log?.debug(…)` skips evaluating its arguments (and the redaction work) when logging is off.
    const log = this.#config.logger;
    const shownUrl = log ? redactUrl(url) : "";

    for (let attempt = 1; ; attempt++) {
      if (signal?.aborted) throw abortError(signal, method, url);
      if (this.#limiter)
        await this.#limiter.acquire(signal).catch(() => Promise.reject(abortError(signal, method, url)));
      this.requestCount++;
      const started = performance.now();
      log?.debug(`→ ${method} ${shownUrl}`, {
        method,
        url: shownUrl,
        attempt,
        headers: redactHeaders(headers),
      });

      let error: TrackagoatError;
      let responseHeaders: Headers | undefined;
      try {
        const { response, text } = await this.#send(method, url, headers, spec.body, timeout, signal);
        if (log) {
          const elapsedMs = Math.round(performance.now() - started);
          log.debug(`← ${response.status} ${method} ${shownUrl} (${elapsedMs} ms)`, {
            method,
            url: shownUrl,
            status: response.status,
            attempt,
            elapsedMs,
          });
        }
        const ctx: ParseContext = {
          url,
          method,
          status: response.status,
          requestId: response.headers.get("x-request-id") ?? undefined,
        };
        if (response.ok) return this.#success(spec, response, text, ctx);
        error = errorFromResponse({
          status: response.status,
          body: tryJson(text),
          text,
          url,
          method,
          headers: response.headers,
        });
        responseHeaders = response.headers;
      } catch (err) {
        if (!(err instanceof ConnectionError)) throw err;
        log?.debug(`✕ ${method} ${shownUrl}: ${err.message}`, {
          method,
          url: shownUrl,
          attempt,
          elapsedMs: Math.round(performance.now() - started),
          error: err.name,
        });
        error = err;
      }

      if (attempt > maxRetries || !isRetryable(error, method, idempotencyKey !== undefined)) throw error;
      const delay = retryDelay(error, responseHeaders, attempt - 1, this.config.maxRetryAfter);
      if (delay === undefined) {
        log?.debug(
          `giving up: the server asked to wait longer than maxRetryAfter (${this.config.maxRetryAfter} ms)`,
        );
        throw error;
      }
      log?.debug(`retrying ${method} ${shownUrl} in ${Math.round(delay)} ms after ${error.name}`, {
        method,
        url: shownUrl,
        attempt,
        delayMs: Math.round(delay),
        reason: error.status ?? error.name,
      });
      await sleep(delay, signal).catch(() => Promise.reject(abortError(signal, method, url)));
    }
  }

  /** The absolute URL for a path and query (values stringified, `undefined`/`null` left out). */
  buildUrl(path: string, query?: object): string {
    const base = this.config.baseUrl + path;
    if (!query) return base;
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) {
      if (value !== undefined && value !== null) params.append(name, String(value));
    }
    const qs = params.toString();
    return qs === "" ? base : `${base}?${qs}`;
  }

  /** One attempt: response and full body within `timeout`, or a Connection/Timeout/Abort error. */
  async #send(
    method: HttpMethod,
    url: string,
    headers: Record<string, string>,
    body: unknown,
    timeout: number,
    signal: AbortSignal | undefined,
  ): Promise<{ response: Response; text: string }> {
    const timer = new AbortController();
    const handle = setTimeout(() => timer.abort(), timeout);
    try {
      const attemptSignal = signal ? AbortSignal.any([signal, timer.signal]) : timer.signal;
      const fetchImpl = this.#config.fetch ?? globalThis.fetch;
      const response = await this.#ky(url, {
        method,
        headers,
        ...(body === undefined ? {} : { json: body }),
        // The attempt's signal goes to fetch directly: handed to ky, it would be merged with ky's own
        // controller through AbortSignal.any on every request, which costs more than the rest of ky.
        fetch: (input, init) => fetchImpl(input, { ...init, signal: attemptSignal }),
      });
      return { response, text: await response.text() };
    } catch (cause) {
      if (isTrackagoatError(cause)) throw cause;
      if (signal?.aborted) throw abortError(signal, method, url);
      const where = `${method} ${urlPath(url)}`;
      if (timer.signal.aborted) {
        throw new TimeoutError(`No complete response within ${timeout} ms (${where})`, {
          url,
          method,
          cause,
        });
      }
      throw new ConnectionError(`Connection failed: ${describeCause(cause)} (${where})`, {
        url,
        method,
        cause,
      });
    } finally {
      clearTimeout(handle);
    }
  }

  #success<T>(spec: RequestSpec<T>, response: Response, text: string, ctx: ParseContext): ApiResult<T> {
    const base = { status: response.status, headers: response.headers };
    if (spec.responseType === "text") return { ...base, data: text as T, meta: null };
    const { data, meta } = readEnvelope(parseJson(text, ctx), ctx);
    return { ...base, data: spec.schema ? parseData(spec.schema, data, ctx) : (data as T), meta };
  }
}

function abortError(signal: AbortSignal | undefined, method: string, url: string): AbortError {
  return new AbortError(`The request was aborted (${method} ${urlPath(url)})`, {
    url,
    method,
    cause: signal?.reason,
  });
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function describeCause(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const inner = cause.cause instanceof Error ? cause.cause : undefined;
  const code = (inner as { code?: unknown } | undefined)?.code;
  return inner
    ? `${cause.message}: ${inner.message}${typeof code === "string" ? ` [${code}]` : ""}`
    : cause.message;
}
