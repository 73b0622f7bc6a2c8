/**
 * Every error the client throws, and the one factory that maps an HTTP error response to its class.
 * Branch on the class (or on `status` / `code`), never on the message text: messages are for humans.
 * @module
 */
import { redactSecrets, redactUrl, urlPath } from "./redact.js";

/** What every error may know about the request that failed. */
export interface ErrorInit {
  status?: number | undefined;
  code?: string | undefined;
  meta?: Readonly<Record<string, unknown>> | null | undefined;
  url?: string | undefined;
  method?: string | undefined;
  requestId?: string | undefined;
  cause?: unknown;
}

// A brand survives two copies of the package in one process, where `instanceof` does not.
const BRAND = Symbol.for("goatkit.TrackagoatError");

/**
 * Base class of every error thrown by the client.
 *
 * @example
 * try {
 *   await tg.creators.update(id, { readme: "…" });
 * } catch (err) {
 *   if (err instanceof NotFoundError) console.log("gone already");
 *   else if (isTrackagoatError(err)) console.log(err.status, err.code);
 *   else throw err;
 * }
 */
export class TrackagoatError extends Error {
  override readonly name: string = "TrackagoatError";
  /** HTTP status; `undefined` when no response arrived (connection, timeout, abort, configuration). */
  readonly status: number | undefined;
  /** `meta.code` of the error body, e.g. `limit_reached`; for legacy bodies without one, a bare code-like `error` string. */
  readonly code: string | undefined;
  /** The error body's `meta` as sent (`null` when the API sent none). */
  readonly meta: Readonly<Record<string, unknown>> | null;
  /** The request URL (never carries the key; user-info and key-like strings are stripped). */
  readonly url: string | undefined;
  readonly method: string | undefined;
  /** The `x-request-id` response header, when the server sends one: quote it to support. */
  readonly requestId: string | undefined;

  constructor(message: string, init: ErrorInit = {}) {
    super(redactSecrets(message), init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.code = init.code;
    this.meta = init.meta ?? null;
    this.url = init.url === undefined ? undefined : redactUrl(init.url);
    this.method = init.method;
    this.requestId = init.requestId;
    Object.defineProperty(this, BRAND, { value: true });
  }

  /** What `JSON.stringify(err)` gives: the fields, never the request headers. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      status: this.status,
      code: this.code,
      meta: this.meta,
      url: this.url,
      method: this.method,
      requestId: this.requestId,
    };
  }
}

/** Whether `value` is any error thrown by this client (also across duplicate copies of the package). */
export function isTrackagoatError(value: unknown): value is TrackagoatError {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}

/** 400: a bad query, body or path parameter (`invalid_query`, `invalid_body`, `invalid_params`). */
export class BadRequestError extends TrackagoatError {
  override readonly name: string = "BadRequestError";
}

/** 401: the key is missing, malformed, unknown, revoked or expired. Retrying will not help. */
export class AuthenticationError extends TrackagoatError {
  override readonly name: string = "AuthenticationError";
}

/** 402: a plan limit (`limit_reached`) or the analytics retention window (`retention_exceeded`). */
export class LimitReachedError extends TrackagoatError {
  override readonly name: string = "LimitReachedError";
  /** e.g. `max_creators_per_org` */
  readonly limitKey: string | undefined;
  readonly current: number | undefined;
  readonly max: number | undefined;
  constructor(message: string, init: ErrorInit = {}) {
    super(message, init);
    this.limitKey = stringField(init.meta, "limitKey");
    this.current = numberField(init.meta, "current");
    this.max = numberField(init.meta, "max");
  }
}

/** 403: the key lacks a scope (`insufficient_scope`), or the org or user is banned. */
export class PermissionError extends TrackagoatError {
  override readonly name: string = "PermissionError";
  /** The scope the route needs, e.g. `write`. */
  readonly required: string | undefined;
  /** The scopes the key has. */
  readonly granted: string[] | undefined;
  constructor(message: string, init: ErrorInit = {}) {
    super(message, init);
    this.required = stringField(init.meta, "required");
    const granted = init.meta?.granted;
    this.granted = Array.isArray(granted)
      ? granted.filter((g): g is string => typeof g === "string")
      : undefined;
  }
}

/** 404: absent, or belongs to another organization (the API does not tell the two apart). */
export class NotFoundError extends TrackagoatError {
  override readonly name: string = "NotFoundError";
}

/** 409: duplicate, state conflict (`handle_taken`, `circular_reference`, …) or `idempotency_key_reused`. */
export class ConflictError extends TrackagoatError {
  override readonly name: string = "ConflictError";
}

/** 410: the endpoint was removed; `replacement` names the route to use instead, when the API says. */
export class GoneError extends TrackagoatError {
  override readonly name: string = "GoneError";
  /** e.g. `/api/v1/analytics?entity=creator&entity_id=<id>` */
  readonly replacement: string | undefined;
  constructor(message: string, init: ErrorInit = {}) {
    super(message, init);
    this.replacement = stringField(init.meta, "replacement");
  }
}

/** 429: the per-key window or the org's daily quota. The request was not executed. */
export class RateLimitError extends TrackagoatError {
  override readonly name: string = "RateLimitError";
  /** Seconds to wait, from `Retry-After` or `meta.retryAfter`, when the API says. */
  readonly retryAfter: number | undefined;
  constructor(message: string, init: ErrorInit & { retryAfter?: number | undefined } = {}) {
    super(message, init);
    this.retryAfter = init.retryAfter ?? numberField(init.meta, "retryAfter");
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), retryAfter: this.retryAfter };
  }
}

