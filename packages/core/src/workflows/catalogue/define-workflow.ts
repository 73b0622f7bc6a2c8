/**
 * `defineWorkflow()`: a workflow is defined once — its snake_case name, what it is for and costs, its
 * params and report schemas, how it runs, and how its report renders — and every front end is a thin
 * generator over that definition (CLI flags, proxy routes and OpenAPI, MCP tools).
 *
 * The returned `run(client, params, options)` follows openai-node's split: `params` is plain, validated,
 * snake_case data like the API's; `options` holds what only makes sense at run time (`signal`,
 * `onProgress`, `cache`).
 * @module
 */
import type { z } from "zod";
import type { RequestOptions } from "../../client/options.js";
import type { WorkflowClient } from "../client.js";
import type { OnProgress } from "../progress.js";
import { WorkflowRun } from "../run.js";
import { WorkflowParamsError } from "./params-error.js";

/** Runtime options of a workflow run: never part of its params. */
export interface WorkflowRunOptions {
  /** Aborts the run: every request in flight and every wait (pacing, Retry-After). The run rejects with the signal's reason. */
  signal?: AbortSignal | undefined;
  /** Progress events: pages fetched, waits, the analysis phase, done. */
  onProgress?: OnProgress | undefined;
  /** A response cache for this run's GETs (overrides the client's); `false` turns the client's off. */
  cache?: RequestOptions["cache"];
}

/** Params every workflow has. */
interface BaseParams {
  as_of?: string | undefined;
}

type ParamsSchema = z.ZodType<BaseParams, object>;

/** What a workflow author writes. */
export interface WorkflowSpec<
  Name extends string,
  P extends ParamsSchema,
  R extends z.ZodType<{ kind: Name }>,
> {
  /** One snake_case id used everywhere: the report's `kind`, progress events, CLI subcommand, proxy route, MCP tool. */
  name: Name;
  /** A short human title, e.g. "Campaign performance". */
  title: string;
  /** When to use it, what it needs, and what it costs in requests (a formula in ceil(n/100) terms). */
  description: string;
  /** A strict zod object of plain data; every field described with its default. */
  params: P;
  /** The report's zod schema; `kind` is the workflow's name. */
  report: R;
  /** Fetches and analyses. `params` arrive validated, defaults applied. */
  run(run: WorkflowRun, params: z.output<P>): Promise<z.output<R>>;
  /** The report as markdown (an agent's answer, a readme note). */
  markdown(report: z.output<R>): string;
  /** The report's main table as RFC 4180 CSV, one header row. */
  csv(report: z.output<R>): string;
}

/** A defined workflow, as front ends see it. */
export interface Workflow<
  Name extends string = string,
  P extends ParamsSchema = ParamsSchema,
  R extends z.ZodType<{ kind: Name }> = z.ZodType<{ kind: Name }>,
> {
  readonly name: Name;
  readonly title: string;
  readonly description: string;
  readonly params: P;
  readonly report: R;
  /**
   * Validates `params` (throwing {@link WorkflowParamsError}), then fetches and analyses.
   *
   * @example
   * const report = await campaignPerformance.run(client, { campaign_id }, { signal: AbortSignal.timeout(60_000) });
   */
  run(client: WorkflowClient, params: z.input<P>, options?: WorkflowRunOptions): Promise<z.output<R>>;
  /** Validated params with defaults applied, or a {@link WorkflowParamsError} naming the field. */
  parseParams(input: unknown): z.output<P>;
  markdown(report: z.output<R>): string;
  csv(report: z.output<R>): string;
}

export function defineWorkflow<
  Name extends string,
  P extends ParamsSchema,
  R extends z.ZodType<{ kind: Name }>,
>(spec: WorkflowSpec<Name, P, R>): Workflow<Name, P, R> {
  const shape = (spec.params as { shape?: Record<string, unknown> }).shape;
  const known = shape ? Object.keys(shape) : [];
  const parseParams = (input: unknown): z.output<P> => {
    const parsed = spec.params.safeParse(input ?? {});
    if (!parsed.success) throw WorkflowParamsError.fromZod(spec.name, parsed.error, known);
    return parsed.data as z.output<P>;
  };
  return Object.freeze({
    name: spec.name,
    title: spec.title,
    description: spec.description,
    params: spec.params,
    report: spec.report,
    parseParams,
    markdown: spec.markdown,
    csv: spec.csv,
    async run(client: WorkflowClient, params: z.input<P>, options: WorkflowRunOptions = {}) {
      const parsed = parseParams(params);
      const { signal } = options;
      signal?.throwIfAborted();
      const run = new WorkflowRun(client, spec.name, parsed.as_of, options);
      try {
        const report = await spec.run(run, parsed);
        signal?.throwIfAborted();
        return report;
      } catch (err) {
        // Whatever a request made of the abort (AbortError, a rejected wait), the caller gets its own reason.
        if (signal?.aborted) throw signal.reason;
        throw err;
      }
    },
  });
}
