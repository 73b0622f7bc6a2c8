/**
 * The request loop every method goes through: pace (rate limiter), send (ky), time out, read the body,
 * map errors, retry where safe, and parse the envelope and `data`. ky does the HTTP; its own retries and
 * HTTP-error throwing are off because the rules here (idempotency keys, `meta.retryAfter`, a ceiling on
 * waits, one timeout per attempt that also covers the body) are not ky's. With a response cache, GETs
 * may be answered without sending and writes invalidate it (see cache-flow.ts).
 * @module
 */
import ky, { type KyInstance } from "ky";
import type { z } from "zod";
import type { CacheStatus, ResponseCache } from "../cache/response-cache.js";
import { collectUnknownValues } from "../schema/unknown-values.js";
import { cachedGet, invalidatingWrite, type RawResponse } from "./cache-flow.js";
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
import { keyedLimiter, type RateLimiter } from "./rate-limiter.js";
import { redactHeaders, redactUrl, urlPath } from "./redact.js";
import { isRetryable, retryDelay, sleep } from "./retry.js";
import { UnknownValues } from "./unknown-values.js";
import { notifyWait } from "./wait.js";

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
  /**
   * `text` returns the raw 2xx body (CSV export); `document` a JSON document that may or may not be
   * wrapped in the envelope (OpenAPI specs); error bodies are always read as envelopes.
   */
  responseType?: "json" | "text" | "document" | undefined;
  /** A 2xx with no body (204, or empty) reads as `data: null` instead of failing: deletes. */
  allowEmpty?: boolean | undefined;
  /** `create` sends a fresh `Idempotency-Key` with a POST (unless the caller gave one). */
  idempotency?: IdempotencyMode | undefined;
}

/** A parsed 2xx response. */
export interface ApiResult<T> {
  data: T;
  meta: Record<string, unknown> | null;
  /** 200 (with empty `headers`) when served from the cache. */
  status: number;
  headers: Headers;
  /** Whether the response cache answered (`hit`, `stale`), was filled (`miss`) or not used (`bypass`). */
  cache: CacheStatus;
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
  /** Enum values the docs do not name, met while parsing this client's responses. */
  readonly unknownValues: UnknownValues;
  // Private, so that inspecting a client (console.log(tg)) cannot print the key.
  readonly #config: ResolvedClientOptions;
  readonly #ky: KyInstance;
  readonly #limiter: RateLimiter | undefined;