/** 5xx: the server failed. Retried automatically where that is safe. */
export class ServerError extends TrackagoatError {
  override readonly name: string = "ServerError";
}

/** No response: DNS, refused or reset connection, socket closed mid-body. */
export class ConnectionError extends TrackagoatError {
  override readonly name: string = "ConnectionError";
}

/** No complete response within the per-attempt `timeout`. */
export class TimeoutError extends ConnectionError {
  override readonly name: string = "TimeoutError";
}

/** The caller's `signal` aborted the call. Never retried. */
export class AbortError extends TrackagoatError {
  override readonly name: string = "AbortError";
}

/** One way a response failed validation: a readable path (`data[3].follower_count`) and why. */
export interface ValidationIssue {
  path: string;
  message: string;
}

/** A 2xx response that is not JSON, has no `{ data, error, meta }` envelope, or whose `data` has the wrong shape. */
export class ResponseValidationError extends TrackagoatError {
  override readonly name: string = "ResponseValidationError";
  readonly issues: ValidationIssue[];
  constructor(message: string, init: ErrorInit & { issues?: ValidationIssue[] } = {}) {
    super(message, init);
    this.issues = init.issues ?? [];
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), issues: this.issues };
  }
}

/** Pagination cannot go on safely: a repeated cursor, `hasMore` without a cursor, or `toArray` past its `max`. */
export class PaginationError extends TrackagoatError {
  override readonly name: string = "PaginationError";
}

/** Bad client options (a missing or malformed key, a bad base URL …), thrown before any request. */
export class ConfigurationError extends TrackagoatError {
  override readonly name: string = "ConfigurationError";
}

/** Everything the factory needs to know about an HTTP error response. */
export interface ErrorResponse {
  status: number;
  /** The parsed JSON body, or `undefined` when the body was not JSON. */
  body: unknown;
  /** The raw body text, used in the message when there is no envelope. */
  text?: string | undefined;
  url: string;
  method: string;
  headers?: Headers | undefined;
}

/**
 * Builds the error for a non-2xx response: the class from the status, `code`/`meta` from the envelope.
 * Bodies without an envelope (an HTML page from a proxy, an empty 502) still give the status class.
 *
 * @example
 * const err = errorFromResponse({ status: 410, body, url, method: "GET" });
 * if (err instanceof GoneError) console.log(err.replacement);
 */
export function errorFromResponse(res: ErrorResponse): TrackagoatError {
  const envelope = isRecord(res.body) ? res.body : undefined;
  const meta = envelope && isRecord(envelope.meta) ? envelope.meta : null;
  const errorText = typeof envelope?.error === "string" ? envelope.error : undefined;
  const code =
    stringField(meta, "code") ?? (errorText && /^[a-z][a-z0-9_]*$/.test(errorText) ? errorText : undefined);
  const detail = errorText ?? describeBody(res.text);
  const path = urlPath(res.url);
  const message = `${res.status}${code ? ` ${code}` : ""}: ${detail} (${res.method} ${path})`;
  const init: ErrorInit = {
    status: res.status,
    code,
    meta,
    url: res.url,
    method: res.method,
    requestId: res.headers?.get("x-request-id") ?? res.headers?.get("request-id") ?? undefined,
  };
  switch (res.status) {
    case 400:
      return new BadRequestError(message, init);
    case 401:
      return new AuthenticationError(message, init);
    case 402:
      return new LimitReachedError(message, init);
    case 403:
      return new PermissionError(message, init);
    case 404:
      return new NotFoundError(message, init);
    case 409:
      return new ConflictError(message, init);
    case 410:
      return new GoneError(message, init);
    case 429:
      return new RateLimitError(message, { ...init, retryAfter: retryAfterSeconds(res.headers, meta) });
  }
  if (res.status >= 500) return new ServerError(message, init);
  return new TrackagoatError(message, init);
}

function retryAfterSeconds(headers: Headers | undefined, meta: Record<string, unknown> | null) {
  const header = headers?.get("retry-after");
  const seconds = header != null && header.trim() !== "" ? Number(header) : Number.NaN;
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : numberField(meta, "retryAfter");
}

function describeBody(text: string | undefined): string {
  const trimmed = text?.trim() ?? "";
  if (trimmed === "") return "empty response body";
  const snippet = trimmed.length > 120 ? `${trimmed.slice(0, 120)}…` : trimmed;
  return `response without a JSON envelope: ${JSON.stringify(snippet)}`;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function stringField(
  meta: Readonly<Record<string, unknown>> | null | undefined,
  key: string,
): string | undefined {
  const v = meta?.[key];
  return typeof v === "string" ? v : undefined;
}

function numberField(
  meta: Readonly<Record<string, unknown>> | null | undefined,
  key: string,
): number | undefined {
  const v = meta?.[key];
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}
