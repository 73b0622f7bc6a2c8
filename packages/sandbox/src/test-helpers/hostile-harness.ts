/**
 * The harness of the hostile-input property suite (`src/hostile/`): a sandbox that is rebuilt from a
 * pristine world whenever a run changed it, the route table (from the Hono app, with body schemas from
 * the served OpenAPI document), and `exec()`, which sends one generated request and checks, for every
 * response:
 *
 * - it is the API envelope `{ data, error, meta }` (errors: `data` null, an `error` string, `meta.code`),
 *   never a server error (only the documented 501 `not_implemented` is ≥ 500);
 * - an error response (≥ 400) changed no record (a digest of every collection, before and after);
 * - nothing was added to `Object.prototype` or `Array.prototype`;
 * - when the request did change the world, every list route still answers 200 with the envelope.
 *
 * A violation throws with the resolved request, the response and any error the server logged, so a
 * fast-check counterexample reads as a bug report. Seeds: `GOATKIT_FC_SEED` (default below) seeds every
 * property (mixed with the test's name); `GOATKIT_FC_RUNS` scales every run count.
 */
import fc from "fast-check";
import { createSandboxApp, type SandboxApp } from "../app.js";
import { type RunningSandbox, startSandbox } from "../server.js";
import { Collection } from "../state/collection.js";
import type { SandboxState } from "../state/sandbox-state.js";
import { generateWorld } from "../world/index.js";
import type { World } from "../world/types.js";
import {
  type BodySpec,
  type BodyValue,
  type CursorChoice,
  describeBody,
  fieldResource,
  type HostileRequest,
  type IdChoice,
  type IdRef,
  type JsonSchema,
  type KeyName,
  obj,
  parseTemplate,
  pct,
  type RouteInfo,
  writeJson,
} from "./hostile-arbitraries.js";
import { diffDigests, type WorldDigest, worldDigest } from "./world-digest.js";

export const NOW = "2026-03-31T12:00:00Z";
const API = "/api/v1";

// --- seeds and run counts ----------------------------------------------------------------------------

export const DEFAULT_SEED = 20_260_331;

function envInt(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n)) throw new Error(`${name} must be a number, got ${JSON.stringify(raw)}`);
  return n;
}

/** The base seed of every property (`GOATKIT_FC_SEED` overrides it). */
export const BASE_SEED = Math.trunc(envInt("GOATKIT_FC_SEED") ?? DEFAULT_SEED);
/** Multiplies every run count (`GOATKIT_FC_RUNS=10` for a long local soak). */
export const RUNS_FACTOR = envInt("GOATKIT_FC_RUNS") ?? 1;

export const runs = (n: number) => Math.max(1, Math.round(n * RUNS_FACTOR));

/** The seed of one property: the base seed mixed with the test's name (FNV-1a), so tests differ. */
export function seedFor(name: string): number {
  let h = 0x811c9dc5;
  for (const ch of name) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193);
  }
  return (h ^ BASE_SEED) | 0;
}

/** fast-check parameters: seeded, bounded in time (shrinking included), counterexample kept short. */
export function fcParams<Ts extends unknown[] = [HostileRequest]>(
  name: string,
  numRuns: number,
  timeLimitMs = 25_000,
): fc.Parameters<Ts> {
  return {
    seed: seedFor(name),
    numRuns: runs(numRuns),
    interruptAfterTimeLimit: timeLimitMs,
    markInterruptAsFailure: false,
    endOnFailure: false,
    verbose: 0,
  };
}

export function seedBanner(file: string): string {
  return `[hostile:${file}] fast-check base seed ${BASE_SEED} (override: GOATKIT_FC_SEED=<n>; runs ×${RUNS_FACTOR}: GOATKIT_FC_RUNS)`;
}

// --- a fresh world, cheaply ----------------------------------------------------------------------------

let pristineWorld: World | undefined;

/**
 * A copy of the pristine `tiny` world: record arrays deep-copied, the snapshot functions shared (they read
 * the record passed in and the generator's own stores, which the sandbox never writes).
 */
export function freshWorld(): World {
  pristineWorld ??= generateWorld({ seed: 42, scale: "tiny", now: NOW });
  const copy: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(pristineWorld)) {
    copy[name] = Array.isArray(value) ? structuredClone(value) : value;
  }
  return copy as unknown as World;
}

