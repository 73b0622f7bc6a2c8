/**
 * One parity run's machinery: send a GET within the request budget (25, retries included), read the
 * answer as text, check its envelope and validate `data` with a strict reader, and keep what was found,
 * which routes were asked with what outcome, and what could not be checked.
 * @module
 */
import type { TrackagoatClient } from "../client/create-client.js";
import {
  AbortError,
  AuthenticationError,
  ConnectionError,
  isTrackagoatError,
  type TrackagoatError,
} from "../client/errors.js";
import { type StrictSchemaName, strictSchemas } from "../schema/strict.js";
import type { OnProgress } from "../workflows/progress.js";
import { collectDifferences, describeType, type Finding, findDifferences } from "./differences.js";
import { envelopeFindings, errorMetaFindings, type ListMeta } from "./envelope.js";
import type { NotChecked, ParityCheck, ParityDifference } from "./report.js";

/** Most HTTP requests one run sends, retries included. */
export const PARITY_REQUEST_BUDGET = 25;
/** An id no record has: asked once to see an error body. */
const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";

export interface ParityOptions {
  /** Aborts the run (the request in flight, a rate-limit wait). */
  signal?: AbortSignal | undefined;
  /** Called before each request (`phase: "fetch"`, `resource` = the route) and at the end (`done`). */
  onProgress?: OnProgress | undefined;
  /** The project whose records are sampled (default: the first one `GET /projects` lists). */
  projectId?: string | undefined;
}

export type Json = Record<string, unknown>;
type Answer =
  | { kind: "ok"; status: number; text: string }
  | { kind: "error"; status: number | null; error: TrackagoatError }
  | { kind: "skipped" };

export const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
export const firstId = (items: readonly unknown[] | null): string | undefined => {
  const first = items?.[0];
  return isObject(first) && typeof first.id === "string" ? first.id : undefined;
};

export class ParityRun {
  sent = 0;
  generation: "legacy" | "current" | "unknown" = "unknown";
  readonly differences: ParityDifference[] = [];
  readonly checks: ParityCheck[] = [];
  readonly notChecked: NotChecked[] = [];

  constructor(
    readonly client: TrackagoatClient,
    readonly options: ParityOptions,
  ) {}

  async get(route: string, path: string, query?: Json): Promise<Answer> {
    if (this.sent >= PARITY_REQUEST_BUDGET) return { kind: "skipped" };
    this.options.onProgress?.({ workflow: "parity", phase: "fetch", resource: route, requests: this.sent });
    const left = PARITY_REQUEST_BUDGET - this.sent;
    try {
      const res = await this.client.request<string>(
        { method: "GET", path, query, responseType: "text" },
        {
          signal: this.options.signal,
          cache: false,
          maxRetries: Math.max(0, Math.min(2, left - 1)),
          onRequest: () => {
            this.sent++;
          },
        },
      );
      return { kind: "ok", status: res.status, text: res.data };
    } catch (err) {
      // Nothing more can be learnt without a connection or a valid key, and an abort is the caller's.
      if (!isTrackagoatError(err) || err instanceof AbortError) throw err;
      if (err instanceof ConnectionError || err instanceof AuthenticationError) throw err;
      return { kind: "error", status: err.status ?? null, error: err };
    }
  }

  /** Validates a list answer; returns its items (null when it could not be read). */
  async list(
    route: string,
    schema: StrictSchemaName,
    path: string,
    query: Json | undefined,
    meta: ListMeta,
  ): Promise<Json[] | null> {
    const data = await this.#ask(route, schema, path, query, { list: meta });
    return Array.isArray(data) ? data.filter(isObject) : null;
  }

  /**
   * Validates a single-object answer; returns its data (null when it could not be read). `raw`: the
   * body may be the document itself rather than an envelope (OpenAPI documents).
   */
  async one(
    route: string,
    schema: StrictSchemaName,
    path: string,
    query?: Json,
    raw = false,
  ): Promise<Json | null> {
    const data = await this.#ask(route, schema, path, query, { raw });
    return isObject(data) ? data : null;
  }

