/**
 * Team workload on two instances (`pnpm bench:redis` in apps/proxy): the workload of
 * `team-workload.ts` (10 users × the six catalogue workflows on one project, one shared key), with the
 * users split between two proxy instances on one redis-server (this script starts and stops its own, on a
 * free loopback port, persistence off), against one instance (memory store) in the same run. Each run
 * has its own fresh sandbox, which counts every request it receives.
 *
 * Targets: the two instances together send upstream exactly as many requests as one instance does (the
 * shared cache and the shared in-flight lock), and no upstream 429 (the shared budget: each instance
 * alone is allowed the whole budget, so without sharing they could send twice it).
 *
 * Flags: --users --budget --stagger, as `team-workload.ts`. Exit code 1 when a target is missed or a
 * workflow run failed. Prints a summary and the figures as JSON; writes nothing.
 */
import { pathToFileURL } from "node:url";
import { DEFAULT_FRESHNESS_POLICY } from "@goatkit/core";
import { startSandbox } from "@goatkit/sandbox";
import { RedisStore } from "../src/cache/stores/redis-store.js";
import { type RunningProxy, startProxy } from "../src/server.js";
import { startRedisServer } from "../src/test-helpers/redis-server.js";
import { round } from "./stats.js";
import {
  paramsFor,
  pickIds,
  runTeam,
  sandboxOptions,
  type TeamWorkloadOptions,
  teamClients,
  teamWorkloadOptionsFromArgs,
  upstreamFigures,
  viaProxy,
  type WorkloadRun,
} from "./team-workload.js";

export interface TwoInstancesRun extends WorkloadRun {
  /** Distinct resources (method + URL) the two instances fetched upstream, together. */
  distinct_resources: number;
  /** Upstream requests sent by each instance. */
  upstream_by_instance: [number, number];
  within_one_freshness_window: boolean;
}

export interface RedisTeamWorkloadBench {
  ok: boolean;
  users: number;
  budget_per_minute: number;
  one_instance: WorkloadRun & { distinct_resources: number };
  two_instances_on_redis: TwoInstancesRun;
  checks: {
    upstream_equal_to_one_instance: boolean;
    /** On the two instances (the one-instance figure is printed for reference). */
    zero_upstream_429s: boolean;
    no_failed_workflow_runs: boolean;
  };
}

type Params = Map<string, Record<string, unknown>>;

async function twoInstancesOnRedis(
  params: Params,
  users: number,
  budget: number,
  staggerMs: number,
): Promise<TwoInstancesRun> {
  const redis = await startRedisServer();
  const sandbox = await startSandbox(sandboxOptions(budget));
  const fetched = new Set<string>();
  const sent: [number, number] = [0, 0];
  const stores: RedisStore[] = [];
  const proxies: RunningProxy[] = [];
  try {
    for (const n of [0, 1] as const) {
      const store = await RedisStore.connect(redis.url);
      stores.push(store);
      proxies.push(
        await startProxy({
          upstream: sandbox.url,
          store,
          // Each instance is allowed the whole budget: only sharing it in Redis keeps the two under it.
          rateLimit: { requests: budget, windowMs: 60_000 },
          fetch: (input, init) => {
            const request = input instanceof Request ? input : new Request(input, init);
            fetched.add(`${init?.method ?? request.method} ${request.url}`);
            sent[n]++;
            return globalThis.fetch(input, init);
          },
        }),
      );
    }
    sandbox.resetRequests();
    // Users alternate between the instances, as a load balancer would spread them.
    const clients = Array.from(
      { length: users },
      (_, user) => teamClients(sandbox, proxies[user % 2]!.url, 1, budget)[0]!,
    );
    const t0 = performance.now();
    const team = await runTeam(clients, params, staggerMs);
    const seconds = (performance.now() - t0) / 1000;
    await Promise.all(proxies.map((p) => p.idle()));
    const windowS = Math.min(...Object.values(DEFAULT_FRESHNESS_POLICY).map((f) => f.ttlMs)) / 1000;
    return {
      ...upstreamFigures(sandbox),
      ...team,
      seconds: round(seconds, 1),
      distinct_resources: fetched.size,
      upstream_by_instance: sent,
      within_one_freshness_window: seconds < windowS,
    };
  } finally {
    await Promise.all(proxies.map((p) => p.close()));
    await Promise.all(stores.map((s) => s.close()));
    await sandbox.stop();
    await redis.stop();
  }
}

