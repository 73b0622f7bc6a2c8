/**
 * Derived endpoints: one `GET /<workflow name>` per workflow of core's catalogue (generated from
 * `workflows`, so a workflow added to core appears here), plus `GET /openapi.json`. The query is
 * converted by the workflow's params JSON Schema and validated by its `parseParams` (400 `invalid_params`
 * naming the field); `format=json|markdown|csv` picks the rendering. Each run goes through a core client
 * for the caller's key on the proxy's own `ResponseCache` and rate limiter, so derived and pass-through
 * requests share cache entries and one upstream budget. `format=html` is a self-contained page of the same
 * report (src/html/), and `GET /reference` the interactive API reference. Mounted at `/goatkit/v1`.
 * @module
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { createHash } from "node:crypto";
import {
  createClient,
  isTrackagoatError,
  isWorkflowParamsError,
  type ParamsIssue,
  type RateLimiter,
  type ResponseCache,
  type TrackagoatClient,
  type TrackagoatError,
  type Workflow,
  WorkflowParamsError,
  workflowJsonSchemas,
  workflows,
} from "@goatkit/core";
import { CLIENT_CLOSED_REQUEST } from "@goatkit/server";
import { type Context, Hono } from "hono";
import { htmlErrorFrom } from "../html/error-page.js";
import { PAGE_CSP } from "../html/page.js";
import { renderReportHtml } from "../html/reports/index.js";
import { derivedOpenApi } from "./openapi.js";
import { FORMATS, type Format, type JsonSchema, queryToParams } from "./query-params.js";
import { type ReferenceRoutesOptions, referenceRoutes } from "./reference.js";

export interface DerivedRoutesOptions {
  /** trackagoat base URL ending in /api/v1. */
  upstream: string;
  /** Core's cache on the proxy's store: derived and pass-through requests share entries. */
  cache: ResponseCache;
  /** The proxy's shared upstream budget; without it, core's per-key pacing (60 a minute) applies. */
  rateLimiter?: RateLimiter;
  fetch?: typeof fetch;
  /** The API reference page's script (default: the installed `@scalar/api-reference` bundle). */
  reference?: ReferenceRoutesOptions;
}

/** Clients kept, one per key (by hash), least recently used dropped first. */
export const DERIVED_CLIENT_LIMIT = 256;
const MAX_RETRIES = 2;
/** Longest upstream `Retry-After` a run sleeps through; a longer one is the caller's 429 with that wait. */
const MAX_RETRY_AFTER_MS = 10_000;
const KEY_FORMAT = /^tga_[0-9a-f]{64}$/;
const RESERVED = new Set(["format"]);
const JSON_TYPE = "application/json; charset=UTF-8";

/** What one run cost, gathered through AsyncLocalStorage from the fetch and limiter every client shares. */
interface RunScope {
  requests: number;
  /** Why the proxy's limiter refused a slot, as the limiter said it. */
  refusal?: unknown;
}

export function derivedRoutes(options: DerivedRoutesOptions): Hono {
  const url = new URL(options.upstream); // throws on a malformed upstream, at start rather than per request
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new TypeError("upstream must be http(s)");
  const pool = new ClientPool(options);
  const app = new Hono();
  const openapi = JSON.stringify(derivedOpenApi());
  app.get("/openapi.json", () => new Response(openapi, { headers: { "content-type": JSON_TYPE } }));
  app.route("/", referenceRoutes(options.reference));
  for (const workflow of workflows as readonly Workflow[]) {
    const schema = workflowJsonSchemas(workflow).params as JsonSchema;
    app.get(`/${workflow.name}`, async (c) => {
      const res = await runWorkflow(c, workflow, schema, pool);
      // A page was asked for: a refusal is a small page too, with the same status, headers and code.
      const envelope = res.headers.get("content-type")?.startsWith("application/json");
      return !res.ok && envelope && asksForHtml(c) ? htmlErrorFrom(res) : res;
    });
  }
  return app;
}

/** `format=html`, given once (a repeated or unknown format is refused in JSON, the default). */
function asksForHtml(c: Context): boolean {
  const formats = c.req.queries("format");
  return formats?.length === 1 && formats[0] === "html";
}

