/**
 * Cache-hit bench: how close a cached answer from the proxy comes to the cheapest possible HTTP answer,
 * a plain `node:http` server writing the same bytes with the same headers. For a 2 KB and a 40 KB JSON
 * envelope, autocannon loads (A) the proxy (memory store, no access log, entry already cached), (B) the
 * plain server and (C, for reference, no target) a bare Hono app on `@hono/node-server` answering the
 * same bytes, interleaved round by round with the order rotated (A,B,C then B,C,A, …, so drift and other
 * load on the machine fall on all), after a short unmeasured warm-up of each. Reported per body size: the
 * median of the rounds' req/s ratios (proxy ÷ plain; target ≥ 0.85) and of their p99 latency ratios
 * (target ≤ 1.2); C splits the gap into what the framework costs and what the proxy's own work costs.
 *
 * Where things run: the servers (upstream, proxy, plain, bare Hono) live in one child process (`cache-hit-
 * servers.ts`) and autocannon in this one, so on a 2-core machine the load generator and the server under
 * load each get a core instead of fighting over one event loop. Only one server is loaded at a time, so
 * sharing the child is fair. p99 comes from every response's own time (autocannon's `response` event,
 * sub-millisecond), since autocannon's histogram rounds to whole milliseconds.
 *
 * A run counts only if it is all cache hits: no non-2xx, no errors or timeouts, zero requests reaching
 * the upstream during the measured runs, and a sampled `Cache-Status` of `hit` before and after.
 *
 * Run directly: `npx tsx --conditions=@goatkit/source bench/cache-hit.ts [--rounds n] [--duration s]
 * [--connections n] [--cpu-prof]` (`--cpu-prof` writes the servers' CPU profile to a temp folder).
 */
import { type ChildProcess, fork } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { BENCH_KEY, type ServedBody, type ServersReady, UPSTREAM_COUNT_PATH } from "./cache-hit-servers.js";
import { median, percentile, round } from "./stats.js";

export const THROUGHPUT_TARGET = 0.85;
export const P99_TARGET = 1.2;

export interface CacheHitOptions {
  /**
   * Measured rounds per body size (each one run of the proxy, node:http and bare Hono). Default 7: many
   * short rounds, so a burst of other load on the machine spoils a round or two, not the median.
   */
  rounds?: number;
  /** Seconds per measured run. Default 3. */
  durationS?: number;
  /** Seconds of unmeasured load per server and body size before the rounds. Default 2. */
  warmupS?: number;
  /** Concurrent connections, pipelining 1. Default 32. */
  connections?: number;
  /** Write a CPU profile of the servers' process into this folder. */
  cpuProfDir?: string | undefined;
}

export interface RunFigures {
  requests_per_second: number;
  p50_ms: number;
  p99_ms: number;
  requests: number;
}

export interface SideFigures {
  /** Medians over the rounds. */
  requests_per_second: number;
  p50_ms: number;
  p99_ms: number;
  rounds: RunFigures[];
}

export interface CacheHitSize {
  body: string;
  body_bytes: number;
  proxy: SideFigures;
  plain_node_http: SideFigures;
  /** Reference, no target: bare Hono on @hono/node-server sending the same bytes. */
  bare_hono: SideFigures;
  /** Median over rounds of proxy req/s ÷ plain req/s (higher is better). */
  throughput_ratio: number;
  /** Median over rounds of proxy p99 ÷ plain p99 (lower is better). */
  p99_ratio: number;
  /** Median over rounds of proxy p50 ÷ plain p50 (for reference, no target). */
  p50_ratio: number;
  /** The per-round ratios behind the medians, in round order: their spread is the measurement's noise. */
  throughput_ratio_rounds: number[];
  p99_ratio_rounds: number[];
  /** Median over rounds of bare Hono req/s ÷ plain req/s: the framework's share of the gap. */
  bare_hono_throughput_ratio: number;
  throughput_pass: boolean;
  p99_pass: boolean;
}