// --- sending -----------------------------------------------------------------------------------------

export interface ResolvedRequest {
  method: string;
  /** Path and query, from `/api/v1`. */
  target: string;
  headers: Record<string, string>;
  body: string | Uint8Array<ArrayBuffer> | undefined;
  bodySummary: string;
}

export interface SentResponse {
  status: number;
  contentType: string;
  text: string;
  json: unknown;
  /** What the server printed with console.error while answering (unexpected errors). */
  serverLog: string[];
}

type Transport = (request: Request) => Promise<Response>;

const clip = (s: string, max: number) =>
  s.length <= max ? s : `${s.slice(0, max)}…(${s.length.toLocaleString("en")} chars)`;

/** The two documents served as plain OpenAPI JSON, not the envelope (routes/spec.ts). */
const PLAIN_DOCUMENT_ROUTES = new Set(["GET /openapi.json", "GET /analytics/schema"]);

/** Envelope problems of one response (empty when it is fine). */
export function envelopeProblems(route: RouteInfo, method: string, res: SentResponse): string[] {
  const problems: string[] = [];
  const json = res.json as { data?: unknown; error?: unknown; meta?: unknown } | null;
  const code =
    json && typeof json === "object" && json.meta && typeof json.meta === "object"
      ? (json.meta as { code?: unknown }).code
      : undefined;
  if (res.status < 200 || res.status > 599) problems.push(`status ${res.status} is not a response status`);
  // A HEAD answer has no body to read the code from; 501 is only ever not_implemented.
  const notImplemented = res.status === 501 && (code === "not_implemented" || method === "HEAD");
  if (res.status >= 500 && !notImplemented) {
    problems.push(`status ${res.status}: a server error (only 501 not_implemented may be ≥ 500)`);
  }
  if (method === "HEAD") {
    // HEAD answers carry no body by definition: only the status can be checked.
    if (res.text !== "") problems.push("a HEAD response has a body");
    return problems;
  }
  const ownRoute = method === route.method && res.status >= 200 && res.status < 300;
  if (ownRoute && PLAIN_DOCUMENT_ROUTES.has(route.label)) {
    if (!json || typeof json !== "object" || typeof (json as { openapi?: unknown }).openapi !== "string") {
      problems.push("an OpenAPI document route answered 2xx without an OpenAPI document");
    }
    return problems;
  }
  if (ownRoute && route.label === "GET /analytics" && res.contentType.startsWith("text/csv")) {
    if (res.text.length === 0) problems.push("CSV analytics answered an empty body");
    return problems;
  }
  if (!res.contentType.includes("application/json"))
    problems.push(`content-type is "${res.contentType}", not JSON`);
  if (res.json === undefined) {
    problems.push(`body is not JSON: ${JSON.stringify(clip(res.text, 200))}`);
    return problems;
  }
  if (!json || typeof json !== "object" || Array.isArray(json)) {
    problems.push("body is not an envelope object");
    return problems;
  }
  const keys = Object.keys(json).sort().join(",");
  if (keys !== "data,error,meta") problems.push(`envelope keys are [${keys}], not [data,error,meta]`);
  if (res.status >= 400) {
    if (json.data !== null) problems.push("error envelope: data is not null");
    if (typeof json.error !== "string" || json.error === "")
      problems.push("error envelope: error is not a message");
    if (!json.meta || typeof json.meta !== "object" || Array.isArray(json.meta)) {
      problems.push("error envelope: meta is not an object");
    } else if (typeof code !== "string" || code === "") problems.push("error envelope: meta.code is missing");
  } else {
    if (json.error !== null) problems.push("success envelope: error is not null");
    if (json.meta !== null && (typeof json.meta !== "object" || Array.isArray(json.meta))) {
      problems.push("success envelope: meta is neither null nor an object");
    }
  }
  return problems;
}

const protoKeys = () =>
  [Object.prototype, Array.prototype, Function.prototype, String.prototype]
    .map((p) => Object.getOwnPropertyNames(p).sort().join(","))
    .join("|");
const PROTO_KEYS = protoKeys();

// --- the harness -------------------------------------------------------------------------------------

export class HostileFailure extends Error {
  override name = "HostileFailure";
}

interface Coverage {
  sent: number;
  /** Responses other than 401/403/404/405: the request got past auth, routing and id lookup. */
  reached: number;
  statuses: Map<number, number>;
}