async function runWorkflow(c: Context, workflow: Workflow, schema: JsonSchema, pool: ClientPool) {
  const apiKey = bearerKey(c.req.header("authorization"));
  if (typeof apiKey !== "string") return envelopeError(401, "invalid_api_key", apiKey.problem);
  const query = new URL(c.req.url).searchParams;
  const formats = query.getAll("format");
  const format = (formats.length === 0 ? "json" : formats[0]) as Format;
  const issues: ParamsIssue[] = [];
  if (formats.length > 1) issues.push({ path: "format", code: "invalid_type", message: "give format once" });
  else if (!FORMATS.includes(format)) {
    issues.push({ path: "format", code: "invalid_value", message: `expected one of ${FORMATS.join(", ")}` });
  }
  const params = queryToParams(query, schema, RESERVED);
  try {
    workflow.parseParams(params);
  } catch (err) {
    if (!isWorkflowParamsError(err)) throw err;
    issues.push(...err.issues);
  }
  if (issues.length > 0) return paramsError(new WorkflowParamsError(workflow.name, issues));

  const signal = c.req.raw.signal;
  const scope: RunScope = { requests: 0 };
  const started = performance.now();
  try {
    const client = pool.client(apiKey);
    const report = await pool.scoped(scope, () => workflow.run(client, params as never, { signal }));
    // The figure is core's (it counts a run's own requests through `onRequest`, per run, so concurrent runs
    // sharing this key's client do not count each other's); the header repeats it, never a second count.
    const counted = (report as { meta?: { request_count?: number } }).meta?.request_count;
    const headers = {
      "x-goatkit-requests": String(counted ?? scope.requests),
      "server-timing": `workflow;dur=${(performance.now() - started).toFixed(1)};desc="${workflow.name}"`,
      "cache-control": "private, no-store",
      vary: "Authorization",
    };
    return render(workflow, report, format, headers);
  } catch (err) {
    if (signal.aborted) return new Response(null, { status: CLIENT_CLOSED_REQUEST });
    if (isWorkflowParamsError(err)) return paramsError(err);
    // The proxy's limiter refused a slot: core passes its error on as it is (older cores made it an abort).
    if (scope.refusal !== undefined || (isTrackagoatError(err) && err.name === "AbortError"))
      return refusalError(scope.refusal ?? err);
    if (!isTrackagoatError(err)) throw err; // a bug: the server's error handler logs it and answers 500
    return upstreamError(err);
  }
}

function render(workflow: Workflow, report: unknown, format: Format, headers: Record<string, string>) {
  const r = report as never;
  if (format === "html") {
    return new Response(renderReportHtml(workflow, report), {
      headers: {
        ...headers,
        "content-type": "text/html; charset=utf-8",
        "content-security-policy": PAGE_CSP,
        "x-content-type-options": "nosniff",
      },
    });
  }
  if (format === "markdown") {
    return new Response(workflow.markdown(r), {
      headers: { ...headers, "content-type": "text/markdown; charset=utf-8" },
    });
  }
  if (format === "csv") {
    const day = String((report as { meta?: { generated_at?: unknown } }).meta?.generated_at ?? "").slice(
      0,
      10,
    );
    const filename = `${workflow.name}${/^\d{4}-\d{2}-\d{2}$/.test(day) ? `-${day}` : ""}.csv`;
    return new Response(workflow.csv(r), {
      headers: {
        ...headers,
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${filename}"`,
      },
    });
  }
  const body = JSON.stringify({ data: report, error: null, meta: null });
  return new Response(body, { headers: { ...headers, "content-type": JSON_TYPE } });
}

/** The key from `Authorization: Bearer tga_…`, or why there is none (never repeating what was sent). */
function bearerKey(header: string | undefined): string | { problem: string } {
  const expected = "send your trackagoat key as Authorization: Bearer tga_<64 lowercase hex>";
  if (!header) return { problem: `Missing API key: ${expected}` };
  const match = /^Bearer +(\S+) *$/i.exec(header);
  if (!match || !KEY_FORMAT.test(match[1]!))
    return { problem: `Malformed Authorization header: ${expected}` };
  return match[1]!;
}

function envelopeError(status: number, code: string, message: string, extra: Record<string, unknown> = {}) {
  const headers: Record<string, string> = { "content-type": JSON_TYPE };
  if (status === 401) headers["www-authenticate"] = 'Bearer realm="goatkit-proxy"';
  const retryAfter = extra.retryAfter;
  if (status === 429 && typeof retryAfter === "number") headers["retry-after"] = String(retryAfter);
  const body = JSON.stringify({ data: null, error: message, meta: { code, ...extra } });
  return new Response(body, { status, headers });
}

function paramsError(err: WorkflowParamsError) {
  return envelopeError(400, "invalid_params", err.message, { field: err.field, issues: err.issues });
}