export interface CacheHitBench {
  ok: boolean;
  settings: { rounds: number; duration_s: number; warmup_s: number; connections: number; pipelining: 1 };
  sizes: CacheHitSize[];
  checks: {
    /** Every measured run: non-2xx responses, socket errors, timeouts (all must be 0). */
    non_2xx: number;
    errors: number;
    timeouts: number;
    /** Requests that reached the upstream while runs were measured (0: every answer came from the cache). */
    upstream_requests_during_runs: number;
    /** `Cache-Status` of the proxy sampled before and after each measured proxy run. */
    cache_status_samples: string[];
    all_hits: boolean;
  };
  /**
   * The machine's 1-minute load average before and after, beside its core count: above ~2 on 2 cores,
   * other processes competed with the bench and the timings are noisier (the ratios less so).
   */
  machine: { cores: number; load_average_start: number; load_average_end: number };
  cpu_profile_dir?: string | undefined;
}

interface LoadRun extends RunFigures {
  non2xx: number;
  errors: number;
  timeouts: number;
}

/** One autocannon run against `url`, with every response's time kept for exact percentiles. */
function load(url: string, seconds: number, connections: number): Promise<LoadRun> {
  let times = new Float64Array(1 << 16);
  let n = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        pipelining: 1,
        duration: seconds,
        headers: { authorization: `Bearer ${BENCH_KEY}` },
      },
      (err, result) => {
        if (err) return reject(err);
        const samples = times.subarray(0, n);
        resolve({
          requests_per_second: result.requests.total / (result.duration || seconds),
          p50_ms: percentile(samples, 50),
          p99_ms: percentile(samples, 99),
          requests: result.requests.total,
          non2xx: result.non2xx,
          errors: result.errors,
          timeouts: result.timeouts,
        });
      },
    );
    // autocannon emits (client, statusCode, resBytes, responseTime); its typings leave out the client.
    instance.on("response", (...args: unknown[]) => {
      if (n === times.length) {
        const grown = new Float64Array(times.length * 2);
        grown.set(times);
        times = grown;
      }
      times[n++] = args[3] as number;
    });
  });
}

function startServers(cpuProfDir: string | undefined): Promise<{ child: ChildProcess; ready: ServersReady }> {
  const script = fileURLToPath(new URL("./cache-hit-servers.ts", import.meta.url));
  // Same loader flags as this process (tsx, the source condition), plus the profiler when asked.
  const execArgv = [
    ...process.execArgv,
    ...(cpuProfDir ? ["--cpu-prof", `--cpu-prof-dir=${cpuProfDir}`] : []),
  ];
  const child = fork(script, [], { execArgv, stdio: ["ignore", "inherit", "inherit", "ipc"] });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`the bench servers exited early (code ${code})`)));
    child.once("message", (message) => resolve({ child, ready: message as ServersReady }));
  });
}

function stopServers(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.disconnect();
  });
}

async function upstreamCount(origin: string): Promise<number> {
  return (await (await fetch(`${origin}${UPSTREAM_COUNT_PATH}`)).json()) as number;
}

async function cacheStatus(origin: string, path: string): Promise<string> {
  const res = await fetch(`${origin}${path}`, { headers: { authorization: `Bearer ${BENCH_KEY}` } });
  await res.arrayBuffer();
  return `${res.status} ${res.headers.get("cache-status") ?? "(none)"}`;
}

const side = (runs: LoadRun[]): SideFigures => ({
  requests_per_second: round(median(runs.map((r) => r.requests_per_second)), 0),
  p50_ms: round(median(runs.map((r) => r.p50_ms)), 3),
  p99_ms: round(median(runs.map((r) => r.p99_ms)), 3),
  rounds: runs.map((r) => ({
    requests_per_second: round(r.requests_per_second, 0),
    p50_ms: round(r.p50_ms, 3),
    p99_ms: round(r.p99_ms, 3),
    requests: r.requests,
  })),
});