export async function benchRedisTeamWorkload(
  options: TeamWorkloadOptions = {},
): Promise<RedisTeamWorkloadBench> {
  const users = options.users ?? 10;
  const budget = options.budgetPerMinute ?? 600;
  const staggerMs = options.staggerMs ?? 150;
  const params = paramsFor(await pickIds());
  const one = await viaProxy(params, users, budget, staggerMs);
  const two = await twoInstancesOnRedis(params, users, budget, staggerMs);
  const checks = {
    upstream_equal_to_one_instance: two.upstream_requests === one.upstream_requests,
    zero_upstream_429s: two.upstream_429s === 0,
    no_failed_workflow_runs: one.workflow_failures === 0 && two.workflow_failures === 0,
  };
  return {
    ok: Object.values(checks).every(Boolean),
    users,
    budget_per_minute: budget,
    one_instance: {
      upstream_requests: one.upstream_requests,
      upstream_429s: one.upstream_429s,
      upstream_by_status: one.upstream_by_status,
      client_requests: one.client_requests,
      workflow_runs: one.workflow_runs,
      workflow_failures: one.workflow_failures,
      failures: one.failures,
      seconds: one.seconds,
      distinct_resources: one.distinct_resources,
    },
    two_instances_on_redis: two,
    checks,
  };
}

const verdict = (pass: boolean) => (pass ? "PASS" : "MISS");

export function formatRedisTeamWorkloadBench(r: RedisTeamWorkloadBench): string {
  const one = r.one_instance;
  const two = r.two_instances_on_redis;
  const runLine = (x: WorkloadRun) =>
    `${x.workflow_runs - x.workflow_failures}/${x.workflow_runs} workflow runs completed, ${x.client_requests} client requests, ${x.seconds} s`;
  const lines = [
    `team workload on two instances: ${r.users} users split between two proxies on one redis-server, one shared key, budget ${r.budget_per_minute}/min per key (each instance allowed all of it)`,
    `  one instance (memory)    upstream requests ${String(one.upstream_requests).padStart(4)}   upstream 429s ${one.upstream_429s}   distinct resources ${one.distinct_resources}   (${runLine(one)})`,
    `  two instances on Redis   upstream requests ${String(two.upstream_requests).padStart(4)}   upstream 429s ${two.upstream_429s}   distinct resources ${two.distinct_resources}   (instance A ${two.upstream_by_instance[0]}, B ${two.upstream_by_instance[1]}; ${runLine(two)})`,
    `  upstream requests, two instances vs one: ${two.upstream_requests} vs ${one.upstream_requests} (target equal) ${verdict(r.checks.upstream_equal_to_one_instance)}`,
    `  upstream 429s on two instances: ${two.upstream_429s} (target 0; one instance: ${one.upstream_429s}) ${verdict(r.checks.zero_upstream_429s)}`,
  ];
  for (const [label, run] of [
    ["one instance", one],
    ["two instances", two],
  ] as const) {
    if (run.failures.length > 0)
      lines.push(
        `  ${label} failures (first ${run.failures.length}):`,
        ...run.failures.map((f) => `    ${f}`),
      );
  }
  return lines.join("\n");
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await benchRedisTeamWorkload(teamWorkloadOptionsFromArgs(process.argv.slice(2)));
  console.log(formatRedisTeamWorkloadBench(result));
  console.log("\nresults as JSON:");
  console.log(JSON.stringify({ date: new Date().toISOString(), node: process.version, ...result }, null, 2));
  if (!result.ok) process.exitCode = 1;
}
