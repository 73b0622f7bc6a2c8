/**
 * Team-workload bench: what the proxy saves upstream when a team shares it. Ten simulated users each run
 * the six catalogue workflows (`workflows` from @goatkit/core, params filled from each workflow's JSON
 * Schema) on one project of a seeded sandbox, concurrently (start times staggered, each user's workflow
 * order rotated so they collide on the same lists at once). Each user has their own core client, with no
 * client-side cache, and their own pacing limiter, as separate machines would.
 * 1. Through the proxy (memory store, pacing per key): the sandbox counts every request that reaches it
 *    (`requests()`), and a wrapper around the proxy's upstream `fetch` records which distinct resources
 *    (method + URL) were fetched.
 * 2. The same workload straight at a fresh sandbox (same seed, same limits).
 * Targets: through the proxy, one upstream call per distinct resource within one freshness window; at
 * least 10× fewer upstream calls than direct; zero upstream 429s.
 *
 * Budget: the real API allows 60 requests per minute per key. Direct, ten users sharing the team's key
 * need about 840 requests, which at 60 a minute takes 14 minutes; so by default every limit in the run
 * (the sandbox's per-key window, the proxy's pacing, each client's limiter) is scaled to the same
 * `--budget` (600 a minute, 10×), which keeps the run near a minute. `--budget 60` runs at the real one.
 * All users share one key (the team's org key), so they share one cache partition in pass-through mode.
 *
 * Run directly: `npx tsx --conditions=@goatkit/source bench/team-workload.ts [--users n] [--budget n]`.
 */
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import {
  createClient,
  DEFAULT_FRESHNESS_POLICY,
  MemoryStore,
  RollingWindowLimiter,
  type TrackagoatClient,
  workflowJsonSchemas,
  workflows,
} from "@goatkit/core";
import { type RunningSandbox, startSandbox } from "@goatkit/sandbox";
import { startProxy } from "../src/server.js";
import { round } from "./stats.js";

/** The sandbox's as-of instant: the same world, byte for byte, in every run. */
export const NOW = "2026-03-15T12:00:00.000Z";
const SEED = 42;
const REAL_BUDGET_PER_MINUTE = 60;
export const UPSTREAM_RATIO_TARGET = 10;

export interface TeamWorkloadOptions {
  /** Simulated users. Default 10. */
  users?: number;
  /** Requests per minute per key for the sandbox, the proxy and each client alike. Default 600. */
  budgetPerMinute?: number;
  /** Delay between one user's start and the next one's, ms. Default 150. */
  staggerMs?: number;
}

export interface WorkloadRun {
  /** Requests the sandbox received (every status, 429s included). */
  upstream_requests: number;
  /** Of those, answered 429. */
  upstream_429s: number;
  upstream_by_status: Record<string, number>;
  /** Requests the users' clients sent (to the proxy, or straight upstream), retries included. */
  client_requests: number;
  workflow_runs: number;
  workflow_failures: number;
  failures: string[];
  seconds: number;
}

export interface TeamWorkloadBench {
  ok: boolean;
  users: number;
  workflows: string[];
  budget_per_minute: number;
  real_budget_per_minute: number;
  via_proxy: WorkloadRun & {
    /** Distinct resources (method + URL) the proxy fetched upstream. */
    distinct_resources: number;
    /** The shortest fresh lifetime of any route family (the window the run must fit in), s. */
    freshness_window_s: number;
    within_one_freshness_window: boolean;
  };
  direct: WorkloadRun;
  /** Direct upstream requests that were answered (not 429) ÷ upstream requests via the proxy. */
  upstream_ratio: number;
  /** Direct upstream requests, 429s included ÷ upstream requests via the proxy. */
  upstream_ratio_incl_429s: number;
  checks: {
    one_call_per_distinct_resource: boolean;
    ratio_at_least_10x: boolean;
    zero_upstream_429s_via_proxy: boolean;
  };
}

interface Ids {
  project_id: string;
  campaign_id: string;
  creator_id: string;
}

export const sandboxOptions = (budget: number) => ({
  seed: SEED,
  now: NOW,
  rateLimit: { perMinute: budget },
  logErrors: false,
});

/** One project of the seeded world, and a campaign and creator in it, read from a throwaway sandbox. */
export async function pickIds(): Promise<Ids> {
  const sb = await startSandbox({ ...sandboxOptions(REAL_BUDGET_PER_MINUTE), rateLimit: false });
  try {
    const tg = createClient({ apiKey: sb.keys.readWrite, baseUrl: sb.url, rateLimit: false });
    const project = (await tg.projects.list()).data[0];
    if (!project) throw new Error("the sandbox world has no project");
    const campaign = (await tg.campaigns.list({ project_id: project.id })).data[0];
    const creator = (await tg.creators.list({ project_id: project.id })).data[0];
    if (!campaign || !creator) throw new Error(`project ${project.id} has no campaign or no creator`);
    return { project_id: project.id, campaign_id: campaign.id, creator_id: creator.id };
  } finally {
    await sb.stop();
  }
}