  async #ask(
    route: string,
    schema: StrictSchemaName,
    path: string,
    query: Json | undefined,
    shape: { list?: ListMeta; raw?: boolean },
  ): Promise<unknown> {
    const answer = await this.get(route, path, query);
    if (answer.kind === "skipped") {
      this.skip(route, schema, `the request budget (${PARITY_REQUEST_BUDGET}) was spent`);
      return null;
    }
    if (answer.kind === "error") {
      this.#errorAnswer(route, schema, answer.status, answer.error);
      return null;
    }
    let body: unknown;
    try {
      body = JSON.parse(answer.text);
    } catch {
      const found: Finding = { kind: "envelope", path: "", expected: "a JSON envelope", example: "not JSON" };
      this.#record(route, schema, answer.status, [[found]], 0);
      return null;
    }
    // Spec documents (/analytics/schema) are served as they are, like every OpenAPI document.
    const raw = shape.raw === true && isObject(body) && !("data" in body && "error" in body);
    const envelope = raw ? [] : envelopeFindings(body, shape.list);
    const data = raw ? body : isObject(body) ? body.data : undefined;
    const itemSchema = strictSchemas[schema];
    let perItem: Finding[][];
    if (shape.list) {
      perItem = Array.isArray(data)
        ? data.map((item) => findDifferences(itemSchema, item))
        : [[{ kind: "type_mismatch", path: "", expected: "array", example: describeType(data) }]];
    } else {
      perItem = [findDifferences(itemSchema, data)];
    }
    const items = Array.isArray(data) ? data.length : 1;
    this.#record(route, schema, answer.status, perItem, items, envelope);
    if (shape.list && items === 0) {
      this.notChecked.push({ what: `Items of ${route}`, why: "the list was empty" });
    }
    return data;
  }

  #record(
    route: string,
    schema: string,
    status: number,
    perItem: Finding[][],
    items: number,
    envelope: Finding[] = [],
  ): void {
    const found = [
      ...(envelope.length ? collectDifferences(route, [envelope]) : []),
      ...(perItem.length ? collectDifferences(route, perItem) : []),
    ];
    this.differences.push(...found);
    this.checks.push({
      route,
      schema,
      status,
      outcome: found.length ? "differs" : "matches",
      items,
      note: null,
    });
  }

  #errorAnswer(route: string, schema: string, status: number | null, error: TrackagoatError): void {
    const code = typeof error.meta?.code === "string" ? error.meta.code : null;
    const envelope = errorMetaFindings(error, status === 410);
    if (status === 410) {
      this.generation = "current";
      if (envelope.length) this.differences.push(...collectDifferences(route, [envelope]));
      this.checks.push({
        route,
        schema: "error_envelope",
        status,
        outcome: envelope.length ? "differs" : "gone",
        items: 0,
        note: "410 Gone: this API is the current generation; the error body was checked instead",
      });
      return;
    }
    if (envelope.length) this.differences.push(...collectDifferences(route, [envelope]));
    const answered = `answered ${status ?? "no status"}${code ? ` ${code}` : ""}`;
    this.checks.push({ route, schema, status, outcome: "error", items: 0, note: answered });
    this.notChecked.push({ what: `The answers of ${route}`, why: answered });
  }

  skip(route: string, schema: string, why: string): void {
    this.checks.push({ route, schema, status: null, outcome: "skipped", items: 0, note: why });
    this.notChecked.push({ what: `The answers of ${route}`, why });
  }

  /** Asks for an id no record has and checks the error envelope that comes back. */
  async errorProbe(): Promise<void> {
    const route = "GET /analytics (unknown entity_id)";
    const answer = await this.get(route, "/analytics", {
      entity: "creator",
      entity_id: UNKNOWN_ID,
      metric: "views",
    });
    if (answer.kind === "skipped") {
      this.skip(route, "error_envelope", `the request budget (${PARITY_REQUEST_BUDGET}) was spent`);
      return;
    }
    if (answer.kind === "ok") {
      const found: Finding = {
        kind: "envelope",
        path: "",
        expected: "an error (404 not_found) for an id no record has",
        example: `status ${answer.status}`,
      };
      this.differences.push(...collectDifferences(route, [[found]]));
      this.checks.push({
        route,
        schema: "error_envelope",
        status: answer.status,
        outcome: "differs",
        items: 1,
        note: null,
      });
      return;
    }
    const envelope = errorMetaFindings(answer.error, false);
    if (envelope.length) this.differences.push(...collectDifferences(route, [envelope]));
    this.checks.push({
      route,
      schema: "error_envelope",
      status: answer.status,
      outcome: envelope.length ? "differs" : "matches",
      items: 1,
      note: `answered ${answer.status ?? "no status"}${answer.error.code ? ` ${answer.error.code}` : ""}`,
    });
  }
}