  constructor(config: ResolvedClientOptions) {
    this.#config = config;
    this.unknownValues = new UnknownValues(config.logger);
    this.#ky = ky.create({
      retry: 0,
      throwHttpErrors: false,
      timeout: false, // per-attempt timeout is ours: ky's stops at the headers and would not cover the body
    });
    this.#limiter =
      config.rateLimiter ?? (config.rateLimit ? keyedLimiter(config.apiKey, config.rateLimit) : undefined);
  }

  get config(): ResolvedClientOptions {
    return this.#config;
  }

  /**
   * Sends `spec` (with retries) and returns the parsed result, or throws a {@link TrackagoatError}.
   * GETs go through the response cache when one applies; writes invalidate it.
   */
  async request<T>(spec: RequestSpec<T>, options: RequestOptions = {}): Promise<ApiResult<T>> {
    checkRequestOptions(options);
    const url = this.buildUrl(spec.path, spec.query);
    const send = (signal: AbortSignal | undefined) => this.#exchange(spec, url, options, signal);
    const parse = (raw: RawResponse, cache: CacheStatus) => this.#parse(spec, url, raw, cache);
    const clientCache = this.#config.cache;
    const callCache = options.cache === undefined ? clientCache : options.cache || undefined;

    if (spec.method !== "GET") {
      // Invalidated even under `cache: false`: skipping it would leave entries the caller just outdated.
      const caches = new Set([clientCache, callCache].filter((c): c is ResponseCache => c !== undefined));
      const run = async () => parse(await send(options.signal), "bypass");
      if (caches.size === 0) return run();
      return invalidatingWrite(caches, { url, body: spec.body }, run, this.#config.logger);
    }
    // Text (CSV) is asked for with another Accept header, which the key does not cover: never cached.
    if (!callCache || spec.responseType === "text") return parse(await send(options.signal), "bypass");

    const { signal } = options;
    try {
      return await cachedGet({
        cache: callCache,
        key: callCache.key("GET", url, this.#config.apiKey),
        url,
        send,
        parse,
        dataOf: (result) => result.data,
        signal,
        log: this.#config.logger,
        shownUrl: this.#config.logger ? redactUrl(url) : "",
      });
    } catch (err) {
      // Leaving a shared request rejects with the signal's bare reason.
      if (signal?.aborted && !isTrackagoatError(err)) throw abortError(signal, "GET", url);
      throw err;
    }
  }

  /** One logical call: pace, send, retry where safe. Resolves with the 2xx response, unparsed. */
  async #exchange<T>(
    spec: RequestSpec<T>,
    url: string,
    options: RequestOptions,
    signal: AbortSignal | undefined,
  ): Promise<RawResponse> {
    const { method } = spec;
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
    const { onWait } = options;
    // `log?.debug(…)` skips evaluating its arguments (and the redaction work) when logging is off.
    const log = this.#config.logger;
    const shownUrl = log ? redactUrl(url) : "";

    for (let attempt = 1; ; attempt++) {
      if (signal?.aborted) throw abortError(signal, method, url);
      if (this.#limiter) {
        const waitMs = onWait ? (this.#limiter.waitMs?.() ?? 0) : 0;
        if (waitMs > 0) notifyWait(onWait, { reason: "rate_limit", seconds: waitMs / 1000, attempt }, log);
        // An abort becomes our AbortError; anything else an injected limiter refuses with (a shared budget
        // that is spent, say) reaches the caller as it is, so it can answer with the limiter's own reason.
        await this.#limiter
          .acquire(signal)
          .catch((err: unknown) => Promise.reject(signal?.aborted ? abortError(signal, method, url) : err));
      }
      this.requestCount++;
      options.onRequest?.();
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
        if (response.ok) {
          const requestId = response.headers.get("x-request-id") ?? undefined;
          return { status: response.status, headers: response.headers, text, requestId };
        }
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
      notifyWait(
        onWait,
        {
          reason: "retry",
          seconds: delay / 1000,
          ...(error.status === undefined ? {} : { status: error.status }),
          error: error.name,
          attempt: attempt + 1,
        },
        log,
      );
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

  #parse<T>(spec: RequestSpec<T>, url: string, raw: RawResponse, cache: CacheStatus): ApiResult<T> {
    const base = { status: raw.status, headers: raw.headers, cache };
    if (spec.responseType === "text") return { ...base, data: raw.text as T, meta: null };
    const ctx: ParseContext = { url, method: spec.method, status: raw.status, requestId: raw.requestId };
    if (spec.allowEmpty && raw.text.trim() === "")
      return { ...base, data: this.#read(spec, null, ctx), meta: null };
    const body = parseJson(raw.text, ctx);
    if (spec.responseType === "document" && !isEnvelope(body)) {
      return { ...base, data: this.#read(spec, body, ctx), meta: null };
    }
    const { data, meta } = readEnvelope(body, ctx);
    return { ...base, data: this.#read(spec, data, ctx), meta };
  }

  /** `data` through the spec's schema, recording enum values the docs do not name. */
  #read<T>(spec: RequestSpec<T>, data: unknown, ctx: ParseContext): T {
    const { schema } = spec;
    if (!schema) return data as T;
    const where = `${spec.method} ${urlPath(ctx.url)}`;
    return collectUnknownValues(
      (u) => this.unknownValues.record(u, where),
      () => parseData(schema, data, ctx),
    );
  }
}

function abortError(signal: AbortSignal | undefined, method: string, url: string): AbortError {
  return new AbortError(`The request was aborted (${method} ${urlPath(url)})`, {
    url,
    method,
    cause: signal?.reason,
  });
}

/** Whether a JSON body is the `{ data, error, meta }` envelope (a document could merely have a `data` key). */
function isEnvelope(body: unknown): boolean {
  return (
    typeof body === "object" &&
    body !== null &&
    !Array.isArray(body) &&
    "data" in body &&
    "error" in body &&
    Object.keys(body).every((k) => k === "data" || k === "error" || k === "meta")
  );
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