/**
 * Each workflow's params, from its JSON Schema: the ids it declares, and `as_of` pinned to the world's
 * instant. A workflow that requires anything else stops the bench with its name.
 */
export function paramsFor(ids: Ids): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  const known: Record<string, unknown> = { ...ids, as_of: NOW };
  for (const w of workflows) {
    const schema = workflowJsonSchemas(w).params as { properties?: object; required?: string[] };
    const names = Object.keys(schema.properties ?? {});
    const missing = (schema.required ?? []).filter((name) => !(name in known));
    if (missing.length > 0)
      throw new Error(`${w.name} requires ${missing.join(", ")}: the bench cannot fill it`);
    out.set(w.name, Object.fromEntries(names.filter((n) => n in known).map((n) => [n, known[n]])));
  }
  return out;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every user runs every workflow once, starting `staggerMs` apart, each in a rotated order. */
export async function runTeam(
  clients: TrackagoatClient[],
  params: Map<string, Record<string, unknown>>,
  staggerMs: number,
): Promise<Pick<WorkloadRun, "workflow_runs" | "workflow_failures" | "failures" | "client_requests">> {
  const failures: string[] = [];
  let runs = 0;
  await Promise.all(
    clients.map(async (client, user) => {
      await sleep(user * staggerMs);
      const shift = user % workflows.length;
      for (const w of [...workflows.slice(shift), ...workflows.slice(0, shift)]) {
        runs++;
        try {
          await w.run(client, params.get(w.name) as never);
        } catch (err) {
          failures.push(`user ${user + 1} ${w.name}: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
    }),
  );
  return {
    workflow_runs: runs,
    workflow_failures: failures.length,
    failures: failures.slice(0, 5),
    client_requests: clients.reduce((n, c) => n + c.requestCount, 0),
  };
}

/** `users` clients on `baseUrl` with the team's key, each paced by its own limiter and with no cache. */
export function teamClients(sandbox: RunningSandbox, baseUrl: string, users: number, budget: number) {
  return Array.from({ length: users }, () =>
    createClient({
      apiKey: sandbox.keys.readWrite,
      baseUrl,
      cache: false,
      rateLimiter: new RollingWindowLimiter({ requests: budget, windowMs: 60_000 }),
    }),
  );
}

export function upstreamFigures(sandbox: RunningSandbox) {
  const counts = sandbox.requests();
  return {
    upstream_requests: counts.total,
    upstream_429s: counts.byStatus["429"] ?? 0,
    upstream_by_status: counts.byStatus,
  };
}

export async function viaProxy(
  params: Map<string, Record<string, unknown>>,
  users: number,
  budget: number,
  staggerMs: number,
): Promise<TeamWorkloadBench["via_proxy"]> {
  const sandbox = await startSandbox(sandboxOptions(budget));
  const fetched = new Set<string>();
  const store = new MemoryStore();
  const proxy = await startProxy({
    upstream: sandbox.url,
    store,
    rateLimit: { requests: budget, windowMs: 60_000 },
    fetch: (input, init) => {
      const request = input instanceof Request ? input : new Request(input, init);
      fetched.add(`${init?.method ?? request.method} ${request.url}`);
      return globalThis.fetch(input, init);
    },
  });
  try {
    sandbox.resetRequests();
    const t0 = performance.now();
    const team = await runTeam(teamClients(sandbox, proxy.url, users, budget), params, staggerMs);
    const seconds = (performance.now() - t0) / 1000;
    await proxy.idle();
    const windowS = Math.min(...Object.values(DEFAULT_FRESHNESS_POLICY).map((f) => f.ttlMs)) / 1000;
    return {
      ...upstreamFigures(sandbox),
      ...team,
      seconds: round(seconds, 1),
      distinct_resources: fetched.size,
      freshness_window_s: windowS,
      within_one_freshness_window: seconds < windowS,
    };
  } finally {
    await proxy.close();
    await store.close();
    await sandbox.stop();
  }
}

async function direct(
  params: Map<string, Record<string, unknown>>,
  users: number,
  budget: number,
  staggerMs: number,
): Promise<WorkloadRun> {
  const sandbox = await startSandbox(sandboxOptions(budget));
  try {
    sandbox.resetRequests();
    const t0 = performance.now();
    const team = await runTeam(teamClients(sandbox, sandbox.url, users, budget), params, staggerMs);
    return { ...upstreamFigures(sandbox), ...team, seconds: round((performance.now() - t0) / 1000, 1) };
  } finally {
    await sandbox.stop();
  }
}

export async function benchTeamWorkload(options: TeamWorkloadOptions = {}): Promise<TeamWorkloadBench> {
  const users = options.users ?? 10;
  const budget = options.budgetPerMinute ?? 600;
  const staggerMs = options.staggerMs ?? 150;
  const params = paramsFor(await pickIds());
  const proxied = await viaProxy(params, users, budget, staggerMs);
  const straight = await direct(params, users, budget, staggerMs);
  const answered = straight.upstream_requests - straight.upstream_429s;
  const ratio = answered / proxied.upstream_requests;
  const checks = {
    one_call_per_distinct_resource:
      proxied.within_one_freshness_window && proxied.upstream_requests === proxied.distinct_resources,
    ratio_at_least_10x: ratio >= UPSTREAM_RATIO_TARGET,
    zero_upstream_429s_via_proxy: proxied.upstream_429s === 0,
  };
  return {
    ok: Object.values(checks).every(Boolean) && proxied.workflow_failures === 0,
    users,
    workflows: workflows.map((w) => w.name),
    budget_per_minute: budget,
    real_budget_per_minute: REAL_BUDGET_PER_MINUTE,
    via_proxy: proxied,
    direct: straight,
    upstream_ratio: round(ratio, 2),
    upstream_ratio_incl_429s: round(straight.upstream_requests / proxied.upstream_requests, 2),
    checks,
  };
}

const verdict = (pass: boolean) => (pass ? "PASS" : "MISS");

export function formatTeamWorkloadBench(r: TeamWorkloadBench): string {
  const p = r.via_proxy;
  const d = r.direct;
  const runLine = (x: WorkloadRun) =>
    `${x.workflow_runs - x.workflow_failures}/${x.workflow_runs} workflow runs completed, ${x.client_requests} client requests, ${x.seconds} s`;
  const lines = [
    `team workload: ${r.users} users × ${r.workflows.length} workflows on one project (sandbox seed ${SEED}, default scale), one shared key`,
    `  budget ${r.budget_per_minute} requests/min per key for sandbox, proxy and each client alike` +
      (r.budget_per_minute === r.real_budget_per_minute
        ? " (the real API's)"
        : ` (the real API allows ${r.real_budget_per_minute}/min; scaled so the direct run takes about a minute)`),
    `  via proxy   upstream requests ${String(p.upstream_requests).padStart(5)}   upstream 429s ${p.upstream_429s}   distinct resources ${p.distinct_resources}   (${runLine(p)})`,
    `  direct      upstream requests ${String(d.upstream_requests).padStart(5)}   upstream 429s ${d.upstream_429s}   answered ${d.upstream_requests - d.upstream_429s}   (${runLine(d)})`,
    `  fewer upstream requests via proxy: ${r.upstream_ratio.toFixed(1)}× (answered direct ÷ via proxy; ${r.upstream_ratio_incl_429s.toFixed(1)}× counting direct 429s) — target ≥ ${UPSTREAM_RATIO_TARGET}× ${verdict(r.checks.ratio_at_least_10x)}`,
    `  one upstream call per distinct resource (${p.upstream_requests} calls, ${p.distinct_resources} resources, run ${p.seconds} s within the ${p.freshness_window_s} s freshness window: ${p.within_one_freshness_window ? "yes" : "no"}) ${verdict(r.checks.one_call_per_distinct_resource)}`,
    `  upstream 429s via proxy: ${p.upstream_429s} (target 0) ${verdict(r.checks.zero_upstream_429s_via_proxy)}`,
  ];
  for (const [label, run] of [
    ["via proxy", p],
    ["direct", d],
  ] as const) {
    if (run.failures.length > 0)
      lines.push(
        `  ${label} failures (first ${run.failures.length}):`,
        ...run.failures.map((f) => `    ${f}`),
      );
  }
  return lines.join("\n");
}

/** Flags shared with `index.ts`. */
export function teamWorkloadOptionsFromArgs(args: string[]): TeamWorkloadOptions {
  const { values } = parseArgs({
    args,
    strict: false,
    options: { users: { type: "string" }, budget: { type: "string" }, stagger: { type: "string" } },
  });
  const int = (v: unknown, name: string) => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isSafeInteger(n) || n < 1)
      throw new TypeError(`--${name} must be a whole number ≥ 1, got ${String(v)}`);
    return n;
  };
  return {
    users: int(values.users, "users"),
    budgetPerMinute: int(values.budget, "budget"),
    staggerMs: int(values.stagger, "stagger"),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await benchTeamWorkload(teamWorkloadOptionsFromArgs(process.argv.slice(2)));
  console.log(formatTeamWorkloadBench(result));
  if (!result.ok) process.exitCode = 1;
}
