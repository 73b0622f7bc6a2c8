/**
 * The bookkeeping of one workflow run: the clock, caveats, notes read, requests spent, progress, and
 * which API generation answered. It builds the report's `meta`, so every workflow reports these the
 * same way. It holds no state beyond the run: what outlives it (the API generation) is kept on the
 * client the run was given.
 * @module
 */

import { addDays, type DayRange, type Instant, instantIso, instantMs } from "../analysis/dates.js";
import type { FreshnessSummary } from "../analysis/freshness.js";
import type { RequestOptions } from "../client/options.js";
import type { ApiGeneration, Note, ReportMeta } from "../reports/schema/meta.js";
import type { BuiltReport } from "./build/built-report.js";
import type { WorkflowRunOptions } from "./catalogue/define-workflow.js";
import { Caveats } from "./caveats.js";
import type { WorkflowClient } from "./client.js";
import { isGone, isRetentionExceeded } from "./fetch.js";
import type { OnProgress } from "./progress.js";

const MAX_NOTE_CHARS = 2000;

export class WorkflowRun {
  readonly caveats = new Caveats();
  readonly notes: Note[] = [];
  readonly asOfMs: number;
  readonly asOfIso: string;
  generation: ApiGeneration | null = null;
  /** Set once the API refused the baseline day (`from − 1`) as older than the plan's history. */
  #baselineOutOfReach = false;
  /** Requests this run sent, counted per request rather than from the client's total, so runs sharing a client do not count each other's. */
  #sent = 0;
  readonly #memo = new Map<string, Promise<unknown>>();
  readonly onProgress: OnProgress | undefined;
  readonly signal: AbortSignal | undefined;
  /** What every request of the run carries: the abort signal, the cache, and the wait reporter. */
  readonly requestOptions: RequestOptions;

  constructor(
    readonly client: WorkflowClient,
    readonly workflow: string,
    asOf: Instant | undefined,
    options: WorkflowRunOptions = {},
  ) {
    // The only place a workflow reads the wall clock: the analyses below take it as a parameter.
    const clock = asOf ?? new Date();
    this.asOfMs = instantMs(clock);
    this.asOfIso = instantIso(clock);
    this.onProgress = options.onProgress;
    this.signal = options.signal;
    this.requestOptions = {
      signal: options.signal,
      ...(options.cache === undefined ? {} : { cache: options.cache }),
      onRequest: () => {
        this.#sent++;
      },
      onWait: (w) =>
        this.onProgress?.({
          workflow: this.workflow,
          phase: "wait",
          seconds: Math.round(w.seconds * 10) / 10,
          reason: w.reason,
          requests: this.requests,
        }),
    };
  }

  get requests(): number {
    return this.#sent;
  }

  /** A page callback that reports fetch progress for `resource`. */
  pageProgress(resource: string): (pages: number, items: number) => void {
    return (pages, items) =>
      this.onProgress?.({
        workflow: this.workflow,
        phase: "fetch",
        resource,
        pages,
        items,
        requests: this.requests,
      });
  }

  /** Reports a phase change; an aborted run stops here rather than analyse data nobody waits for. */
  phase(phase: "analyse" | "done"): void {
    this.signal?.throwIfAborted();
    this.onProgress?.({ workflow: this.workflow, phase, requests: this.requests });
  }

  /** Runs `load` once per key during the run: a project's video list is fetched once, however many campaigns need it. */
  once<T>(key: string, load: () => Promise<T>): Promise<T> {
    let p = this.#memo.get(key) as Promise<T> | undefined;
    if (!p) {
      p = load();
      this.#memo.set(key, p);
    }
    return p;
  }

  /** Records an entity's notes; empty descriptions are skipped, long ones trimmed. */
  note(
    entity: Note["entity"],
    id: string,
    name: string | null,
    description: string | null | undefined,
  ): void {
    const text = description?.trim();
    if (!text || this.notes.some((n) => n.entity === entity && n.id === id)) return;
    this.notes.push({
      entity,
      id,
      name,
      description: text.length > MAX_NOTE_CHARS ? `${text.slice(0, MAX_NOTE_CHARS)}…` : text,
    });
  }

  /**
   * Calls a first-generation stats route, or — once any stats route has answered 410 — the
   * second-generation fallback. The switch is remembered for the rest of the run.
   */
  async stats<T>(legacy: () => Promise<T>, fallback: () => Promise<T>): Promise<T> {
    // The client remembers what an earlier run learned, so a second run skips the 410 probe.
    if (this.generation !== "current" && this.client.apiGeneration === "current") this.useCurrentGeneration();
    if (this.generation !== "current") {
      try {
        const value = await legacy();
        this.generation ??= "legacy";
        this.#remember("legacy");
        const missing = incompleteFields(value);
        if (missing.length === 0) return value;
        // Another documented shape (Part B, a bare series) lacks fields the figures need: never compute on
        // the placeholders the tolerant reader filled in; /analytics carries them on both generations.
        this.caveats.add(
          "stats_other_shape",
          `A stats route answered without ${missing.slice(0, 4).join(", ")}${missing.length > 4 ? ", …" : ""}; ` +
            "figures were rebuilt from /analytics series and the paginated lists instead.",
        );
        return fallback();
      } catch (err) {
        if (!isGone(err)) throw err;
        this.useCurrentGeneration();
      }
    }
    return fallback();
  }