/**
 * An upstream failure in the envelope: 4xx keep their status and `meta` (429 with `Retry-After`); 5xx become
 * 502 `upstream_error`, no answer 502 `upstream_unreachable`, a timeout 504, a malformed answer 502.
 */
function upstreamError(err: TrackagoatError) {
  const message = `Upstream: ${err.message}`;
  const status = err.status;
  if (err.name === "TimeoutError") return envelopeError(504, "upstream_timeout", message);
  if (err.name === "ResponseValidationError" || err.name === "PaginationError") {
    return envelopeError(502, "upstream_invalid_response", message);
  }
  if (err.name === "ConnectionError") return envelopeError(502, "upstream_unreachable", message);
  if (status === undefined) throw err; // configuration or an abort nobody asked for: a bug, answered 500
  if (status >= 500) {
    return envelopeError(502, "upstream_error", message, {
      upstream_status: status,
      ...(err.code ? { upstream_code: err.code } : {}),
    });
  }
  if (status === 429) {
    const retryAfter = (err as TrackagoatError & { retryAfter?: number }).retryAfter;
    return envelopeError(429, err.code ?? "rate_limit_exceeded", message, retryAfterMeta(retryAfter));
  }
  const meta = { ...(err.meta ?? {}) };
  delete meta.code;
  return envelopeError(status >= 400 ? status : 502, err.code ?? `upstream_${status}`, message, meta);
}

/**
 * The proxy's limiter refused a slot (budget spent, queue full), for this run or for a request it shared
 * with another: 429, with the limiter's Retry-After when its error carries one.
 */
function refusalError(refusal: unknown) {
  const retryAfter = (refusal as { retryAfter?: unknown } | null | undefined)?.retryAfter;
  const meta = retryAfterMeta(typeof retryAfter === "number" ? retryAfter : undefined);
  const when = meta.retryAfter === undefined ? "later" : `in ${meta.retryAfter} s`;
  return envelopeError(
    429,
    "rate_limit_exceeded",
    `The upstream request budget is spent; retry ${when}`,
    meta,
  );
}

function retryAfterMeta(seconds: number | undefined): { retryAfter?: number } {
  return seconds !== undefined && Number.isFinite(seconds) && seconds >= 0
    ? { retryAfter: Math.ceil(seconds) }
    : {};
}

/**
 * Core clients per key, found by a hash of the key (never the key itself), least recently used first out.
 * A client remembers what it learnt (e.g. that the API answers 410 on stats routes); every client shares
 * one fetch and one limiter wrapper that credit requests and refusals to the run in progress.
 */
class ClientPool {
  readonly #clients = new Map<string, TrackagoatClient>();
  readonly #scope = new AsyncLocalStorage<RunScope>();
  readonly #options: DerivedRoutesOptions;
  readonly #fetch: typeof fetch;
  readonly #limiter: RateLimiter | undefined;

  constructor(options: DerivedRoutesOptions) {
    this.#options = options;
    this.#fetch = (input, init) => {
      const scope = this.#scope.getStore();
      if (scope) scope.requests++;
      return (options.fetch ?? globalThis.fetch)(input, init);
    };
    const limiter = options.rateLimiter;
    this.#limiter = limiter && {
      acquire: (signal) =>
        limiter.acquire(signal).catch((err: unknown) => {
          const scope = this.#scope.getStore();
          if (scope && !signal?.aborted) scope.refusal ??= err;
          throw err;
        }),
      ...(limiter.waitMs ? { waitMs: () => limiter.waitMs?.() ?? 0 } : {}),
    };
  }

  scoped<T>(scope: RunScope, run: () => Promise<T>): Promise<T> {
    return this.#scope.run(scope, run);
  }

  client(apiKey: string): TrackagoatClient {
    const id = createHash("sha256").update("goatkit-proxy/derived-client\u0000").update(apiKey).digest("hex");
    let client = this.#clients.get(id);
    if (client) this.#clients.delete(id);
    else {
      // rateLimiter replaces core's per-key pacing; `rateLimit: false` with it would turn pacing off.
      client = createClient({
        apiKey,
        baseUrl: this.#options.upstream,
        cache: this.#options.cache,
        fetch: this.#fetch,
        maxRetries: MAX_RETRIES,
        maxRetryAfter: MAX_RETRY_AFTER_MS,
        ...(this.#limiter ? { rateLimiter: this.#limiter } : {}),
      });
    }
    this.#clients.set(id, client);
    if (this.#clients.size > DERIVED_CLIENT_LIMIT) this.#clients.delete(this.#clients.keys().next().value!);
    return client;
  }
}