export interface HarnessOptions {
  /** Serve over real HTTP (a `startSandbox` listener) instead of `app.fetch`. */
  http?: boolean;
  /** Never rebuild: successful writes accumulate across runs (for "lists survive a long session"). */
  keepState?: boolean;
}

type Live = { app: SandboxApp | RunningSandbox; transport: Transport; stop?: () => Promise<void> };

export class HostileHarness {
  routes: RouteInfo[] = [];
  /** GET routes with `limit`/`cursor` (OpenAPI), the ones checked after a change. */
  listRoutes: RouteInfo[] = [];
  readonly coverage = new Map<string, Coverage>();
  rebuilds = 0;
  sent = 0;
  /** Milliseconds spent per phase, for tuning the run counts. */
  readonly timing = { rebuild: 0, send: 0, digest: 0, lists: 0 };

  #live!: Live;
  #current!: WorldDigest;
  #dirty = true;
  #orgA = "";
  #orgB = "";

  private constructor(private readonly options: HarnessOptions) {}

  static async create(options: HarnessOptions = {}): Promise<HostileHarness> {
    const h = new HostileHarness(options);
    await h.rebuild();
    await h.loadRouteTable();
    await h.collectCursors();
    return h;
  }

  /** Real cursors by list route label (org A, first page of one item): the raw material of forgeries. */
  readonly cursors = new Map<string, string[]>();

  /**
   * One cursor per list route without path parameters, bare and per project. A cursor binds the org
   * and the list, not the instance, so they stay valid across rebuilds of the same world.
   */
  private async collectCursors(): Promise<void> {
    const projects = this.liveRecords("projects", "A");
    for (const route of this.listRoutes.filter((r) => r.segments.every((s) => s.kind === "static"))) {
      const found: string[] = [];
      for (const q of ["", ...projects.map((p) => `&project_id=${pct(String(p.id))}`)]) {
        const res = await this.send({
          method: "GET",
          target: `${API}${route.template}?limit=1${q}`,
          headers: { authorization: `Bearer ${this.keys.readWrite}` },
          body: undefined,
          bodySummary: "",
        });
        const next = (res?.json as { meta?: { nextCursor?: unknown } } | undefined)?.meta?.nextCursor;
        if (typeof next === "string") found.push(next);
      }
      if (found.length > 0) this.cursors.set(route.label, found);
    }
  }

  /** A cursor for `route`'s query: real, of this list or another, with its position forged as asked. */
  private cursorText(route: RouteInfo, choice: CursorChoice): string {
    const own = this.cursors.get(route.label) ?? [];
    const all = [...this.cursors.values()].flat();
    const pool = choice.sameList && own.length > 0 ? own : all;
    const cursor = pool[choice.pick % Math.max(1, pool.length)];
    if (!cursor) return "";
    if (!choice.t && choice.i === null) return cursor;
    let body: Record<string, BodyValue>;
    try {
      body = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as Record<string, BodyValue>;
    } catch {
      return cursor; // not the JSON the sandbox hands out today: send it unforged
    }
    const forged = obj([
      ...Object.entries(body).filter(([k]) => !(k === "t" && choice.t) && !(k === "i" && choice.i !== null)),
      ...(choice.t ? [["t", choice.t] as const] : []),
      ...(choice.i !== null ? [["i", choice.i] as const] : []),
    ]);
    return Buffer.from(writeJson(forged, () => "id")).toString("base64url");
  }

  get state(): SandboxState {
    return this.#live.app.state;
  }

  get keys() {
    return this.#live.app.keys;
  }