  /**
   * Fetches a cumulative series for `range` from the baseline day `from − 1` on (the baseline rule of
   * analysis/campaign-performance.ts: the gain of day `from` needs the level at the end of the day
   * before). Range-bucketed parts of the response then cover one day more, which the caller cuts off.
   * A plan whose history starts at `from` answers 402 `retention_exceeded` for the extra day: then the
   * exact range is fetched (one more request, once per run) and its first day serves as the baseline.
   */
  async fromBaseline<T>(range: DayRange, fetch: (range: DayRange) => Promise<T>): Promise<T> {
    if (!this.#baselineOutOfReach) {
      try {
        return await fetch({ from: addDays(range.from, -1), to: range.to });
      } catch (err) {
        if (!isRetentionExceeded(err)) throw err;
        this.#baselineOutOfReach = true;
      }
    }
    return fetch(range);
  }

  useCurrentGeneration(): void {
    this.generation = "current";
    this.#remember("current");
    this.caveats.add(
      "api_fallback",
      "The per-entity stats routes answered 410 Gone (current API generation); figures were rebuilt from " +
        "/analytics series and the paginated lists instead.",
    );
  }

  /**
   * Records the generation on the client, when it has the field (a `TrackagoatClient` does; a test
   * double or a wrapper without it simply probes again on every run). Once "current", it stays.
   */
  #remember(generation: ApiGeneration): void {
    const client = this.client;
    if (!("apiGeneration" in client) || client.apiGeneration === "current") return;
    client.apiGeneration = generation;
  }

  /**
   * The report from what a pure builder returned: its caveats joined to the run's, and `meta` (which
   * only the run can fill: clock, requests, notes, API generation) put back in its place after `kind`.
   */
  finish<R extends { kind: string; meta: ReportMeta }>(built: BuiltReport<R>): R {
    for (const c of built.caveats) this.caveats.add(c.code, c.message);
    const { kind, ...rest } = built.report;
    return { kind, meta: this.meta(built.meta), ...rest } as unknown as R;
  }

  /**
   * The report's `meta`. The workflow says what it checked: a check it skipped is reported as unknown
   * (`checked: false`, null) with a `not_checked` caveat, never as a clean 0.
   */
  meta(input: MetaInput): ReportMeta {
    const { freshnessChecked, pendingChecked } = input;
    this.caveats.addNotChecked({ freshness: freshnessChecked, pending: pendingChecked });
    const f = input.freshness;
    const freshness = freshnessChecked
      ? { ...f, checked: true, is_stale: f.checked_count === 0 ? null : f.is_stale }
      : { ...emptyFreshness(), checked: false, is_stale: null };
    const pending = pendingChecked ? input.pending : null;
    return {
      generated_at: this.asOfIso,
      range: input.range,
      freshness,
      excluded: {
        pending_checked: pendingChecked,
        pending_review: pending,
        excluded_count: input.excludedCount ?? null,
        reason: excludedReason(pending, input.excludedCount, input.excludedNote),
      },
      caveats: this.caveats.list(),
      notes: this.notes,
      request_count: this.requests,
      api_generation: this.generation,
    };
  }
}

/** What a workflow tells {@link WorkflowRun.meta} about the data it read. */
export interface MetaInput {
  range: DayRange;
  freshness: FreshnessSummary;
  /** false when the workflow read no scrape times (stats routes only): `freshness` then says nothing. */
  freshnessChecked: boolean;
  pending: number;
  /** false when the workflow did not list the videos (stats routes only): `pending` then says nothing. */
  pendingChecked: boolean;
  /** Excluded videos seen in the lists; the API normally never lists them, so usually unknown. */
  excludedCount?: number;
  excludedNote?: string;
}

/** A freshness summary of nothing, for a workflow that read no scrape times. */
function emptyFreshness(): FreshnessSummary {
  return {
    oldest_scraped_at: null,
    oldest_age_hours: null,
    stale_count: 0,
    stale_ids: [],
    stale_ids_truncated: false,
    never_scraped_count: 0,
    checked_count: 0,
    is_stale: false,
  };
}

/** `meta.excluded.reason`: which videos count, and what was left out (`pending` null: not checked). */
function excludedReason(
  pending: number | null,
  excluded: number | undefined,
  note: string | undefined,
): string {
  const waiting =
    pending === null
      ? "pending_review videos are left out of the figures, but how many there were was not checked. "
      : pending === 0
        ? "No pending_review video was found. "
        : pending === 1
          ? "1 pending_review video is waiting in the Tracking Inbox and was left out. "
          : `${pending} pending_review videos are waiting in the Tracking Inbox and were left out. `;
  return (
    `Only auto_tracked, included and direct_add videos count. ${waiting}` +
    (excluded === undefined
      ? "Excluded videos are never listed by the API, so they cannot be counted here."
      : `${excluded} excluded video${excluded === 1 ? " was" : "s were"} seen in the lists and left out.`) +
    (note ? ` ${note}` : "")
  );
}

/** The fields a normalised stats answer lacked (`incomplete`, see schema/stats.ts); empty for a complete one. */
function incompleteFields(value: unknown): string[] {
  if (typeof value !== "object" || value === null || !("incomplete" in value)) return [];
  const { incomplete } = value as { incomplete?: unknown };
  return Array.isArray(incomplete) ? incomplete.filter((f): f is string => typeof f === "string") : [];
}