export async function benchCacheHit(options: CacheHitOptions = {}): Promise<CacheHitBench> {
  const rounds = options.rounds ?? 7;
  const durationS = options.durationS ?? 3;
  const warmupS = options.warmupS ?? 2;
  const connections = options.connections ?? 32;
  const loadStart = loadavg()[0]!;
  const { child, ready } = await startServers(options.cpuProfDir);
  const checks: CacheHitBench["checks"] = {
    non_2xx: 0,
    errors: 0,
    timeouts: 0,
    upstream_requests_during_runs: 0,
    cache_status_samples: [],
    all_hits: false,
  };
  try {
    const sizes: CacheHitSize[] = [];
    const upstreamBefore = await upstreamCount(ready.upstreamOrigin);
    for (const body of ready.bodies) {
      const targets = {
        proxy: `${ready.proxyOrigin}${body.path}`,
        plain: `${ready.plainOrigin}${body.path}`,
        hono: `${ready.honoOrigin}${body.path}`,
      };
      const order = Object.keys(targets) as (keyof typeof targets)[];
      for (const name of order) await load(targets[name], warmupS, connections);
      const runs: Record<keyof typeof targets, LoadRun[]> = { proxy: [], plain: [], hono: [] };
      for (let i = 0; i < rounds; i++) {
        // Rotated each round, so no server always runs first or right after the same other one.
        for (const name of [...order.slice(i % order.length), ...order.slice(0, i % order.length)]) {
          if (name === "proxy")
            checks.cache_status_samples.push(await cacheStatus(ready.proxyOrigin, body.path));
          runs[name].push(await load(targets[name], durationS, connections));
          if (name === "proxy")
            checks.cache_status_samples.push(await cacheStatus(ready.proxyOrigin, body.path));
        }
      }
      for (const r of [...runs.proxy, ...runs.plain, ...runs.hono]) {
        checks.non_2xx += r.non2xx;
        checks.errors += r.errors;
        checks.timeouts += r.timeouts;
      }
      sizes.push(sizeResult(body, runs));
    }
    checks.upstream_requests_during_runs = (await upstreamCount(ready.upstreamOrigin)) - upstreamBefore;
    checks.all_hits =
      checks.non_2xx === 0 &&
      checks.errors === 0 &&
      checks.timeouts === 0 &&
      checks.upstream_requests_during_runs === 0 &&
      checks.cache_status_samples.every((s) => /^200 goatkit; hit;/.test(s));
    return {
      ok: checks.all_hits && sizes.every((s) => s.throughput_pass && s.p99_pass),
      settings: { rounds, duration_s: durationS, warmup_s: warmupS, connections, pipelining: 1 },
      sizes,
      checks,
      machine: {
        cores: availableParallelism(),
        load_average_start: round(loadStart),
        load_average_end: round(loadavg()[0]!),
      },
      cpu_profile_dir: options.cpuProfDir,
    };
  } finally {
    await stopServers(child);
  }
}

function sizeResult(
  body: ServedBody,
  runs: { proxy: LoadRun[]; plain: LoadRun[]; hono: LoadRun[] },
): CacheHitSize {
  // Ratios within a round (the runs closest in time), then the median over rounds.
  const ratios = (of: LoadRun[], field: "requests_per_second" | "p50_ms" | "p99_ms") =>
    of.map((r, i) => r[field] / runs.plain[i]![field]);
  const ratio = (of: LoadRun[], field: "requests_per_second" | "p50_ms" | "p99_ms") =>
    median(ratios(of, field));
  const throughputRatio = ratio(runs.proxy, "requests_per_second");
  const p99Ratio = ratio(runs.proxy, "p99_ms");
  return {
    body: body.name,
    body_bytes: body.bodyBytes,
    proxy: side(runs.proxy),
    plain_node_http: side(runs.plain),
    bare_hono: side(runs.hono),
    throughput_ratio: round(throughputRatio, 3),
    p99_ratio: round(p99Ratio, 3),
    p50_ratio: round(ratio(runs.proxy, "p50_ms"), 3),
    throughput_ratio_rounds: ratios(runs.proxy, "requests_per_second").map((x) => round(x, 2)),
    p99_ratio_rounds: ratios(runs.proxy, "p99_ms").map((x) => round(x, 2)),
    bare_hono_throughput_ratio: round(ratio(runs.hono, "requests_per_second"), 3),
    throughput_pass: throughputRatio >= THROUGHPUT_TARGET,
    p99_pass: p99Ratio <= P99_TARGET,
  };
}

const verdict = (pass: boolean) => (pass ? "PASS" : "MISS");