  /** A new sandbox on a fresh copy of the pristine world, with two annotations so their routes have ids. */
  async rebuild(): Promise<void> {
    const started = performance.now();
    await this.#live?.stop?.();
    const options = {
      world: freshWorld(),
      now: NOW,
      rateLimit: false as const,
      dailyQuota: false,
      logErrors: true,
    };
    if (this.options.http) {
      const sb = await startSandbox({ ...options, port: 0 });
      // Over the wire: the same Request, re-aimed at the listener (the path goes out byte for byte).
      const transport: Transport = async (req) => {
        const url = req.url.replace(/^http:\/\/sandbox\.test/, sb.origin);
        const body =
          req.method === "GET" || req.method === "HEAD" ? undefined : new Uint8Array(await req.arrayBuffer());
        return fetch(url, { method: req.method, headers: req.headers, body, redirect: "manual" });
      };
      this.#live = { app: sb, transport, stop: () => sb.stop() };
    } else {
      const sb = createSandboxApp(options);
      this.#live = { app: sb, transport: async (req) => sb.app.fetch(req) };
    }
    this.#orgA = this.state.apiKeys.get(this.keys.readWrite)!.org_id;
    this.#orgB = this.state.apiKeys.get(this.keys.orgB)!.org_id;
    const creator = this.liveRecords("creators", "A")[0];
    for (const body of [
      { date: "2026-03-20", label: "Launch" },
      { date: "2026-03-25", label: "Creator note", entity: "creator", entity_id: String(creator?.id) },
    ]) {
      const res = await this.#live.transport(
        new Request(`http://sandbox.test${API}/analytics/annotations`, {
          method: "POST",
          headers: { authorization: `Bearer ${this.keys.readWrite}`, "content-type": "application/json" },
          body: JSON.stringify(body),
        }),
      );
      if (res.status !== 201) throw new Error(`fixture annotation: ${res.status} ${await res.text()}`);
    }
    this.#current = worldDigest(this.state);
    this.#dirty = false;
    this.rebuilds++;
    this.timing.rebuild += performance.now() - started;
  }

  async stop(): Promise<void> {
    await this.#live?.stop?.();
  }

  /** Routes from the app's route table; body schemas and list routes from the served OpenAPI document. */
  private async loadRouteTable(): Promise<void> {
    // Routes are fixed at construction, so an in-process app has the same table as a listener's.
    const app =
      "app" in this.#live.app ? this.#live.app.app : createSandboxApp({ world: freshWorld(), now: NOW }).app;
    const seen = new Set<string>();
    const table: Array<{ method: string; template: string }> = [];
    for (const r of app.routes) {
      if (r.method === "ALL" || !r.path.startsWith(`${API}/`)) continue;
      const template = r.path.slice(API.length);
      const k = `${r.method} ${template}`;
      if (seen.has(k)) continue;
      seen.add(k);
      table.push({ method: r.method, template });
    }
    const res = await this.#live.transport(
      new Request(`http://sandbox.test${API}/openapi.json`, {
        headers: { authorization: `Bearer ${this.keys.readOnly}` },
      }),
    );
    const doc = (await res.json()) as { paths: Record<string, Record<string, OpenApiOperation>> };
    const ops = new Map<string, OpenApiOperation>();
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [m, op] of Object.entries(methods)) ops.set(`${m.toUpperCase()} ${path}`, op);
    }
    this.openApiLabels = [...ops.keys()];
    this.routes = table.map(({ method, template }) => {
      const bare = parseTemplate(method, template);
      const schema = ops.get(bare.label)?.requestBody?.content?.["application/json"]?.schema;
      return parseTemplate(method, template, schema, ops.has(bare.label));
    });
    this.listRoutes = this.routes.filter(
      (r) =>
        r.method === "GET" &&
        (ops.get(r.label)?.parameters ?? []).some((p) => p.in === "query" && p.name === "limit"),
    );
  }

  /** `METHOD /path` of every operation in the OpenAPI document. */
  openApiLabels: string[] = [];

  // --- ids --------------------------------------------------------------------------------------------

  /** The collection a route segment or field stem names ("payout-methods", "assignments", "creators"). */
  collectionFor(resource: string): Collection<Record<string, unknown>> | null {
    const camel = resource.replace(/[-_]([a-z])/g, (_m, c: string) => c.toUpperCase());
    const fields = Object.entries(this.state).filter(([, v]) => v instanceof Collection) as Array<
      [string, Collection<Record<string, unknown>>]
    >;
    const exact = fields.find(([name]) => name === camel);
    if (exact) return exact[1];
    const suffix = camel.charAt(0).toUpperCase() + camel.slice(1);
    const bySuffix = fields.filter(([name]) => name.endsWith(suffix));
    return bySuffix.length === 1 ? bySuffix[0]![1] : null;
  }

  private orgOf(record: Record<string, unknown>, depth = 0): string | undefined {
    const direct = record.org_id ?? record._org_id;
    if (typeof direct === "string") return direct;
    if (depth > 1) return undefined;
    for (const [name, value] of Object.entries(record)) {
      const stem = fieldResource(name);
      if (!stem || typeof value !== "string" || name.endsWith("_ids")) continue;
      const parent = this.collectionFor(stem)?.get(value);
      const org = parent ? this.orgOf(parent, depth + 1) : undefined;
      if (org) return org;
    }
    return undefined;
  }

  /** Live (not soft-deleted) records of a collection in an org, in the collection's stable order. */
  liveRecords(resource: string, org: "A" | "B"): Array<Record<string, unknown>> {
    const orgId = org === "A" ? this.#orgA : this.#orgB;
    const collection = this.collectionFor(resource);
    const pools = collection
      ? [collection]
      : ["creators", "videos", "campaigns", "projects"].map((r) => this.collectionFor(r)!);
    return pools
      .flatMap((c) => [...c.values()])
      .filter((r) => r._deleted !== true && this.orgOf(r) === orgId);
  }

  private idOf(resource: string, record: Record<string, unknown>): string {
    const collection = this.collectionFor(resource);
    return collection ? collection.keyOf(record).id : String(record.id);
  }

  /** The id text of a choice: `where` decides how alterations and raw text are written. */
  private idText(resource: string, choice: IdChoice, where: "path" | "query" | "body"): string {
    if (choice.kind === "raw") return where === "body" ? decodeLoosely(choice.text) : choice.text;
    const records = this.liveRecords(resource, choice.org);
    const record = records[choice.pick % Math.max(1, records.length)];
    const id = record ? this.idOf(resource, record) : "no-such-record";
    const raw = (() => {
      switch (choice.alter) {
        case "none":
          return id;
        case "upper":
          return id.toUpperCase();
        case "suffix":
          return `${id}x`;
        case "truncate":
          return id.slice(0, -1);
        case "nul":
          return `${id}\u0000`;
      }
    })();
    return where === "body" ? raw : pct(raw);
  }

  /** Ids, path, query, headers and body of a generated request, against the live state. */
  resolve(req: HostileRequest): ResolvedRequest {
    const params = req.route.segments.filter((s) => s.kind === "param");
    const ids = params.map((p, i) => this.idText(p.resource, req.path.params[i]!, "path"));
    // A child record picked for a later parameter decides the parent earlier in the path, so
    // `/payout-structures/{id}/assignments/{assignmentId}` can name a real pair.
    for (let j = params.length - 1; j > 0; j--) {
      const child = req.path.params[j]!;
      if (child.kind !== "real" || child.alter !== "none") continue;
      const records = this.liveRecords(params[j]!.resource, child.org);
      const record = records[child.pick % Math.max(1, records.length)];
      if (!record) continue;
      for (let i = 0; i < j; i++) {
        const parent = this.collectionFor(params[i]!.resource);
        const link = Object.values(record).find((v) => typeof v === "string" && parent?.get(v));
        if (req.path.params[i]!.kind === "real" && typeof link === "string") ids[i] = pct(link);
      }
    }
    let k = 0;
    const path = req.route.segments
      .map((s) =>
        s.kind === "static" ? s.text : s.kind === "param" ? ids[k++]! : req.path.wildcard.join("/"),
      )
      .join("/");
    const query = req.query
      .map((p) => {
        if (p.value === null) return p.name;
        const value =
          typeof p.value === "string"
            ? p.value
            : p.value.kind === "cursor"
              ? this.cursorText(req.route, p.value)
              : this.idText(fieldResource(p.name) ?? "any", p.value, "query");
        return `${p.name}=${value}`;
      })
      .join("&");
    const target = `${API}${req.path.doubleSlash ? "/" : ""}/${path}${req.path.suffix}${query ? `?${query}` : ""}`;
    const headers: Record<string, string> = {};
    const auth = this.authHeader(req.key);
    if (auth !== null) headers.authorization = auth;
    if (req.idempotencyKey !== null) headers["idempotency-key"] = req.idempotencyKey;
    const canHaveBody = req.method !== "GET" && req.method !== "HEAD";
    const body = canHaveBody ? this.bodyOf(req.body) : undefined;
    if (canHaveBody && req.body.contentType !== null) headers["content-type"] = req.body.contentType;
    const size = body === undefined ? 0 : typeof body === "string" ? body.length : body.byteLength;
    return {
      method: req.method,
      target,
      headers,
      body,
      bodySummary: canHaveBody
        ? `${describeBody(req.body)} [${size.toLocaleString("en")} chars]`
        : `(none: ${req.method})`,
    };
  }

  private authHeader(key: KeyName): string | null {
    switch (key) {
      case "readWrite":
      case "readOnly":
      case "orgB":
      case "revoked":
        return `Bearer ${this.keys[key]}`;
      case "none":
        return null;
      case "malformed":
        return `Bearer tga_${"Z".repeat(64)}`;
    }
  }

  private bodyOf(body: BodySpec): string | Uint8Array<ArrayBuffer> | undefined {
    switch (body.kind) {
      case "none":
        return undefined;
      case "text":
        return body.text;
      case "bytes":
        return new Uint8Array(body.bytes);
      case "json":
        return writeJson(body.value, (ref: IdRef) => this.idText(ref.resource, ref.choice, "body"));
    }
  }

  // --- running ------------------------------------------------------------------------------------------

  /** Sends one request, collecting what the server logs with console.error meanwhile. */
  async send(resolved: ResolvedRequest): Promise<SentResponse | null> {
    const log: string[] = [];
    return captureServerLog(log, () => this.sendRaw(resolved, log));
  }

  /** Sends without capturing the log (the caller does, once for a whole batch). */
  private async sendRaw(resolved: ResolvedRequest, serverLog: string[]): Promise<SentResponse | null> {
    let request: Request;
    try {
      // Bytes, not a string: a string body would make fetch add `text/plain` when no type is given.
      const body =
        typeof resolved.body === "string" ? new TextEncoder().encode(resolved.body) : resolved.body;
      request = new Request(`http://sandbox.test${resolved.target}`, {
        method: resolved.method,
        headers: resolved.headers,
        body,
      });
    } catch {
      return null; // not expressible as a fetch Request (e.g. a header value fetch refuses): no client can send it
    }
    let response: Response;
    let text: string;
    try {
      response = await this.#live.transport(request);
      text = await response.text();
    } catch (err) {
      throw new HostileFailure(
        `the request threw instead of answering: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}\n${this.describeResolved(resolved)}`,
      );
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return {
      status: response.status,
      contentType: response.headers.get("content-type") ?? "",
      text,
      json,
      serverLog,
    };
  }

  describeResolved(r: ResolvedRequest): string {
    const headers = Object.entries(r.headers)
      .map(([k, v]) => `${k}: ${k === "authorization" ? clip(v, 16) : clip(v, 60)}`)
      .join("; ");
    return `  request: ${r.method} ${clip(r.target, 300)}\n  headers: ${headers}\n  body: ${r.bodySummary}`;
  }

  /**
   * Sends one generated request and checks every property of it; throws `HostileFailure` on a violation.
   * Skips (fc.pre) a request no fetch client could send.
   */
  async exec(req: HostileRequest): Promise<SentResponse> {
    if (this.#dirty && !this.options.keepState) await this.rebuild();
    const resolved = this.resolve(req);
    const before = this.#current;
    let t = performance.now();
    const res = await this.send(resolved);
    this.timing.send += performance.now() - t;
    fc.pre(res !== null);
    this.sent++;
    const problems = envelopeProblems(req.route, req.method, res);
    t = performance.now();
    const after = worldDigest(this.state);
    this.timing.digest += performance.now() - t;
    const changed = after.hash !== before.hash;
    if (res.status >= 400 && changed) {
      problems.push(
        `error response ${res.status} changed the world:\n${diffDigests(before, after).join("\n")}`,
      );
    }
    if (protoKeys() !== PROTO_KEYS)
      problems.push("a built-in prototype gained or lost properties (prototype pollution)");
    this.#current = after;
    if (changed || (req.method !== "GET" && res.status < 400) || req.idempotencyKey !== null)
      this.#dirty = true;
    this.count(req, res);
    if (problems.length === 0 && changed) {
      t = performance.now();
      const lists = await this.listProblems("quick");
      this.timing.lists += performance.now() - t;
      if (lists.length > 0)
        problems.push(`after this ${res.status} write, a list route broke:\n${lists.join("\n")}`);
    }
    if (problems.length > 0) {
      this.#dirty = true;
      throw new HostileFailure(this.report(problems, resolved, res));
    }
    this.last = { resolved, res };
    return res;
  }

  /**
   * Sends a batch at once (interleaving at every await of the handlers) and checks each response;
   * when every response is an error, the world must not have changed.
   */
  async execBatch(reqs: readonly HostileRequest[]): Promise<void> {
    if (this.#dirty && !this.options.keepState) await this.rebuild();
    const before = this.#current;
    const resolved = reqs.map((r) => this.resolve(r));
    // One capture around the whole batch: the log cannot be told apart per request anyway.
    const log: string[] = [];
    const responses = await captureServerLog(log, () =>
      Promise.all(resolved.map((r) => this.sendRaw(r, log))),
    );
    fc.pre(responses.every((r) => r !== null));
    const sent = responses as SentResponse[];
    this.sent += sent.length;
    const after = worldDigest(this.state);
    this.#current = after;
    const changed = after.hash !== before.hash;
    const problems: string[] = [];
    sent.forEach((res, i) => {
      const p = envelopeProblems(reqs[i]!.route, reqs[i]!.method, res);
      if (p.length > 0) problems.push(`request ${i + 1}: ${p.join("; ")}`);
      this.count(reqs[i]!, res);
    });
    if (changed && sent.every((res) => res.status >= 400)) {
      problems.push(
        `every response was an error, yet the world changed:\n${diffDigests(before, after).join("\n")}`,
      );
    }
    if (protoKeys() !== PROTO_KEYS)
      problems.push("a built-in prototype gained or lost properties (prototype pollution)");
    if (
      changed ||
      reqs.some((r, i) => (r.method !== "GET" && sent[i]!.status < 400) || r.idempotencyKey !== null)
    ) {
      this.#dirty = true;
    }
    if (problems.length === 0 && changed) {
      const lists = await this.listProblems("quick");
      if (lists.length > 0) problems.push(`after this batch, a list route broke:\n${lists.join("\n")}`);
    }
    if (problems.length > 0) {
      this.#dirty = true;
      const detail = resolved.map((r, i) => {
        const res = sent[i]!;
        const log = res.serverLog.length > 0 ? ` [server log: ${clip(res.serverLog.join(" | "), 200)}]` : "";
        return `#${i + 1}\n${this.describeResolved(r)}\n  response: ${res.status} ${clip(res.text, 200)}${log}`;
      });
      throw new HostileFailure(`${problems.join("\n")}\n${detail.join("\n")}`);
    }
  }

  /** The last request `exec` checked, resolved, with its response. */
  last: { resolved: ResolvedRequest; res: SentResponse } | null = null;

  /** `exec`, and the request must also be refused (≥ 400): `what` says what should have been refused. */
  async execRefused(req: HostileRequest, what: string): Promise<SentResponse> {
    const res = await this.exec(req);
    if (res.status < 400) {
      this.#dirty = true;
      throw new HostileFailure(
        this.report([`${what} was accepted (${res.status})`], this.last!.resolved, res),
      );
    }
    return res;
  }

  report(problems: string[], resolved: ResolvedRequest, res: SentResponse): string {
    const log = res.serverLog.length > 0 ? `\n  server log: ${clip(res.serverLog.join(" | "), 400)}` : "";
    return `${problems.join("\n")}\n${this.describeResolved(resolved)}\n  response: ${res.status} ${res.contentType} ${clip(res.text, 400)}${log}`;
  }

  private count(req: HostileRequest, res: SentResponse): void {
    if (req.method !== req.route.method) return;
    let c = this.coverage.get(req.route.label);
    if (!c) {
      c = { sent: 0, reached: 0, statuses: new Map() };
      this.coverage.set(req.route.label, c);
    }
    c.sent++;
    // 403 insufficient_scope for `admin` counts: no demo key has that scope, the scope check is the route.
    const meta = (res.json as { meta?: { code?: unknown; required?: unknown } } | undefined)?.meta;
    const adminOnly = res.status === 403 && meta?.code === "insufficient_scope" && meta.required === "admin";
    if (adminOnly || ![401, 403, 404, 405].includes(res.status)) c.reached++;
    c.statuses.set(res.status, (c.statuses.get(res.status) ?? 0) + 1);
  }

  /**
   * One line: requests, rebuilds and where the time went; with `GOATKIT_HOSTILE_VERBOSE=1`, also each
   * route's statuses (to see that the generators get past validation and sometimes succeed).
   */
  summary(): string {
    const ms = (n: number) => `${Math.round(n)} ms`;
    const { rebuild, send, digest, lists } = this.timing;
    const line = `${this.sent} requests, ${this.rebuilds} rebuilds; send ${ms(send)}, digest ${ms(digest)}, rebuild ${ms(rebuild)}, list checks ${ms(lists)}`;
    if (!process.env.GOATKIT_HOSTILE_VERBOSE) return line;
    const rows = [...this.coverage.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([label, c]) => {
        const statuses = [...c.statuses.entries()].sort(([a], [b]) => a - b).map(([st, n]) => `${st}×${n}`);
        return `  ${label.padEnd(58)} ${statuses.join(" ")}`;
      });
    return [line, ...rows].join("\n");
  }

  /** Routes of `labels` no request got past auth, routing and id lookup on. */
  unreached(labels: readonly string[]): string[] {
    return labels.filter((l) => (this.coverage.get(l)?.reached ?? 0) === 0);
  }

  /**
   * Every list route, first page (`quick`) or every page (`full`), bare and per org-A project for the
   * routes without path parameters, and for live records of the parameter's collection otherwise.
   */
  async listProblems(mode: "quick" | "full"): Promise<string[]> {
    const problems: string[] = [];
    const projects = this.liveRecords("projects", "A");
    for (const route of this.listRoutes) {
      const params = route.segments.filter((s) => s.kind === "param");
      const targets: string[] = [];
      if (params.length === 0) {
        targets.push(
          route.template,
          ...projects.map((p) => `${route.template}?project_id=${pct(String(p.id))}`),
        );
      } else if (params.length === 1) {
        const records = this.liveRecords(params[0]!.resource, "A").slice(0, mode === "quick" ? 2 : 40);
        for (const r of records)
          targets.push(route.template.replace(/:[A-Za-z0-9_]+/, pct(this.idOf(params[0]!.resource, r))));
      }
      for (const target of targets) {
        let cursor: string | null = null;
        for (let page = 0; page < (mode === "quick" ? 1 : 60); page++) {
          const sep = target.includes("?") ? "&" : "?";
          const url = `${API}${target}${sep}limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
          const resolved: ResolvedRequest = {
            method: "GET",
            target: url.slice(0),
            headers: { authorization: `Bearer ${this.keys.readWrite}` },
            body: undefined,
            bodySummary: "(none: GET)",
          };
          const res = await this.send({ ...resolved, target: url });
          if (!res) break;
          const envelope = envelopeProblems(route, "GET", res);
          const body = res.json as
            | { data?: unknown; meta?: { hasMore?: unknown; nextCursor?: unknown } }
            | undefined;
          if (res.status !== 200) envelope.unshift(`status ${res.status}, not 200`);
          else if (!Array.isArray(body?.data)) envelope.push("data is not an array");
          else if (typeof body?.meta?.hasMore !== "boolean") envelope.push("meta.hasMore is not a boolean");
          if (envelope.length > 0) {
            problems.push(
              `  GET ${clip(url, 200)}: ${envelope.join("; ")} — ${clip(res.text, 300)}${res.serverLog.length ? ` [server log: ${clip(res.serverLog.join(" | "), 300)}]` : ""}`,
            );
            break;
          }
          cursor =
            body?.meta?.hasMore === true && typeof body.meta.nextCursor === "string"
              ? body.meta.nextCursor
              : null;
          if (!cursor) break;
        }
      }
    }
    return problems;
  }
}

interface OpenApiOperation {
  parameters?: Array<{ name: string; in: string }>;
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

/**
 * Runs `f` with console.error redirected into `log` (the sandbox prints unexpected errors there), and
 * restores it after, whatever happens. Not reentrant: callers never nest it.
 */
async function captureServerLog<T>(log: string[], f: () => Promise<T>): Promise<T> {
  const original = console.error;
  console.error = (...args: unknown[]) => {
    log.push(
      args
        .map((a) => (a instanceof Error ? `${a.name}: ${a.message}` : typeof a === "string" ? a : String(a)))
        .join(" "),
    );
  };
  try {
    return await f();
  } finally {
    console.error = original;
  }
}

/** Raw URL text as the string a server would decode it to (invalid escapes kept as they are). */
function decodeLoosely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
