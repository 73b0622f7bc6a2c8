/**
 * `pnpm bench` in apps/proxy: the cache-hit bench (bench/cache-hit.ts), the team-workload bench
 * (bench/team-workload.ts) and the nginx comparison (bench/nginx.ts, skipped without nginx), each on its
 * own so one failing does not hide the others, then one summary table and every figure as JSON on stdout
 * (not written to a file: results stay out of git).
 *
 * Exit code 1 when a bench fails, when the cache-hit measurement is not valid (an answer that was not a
 * cache hit, in the cache-hit bench or the nginx comparison), or when a team-workload count target is
 * missed. The cache-hit ratios (and the nginx ratio) are printed PASS/MISS
 * but do not fail the run: they are timings, and move with whatever else the machine is doing.
 *
 * Flags (all optional): --rounds --duration --warmup --connections --cpu-prof (cache hit);
 * --users --budget --stagger (team workload); --only cache-hit|team-workload|nginx (rounds, duration, warmup
 * and connections apply to the nginx comparison too).
 */
import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import {
  benchCacheHit,
  type CacheHitBench,
  cacheHitOptionsFromArgs,
  formatCacheHitBench,
  P99_TARGET,
  THROUGHPUT_TARGET,
} from "./cache-hit.js";
import {
  benchNginx,
  formatNginxBench,
  NGINX_RATIO_TARGET,
  type NginxBench,
  nginxOptionsFromArgs,
} from "./nginx.js";
import {
  benchTeamWorkload,
  formatTeamWorkloadBench,
  type TeamWorkloadBench,
  teamWorkloadOptionsFromArgs,
  UPSTREAM_RATIO_TARGET,
} from "./team-workload.js";

const args = process.argv.slice(2);
const only = parseArgs({ args, strict: false, options: { only: { type: "string" } } }).values.only;

async function run<T>(name: string, bench: () => Promise<T>, show: (result: T) => string): Promise<T | null> {
  if (only !== undefined && only !== name) return null;
  const started = performance.now();
  try {
    const result = await bench();
    console.log(show(result));
    console.log(`  (${name}: ${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
    return result;
  } catch (err) {
    // A bad flag is a usage error (one line, exit 2); anything else keeps its stack for debugging.
    if (err instanceof TypeError && err.message.startsWith("--")) {
      console.error(`${name}: ${err.message}`);
      process.exitCode = 2;
    } else {
      console.error(`${name} failed:`, err);
      process.exitCode = 1;
    }
    return null;
  }
}

const cacheHit: CacheHitBench | null = await run(
  "cache-hit",
  () => benchCacheHit(cacheHitOptionsFromArgs(args)),
  formatCacheHitBench,
);
const team: TeamWorkloadBench | null = await run(
  "team-workload",
  () => benchTeamWorkload(teamWorkloadOptionsFromArgs(args)),
  formatTeamWorkloadBench,
);
const nginx: NginxBench | null = await run(
  "nginx",
  () => benchNginx(nginxOptionsFromArgs(args)),
  formatNginxBench,
);
if (cacheHit && !cacheHit.checks.all_hits) process.exitCode = 1;
if (nginx && !nginx.ok) process.exitCode = 1;
if (team && !team.ok) process.exitCode = 1;

const rows: [figure: string, value: string, target: string, verdict: string][] = [];
const verdict = (pass: boolean) => (pass ? "PASS" : "MISS");
// A ratio is the median of the rounds' ratios; the range beside it shows how much the rounds agreed.
const spread = (xs: number[]) => `rounds ${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)}`;
for (const z of cacheHit?.sizes ?? []) {
  rows.push(
    [
      `cache-hit req/s, proxy ÷ node:http, ${z.body}`,
      `${z.throughput_ratio.toFixed(2)}× (${spread(z.throughput_ratio_rounds)})`,
      `≥ ${THROUGHPUT_TARGET}×`,
      verdict(z.throughput_pass),
    ],
    [
      `cache-hit p99 latency, proxy ÷ node:http, ${z.body}`,
      `${z.p99_ratio.toFixed(2)}× (${spread(z.p99_ratio_rounds)})`,
      `≤ ${P99_TARGET}×`,
      verdict(z.p99_pass),
    ],
  );
}
if (cacheHit)
  rows.push([
    "cache-hit answers that were hits",
    cacheHit.checks.all_hits ? "all" : "NOT all",
    "all",
    verdict(cacheHit.checks.all_hits),
  ]);
if (team) {
  const p = team.via_proxy;
  rows.push(
    [
      "team workload upstream requests, direct ÷ via proxy",
      `${team.upstream_ratio.toFixed(1)}× (${team.direct.upstream_requests - team.direct.upstream_429s} vs ${p.upstream_requests} requests)`,
      `≥ ${UPSTREAM_RATIO_TARGET}×`,
      verdict(team.checks.ratio_at_least_10x),
    ],
    [
      "team workload upstream requests per distinct resource, via proxy",
      `${p.upstream_requests} requests / ${p.distinct_resources} resources in ${p.seconds} s`,
      `1 per resource (${p.freshness_window_s} s window)`,
      verdict(team.checks.one_call_per_distinct_resource),
    ],
    [
      "team workload upstream 429s, via proxy",
      `${p.upstream_429s} (direct: ${team.direct.upstream_429s})`,
      "0",
      verdict(team.checks.zero_upstream_429s_via_proxy),
    ],
  );
}

if (nginx?.skipped)
  rows.push([
    "cache-hit req per CPU-second, proxy ÷ nginx, 40 KB",
    `not measured: ${nginx.skipped}`,
    `≥ ${NGINX_RATIO_TARGET}×`,
    "SKIP",
  ]);
else if (nginx)
  rows.push(
    [
      "cache-hit req per CPU-second, proxy ÷ nginx proxy_cache, 40 KB",
      `${nginx.ratio!.toFixed(2)}× (${spread(nginx.ratio_rounds!)})`,
      `≥ ${NGINX_RATIO_TARGET}×`,
      verdict(nginx.pass!),
    ],
    [
      "nginx comparison answers that were hits",
      nginx.checks!.all_hits ? "all" : "NOT all",
      "all",
      verdict(nginx.checks!.all_hits),
    ],
  );

const width = (i: number) => Math.max(...rows.map((r) => r[i]!.length));
console.log("summary (goatkit-proxy benchmarks)");
for (const r of rows)
  console.log(
    `  ${r[0].padEnd(width(0))}  ${r[1].padEnd(width(1))}  target ${r[2].padEnd(width(2))}  ${r[3]}`,
  );
if (rows.length === 0) console.log("  (no results)");
console.log("\nresults as JSON:");
console.log(
  JSON.stringify(
    {
      date: new Date().toISOString(),
      node: process.version,
      cpus: availableParallelism(),
      cache_hit: cacheHit,
      team_workload: team,
      nginx,
    },
    null,
    2,
  ),
);