export function formatCacheHitBench(r: CacheHitBench): string {
  const s = r.settings;
  const lines = [
    "cache-hit throughput: proxy (memory store, no access log, every answer a hit) vs plain node:http, same bytes",
    `  autocannon on loopback, ${s.connections} connections, pipelining 1, ${s.rounds} interleaved rounds of ${s.duration_s} s after ${s.warmup_s} s warm-up`,
    "  figures per server: medians of rounds; ratios: the median of the per-round ratios (runs closest in time)",
  ];
  for (const z of r.sizes) {
    lines.push(
      `  ${z.body} body (${z.body_bytes.toLocaleString("en-US")} bytes)`,
      `    proxy            ${z.proxy.requests_per_second.toLocaleString("en-US").padStart(7)} req/s   p50 ${z.proxy.p50_ms.toFixed(2)} ms   p99 ${z.proxy.p99_ms.toFixed(2)} ms`,
      `    plain node:http  ${z.plain_node_http.requests_per_second.toLocaleString("en-US").padStart(7)} req/s   p50 ${z.plain_node_http.p50_ms.toFixed(2)} ms   p99 ${z.plain_node_http.p99_ms.toFixed(2)} ms`,
      `    bare Hono (ref.) ${z.bare_hono.requests_per_second.toLocaleString("en-US").padStart(7)} req/s   p50 ${z.bare_hono.p50_ms.toFixed(2)} ms   p99 ${z.bare_hono.p99_ms.toFixed(2)} ms   (${z.bare_hono_throughput_ratio.toFixed(2)}× node:http)`,
      `    req/s ratio proxy ÷ node:http ${z.throughput_ratio.toFixed(2)}× (target ≥ ${THROUGHPUT_TARGET}×) ${verdict(z.throughput_pass)}; rounds ${z.throughput_ratio_rounds.join(", ")}`,
      `    p99 ratio   proxy ÷ node:http ${z.p99_ratio.toFixed(2)}× (target ≤ ${P99_TARGET}×) ${verdict(z.p99_pass)}; rounds ${z.p99_ratio_rounds.join(", ")}; p50 ratio ${z.p50_ratio.toFixed(2)}×`,
    );
  }
  const c = r.checks;
  lines.push(
    `  checks: non-2xx ${c.non_2xx}, errors ${c.errors}, timeouts ${c.timeouts}, upstream requests during runs ${c.upstream_requests_during_runs}, ` +
      `Cache-Status samples ${c.cache_status_samples.length} (${[...new Set(c.cache_status_samples.map((x) => x.replace(/ttl=\d+/, "ttl=…")))].join(" | ")})`,
    `  ${c.all_hits ? "every measured answer was a cache hit" : "NOT all measured answers were cache hits: the figures above do not measure the cache"}`,
  );
  lines.push(
    `  machine: ${r.machine.cores} cores, 1-min load average ${r.machine.load_average_start} before, ${r.machine.load_average_end} after (above ${r.machine.cores}: other processes competed for the cores)`,
  );
  if (r.cpu_profile_dir) lines.push(`  servers' CPU profile: ${r.cpu_profile_dir}`);
  return lines.join("\n");
}

/** Flags shared with `index.ts`. */
export function cacheHitOptionsFromArgs(args: string[]): CacheHitOptions {
  const { values } = parseArgs({
    args,
    strict: false,
    options: {
      rounds: { type: "string" },
      duration: { type: "string" },
      warmup: { type: "string" },
      connections: { type: "string" },
      "cpu-prof": { type: "boolean" },
    },
  });
  const num = (v: unknown, name: string) => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0)
      throw new TypeError(`--${name} must be a number > 0, got ${String(v)}`);
    return n;
  };
  return {
    rounds: num(values.rounds, "rounds"),
    durationS: num(values.duration, "duration"),
    warmupS: num(values.warmup, "warmup"),
    connections: num(values.connections, "connections"),
    cpuProfDir: values["cpu-prof"] ? mkdtempSync(join(tmpdir(), "goatkit-proxy-prof-")) : undefined,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await benchCacheHit(cacheHitOptionsFromArgs(process.argv.slice(2)));
  console.log(formatCacheHitBench(result));
  if (!result.checks.all_hits) process.exitCode = 1;
}
