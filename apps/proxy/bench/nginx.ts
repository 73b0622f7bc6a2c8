/**
 * nginx bench: goatkit-proxy's 40 KB cache hits against nginx `proxy_cache` (the C reference, Debian's
 * package) on the same workload in the same run, in requests per second of SERVER CPU: each server's user +
 * system CPU time over a run (from /proc, every thread), divided into the requests it completed. Target:
 * proxy ≥ 0.5× nginx. Wall-clock req/s depends on the load generator and on the machine's other load; CPU
 * per request much less so, which is why this compares CPU.
 *
 * Set-up: the cache-hit bench's servers (`cache-hit-servers.ts`, one child process: the upstream, the proxy
 * with the memory store and no access log, a plain `node:http` server and a bare Hono app answering the
 * proxy's hit bytes) and nginx (`nginx-server.ts`: worker_processes 1, access_log off, proxy_cache in
 * front of the same upstream route, so both cache the same 40 KB body). Both caches are warmed, and both must
 * answer a hit with the upstream's bytes (nginx `X-Cache-Status: HIT`, the proxy `Cache-Status: …; hit`)
 * before anything is measured. Then autocannon (this process, loopback, 32 connections) loads one server at
 * a time in interleaved rounds, order rotated. `node:http` and bare Hono are references: the chain
 * nginx → node:http → bare Hono → proxy shows where the proxy's CPU per request goes (the runtime, the
 * framework, the proxy's own work).
 *
 * A run counts only if every answer was a cache hit: no non-2xx, errors or timeouts, no request reaching
 * the upstream during the measured runs, and sampled cache statuses of HIT / hit before and after each run.
 * Skipped, with a message, where nginx or /proc is absent.
 *
 * Run directly: `npx tsx --conditions=@goatkit/source bench/nginx.ts [--rounds n] [--duration s]
 * [--warmup s] [--connections n]`; nginx from $NGINX, PATH or /usr/sbin/nginx.
 */
import { type ChildProcess, fork } from "node:child_process";
import { availableParallelism, loadavg } from "node:os";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { BENCH_KEY, type ServersReady, UPSTREAM_COUNT_PATH } from "./cache-hit-servers.js";
import { type CpuTime, cpuSince, procAvailable, processCpu } from "./nginx-cpu.js";
import { findNginx, type RunningNginx, startNginx } from "./nginx-server.js";
import { median, round } from "./stats.js";

export const NGINX_RATIO_TARGET = 0.5;
/** The body size compared: the 40 KB envelope of the cache-hit bench. */
const BODY_NAME = "40 KB";

export interface NginxBenchOptions {
  /** Measured rounds, each one run per server. Default 5. */
  rounds?: number;
  /** Seconds per measured run. Default 3. */
  durationS?: number;
  /** Seconds of unmeasured load per server before the rounds. Default 2. */
  warmupS?: number;
  /** Concurrent connections, pipelining 1. Default 32. */
  connections?: number;
}

const SERVERS = ["nginx", "proxy", "plain", "hono"] as const;
type ServerName = (typeof SERVERS)[number];
const LABELS: Record<ServerName, string> = {
  nginx: "nginx proxy_cache",
  proxy: "goatkit-proxy",
  plain: "plain node:http (ref.)",
  hono: "bare Hono (ref.)",
};

export interface CpuRun {
  requests: number;
  /** Wall-clock seconds of the run. */
  seconds: number;
  cpu_user_s: number;
  cpu_system_s: number;
  /** Completed requests per second of the server's CPU time (user + system). */
  requests_per_cpu_second: number;
  /** Wall-clock requests per second (bounded by autocannon's core: for reference). */
  requests_per_second: number;
  /** Share of one core the server used during the run. */
  cpu_utilisation: number;
}

export interface ServerFigures {
  /** Medians over the rounds. */
  requests_per_cpu_second: number;
  /** Microseconds of server CPU per request, and its user / system split. */
  cpu_us_per_request: number;
  user_us_per_request: number;
  system_us_per_request: number;
  requests_per_second: number;
  cpu_utilisation: number;
  rounds: CpuRun[];
}

export interface NginxBench {
  /** Why nothing was measured (nginx or /proc absent); the other fields are then absent. */
  skipped?: string;
  ok: boolean;
  settings?: { rounds: number; duration_s: number; warmup_s: number; connections: number; pipelining: 1 };
  nginx?: { binary: string; version: string; config: string };
  body_bytes?: number;
  servers?: Record<ServerName, ServerFigures>;
  /** Median over rounds of the proxy's requests per CPU second ÷ nginx's, in the same round. */
  ratio?: number;
  ratio_rounds?: number[];
  pass?: boolean;
  checks?: {
    non_2xx: number;
    errors: number;
    timeouts: number;
    upstream_requests_during_runs: number;
    /** The nginx and proxy answers carried the upstream's bytes exactly (checked before measuring). */
    same_body: boolean;
    /** `X-Cache-Status` of nginx and `Cache-Status` of the proxy, sampled before and after each run. */
    nginx_cache_status_samples: string[];
    proxy_cache_status_samples: string[];
    all_hits: boolean;
    /**
     * Share of a core each side used while the OTHER was loaded (median over runs): its background cost
     * (timers, the metrics' event-loop monitor), which the figures above include. Near 0 is expected.
     */
    idle_cpu_utilisation: { node_servers: number; nginx: number };
  };
  machine?: { cores: number; load_average_start: number; load_average_end: number };
}

interface LoadResult {
  requests: number;
  seconds: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

function load(url: string, seconds: number, connections: number): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        connections,
        pipelining: 1,
        duration: seconds,
        headers: { authorization: `Bearer ${BENCH_KEY}` },
      },
      (err, result) => {
        if (err) return reject(err);
        resolve({
          requests: result.requests.total,
          seconds: result.duration || seconds,
          non2xx: result.non2xx,
          errors: result.errors,
          timeouts: result.timeouts,
        });
      },
    );
  });
}

function startServers(): Promise<{ child: ChildProcess; ready: ServersReady }> {
  const script = fileURLToPath(new URL("./cache-hit-servers.ts", import.meta.url));
  const child = fork(script, [], {
    execArgv: process.execArgv,
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
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

async function get(url: string): Promise<{ status: number; headers: Headers; body: Buffer }> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${BENCH_KEY}` } });
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}

async function upstreamCount(origin: string): Promise<number> {
  return (await (await fetch(`${origin}${UPSTREAM_COUNT_PATH}`)).json()) as number;
}

const nginxStatus = async (url: string) => {
  const r = await get(url);
  return `${r.status} ${r.headers.get("x-cache-status") ?? "(none)"}`;
};
const proxyStatus = async (url: string) => {
  const r = await get(url);
  return `${r.status} ${r.headers.get("cache-status") ?? "(none)"}`;
};
const isNginxHit = (s: string) => s === "200 HIT";
const isProxyHit = (s: string) => /^200 goatkit; hit;/.test(s);

function cpuRun(result: LoadResult, cpu: CpuTime): CpuRun {
  const cpuS = cpu.user_s + cpu.system_s;
  return {
    requests: result.requests,
    seconds: round(result.seconds, 2),
    cpu_user_s: round(cpu.user_s, 3),
    cpu_system_s: round(cpu.system_s, 3),
    requests_per_cpu_second: cpuS > 0 ? round(result.requests / cpuS, 0) : Number.NaN,
    requests_per_second: round(result.requests / result.seconds, 0),
    cpu_utilisation: round(cpuS / result.seconds, 3),
  };
}

function figures(runs: CpuRun[]): ServerFigures {
  const us = (f: (r: CpuRun) => number) => round(median(runs.map((r) => (f(r) / r.requests) * 1e6)), 1);
  return {
    requests_per_cpu_second: round(median(runs.map((r) => r.requests_per_cpu_second)), 0),
    cpu_us_per_request: us((r) => r.cpu_user_s + r.cpu_system_s),
    user_us_per_request: us((r) => r.cpu_user_s),
    system_us_per_request: us((r) => r.cpu_system_s),
    requests_per_second: round(median(runs.map((r) => r.requests_per_second)), 0),
    cpu_utilisation: round(median(runs.map((r) => r.cpu_utilisation)), 3),
    rounds: runs,
  };
}

/** Why nothing can be measured here, or undefined. */
export function nginxBenchUnavailable(binary: string | undefined): string | undefined {
  if (!procAvailable()) return "no /proc here (server CPU time is read from /proc/<pid>/stat: Linux only)";
  if (!binary)
    return "nginx not found ($NGINX, nginx on PATH, /usr/sbin/nginx): install it, e.g. `apt-get install nginx`";
  return undefined;
}

export async function benchNginx(options: NginxBenchOptions = {}): Promise<NginxBench> {
  const binary = findNginx();
  const skipped = nginxBenchUnavailable(binary);
  if (skipped || !binary) return { skipped, ok: true };
  const rounds = options.rounds ?? 5;
  const durationS = options.durationS ?? 3;
  const warmupS = options.warmupS ?? 2;
  const connections = options.connections ?? 32;
  const loadStart = loadavg()[0]!;

  const { child, ready } = await startServers();
  let nginx: RunningNginx | undefined;
  try {
    nginx = await startNginx(binary, ready.upstreamOrigin);
    const body = ready.bodies.find((b) => b.name === BODY_NAME);
    if (!body) throw new Error(`the bench servers serve no ${BODY_NAME} body`);
    const origins: Record<ServerName, string> = {
      nginx: nginx.origin,
      proxy: ready.proxyOrigin,
      plain: ready.plainOrigin,
      hono: ready.honoOrigin,
    };
    const url = (name: ServerName) => `${origins[name]}${body.path}`;
    const serverPid = child.pid!;
    // Listed afresh at each reading: nginx's cache loader ends a minute after start (see processCpu).
    const cpuOf = (side: "nginx" | "node") => processCpu(side === "nginx" ? nginx!.pids() : [serverPid]);

    // Warm nginx's cache (the first answer is a MISS), then both must answer a hit with the upstream's bytes.
    const upstreamBody = (await get(`${ready.upstreamOrigin}${body.path}`)).body;
    await get(url("nginx"));
    const nginxHit = await get(url("nginx"));
    const proxyHit = await get(url("proxy"));
    const nginxHitStatus = `${nginxHit.status} ${nginxHit.headers.get("x-cache-status") ?? "(none)"}`;
    const proxyHitStatus = `${proxyHit.status} ${proxyHit.headers.get("cache-status") ?? "(none)"}`;
    if (!isNginxHit(nginxHitStatus))
      throw new Error(`warm-up: nginx answered ${body.path} with "${nginxHitStatus}", not "200 HIT"`);
    if (!isProxyHit(proxyHitStatus))
      throw new Error(`warm-up: the proxy answered ${body.path} with "${proxyHitStatus}", not a hit`);
    const sameBody = nginxHit.body.equals(upstreamBody) && proxyHit.body.equals(upstreamBody);
    if (!sameBody) throw new Error("warm-up: nginx's or the proxy's hit differs from the upstream's bytes");

    const checks: NonNullable<NginxBench["checks"]> = {
      non_2xx: 0,
      errors: 0,
      timeouts: 0,
      upstream_requests_during_runs: 0,
      same_body: sameBody,
      nginx_cache_status_samples: [],
      proxy_cache_status_samples: [],
      all_hits: false,
      idle_cpu_utilisation: { node_servers: 0, nginx: 0 },
    };
    const idle = { node_servers: [] as number[], nginx: [] as number[] };
    const sample = async (name: ServerName) => {
      if (name === "nginx") checks.nginx_cache_status_samples.push(await nginxStatus(url(name)));
      if (name === "proxy") checks.proxy_cache_status_samples.push(await proxyStatus(url(name)));
    };

    for (const name of SERVERS) await load(url(name), warmupS, connections);
    const upstreamBefore = await upstreamCount(ready.upstreamOrigin);
    const runs: Record<ServerName, CpuRun[]> = { nginx: [], proxy: [], plain: [], hono: [] };
    for (let i = 0; i < rounds; i++) {
      // Rotated each round, so no server always runs first or right after the same other one.
      const order = [...SERVERS.slice(i % SERVERS.length), ...SERVERS.slice(0, i % SERVERS.length)];
      for (const name of order) {
        await sample(name);
        const side = name === "nginx" ? "nginx" : "node";
        const otherSide = name === "nginx" ? "node" : "nginx";
        const before = cpuOf(side);
        const otherBefore = cpuOf(otherSide);
        const result = await load(url(name), durationS, connections);
        const cpu = cpuSince(before, cpuOf(side));
        const other = cpuSince(otherBefore, cpuOf(otherSide));
        idle[name === "nginx" ? "node_servers" : "nginx"].push(
          (other.user_s + other.system_s) / result.seconds,
        );
        await sample(name);
        checks.non_2xx += result.non2xx;
        checks.errors += result.errors;
        checks.timeouts += result.timeouts;
        runs[name].push(cpuRun(result, cpu));
      }
    }
    checks.idle_cpu_utilisation = {
      node_servers: round(median(idle.node_servers), 3),
      nginx: round(median(idle.nginx), 3),
    };
    checks.upstream_requests_during_runs = (await upstreamCount(ready.upstreamOrigin)) - upstreamBefore;
    checks.all_hits =
      checks.non_2xx === 0 &&
      checks.errors === 0 &&
      checks.timeouts === 0 &&
      checks.upstream_requests_during_runs === 0 &&
      checks.nginx_cache_status_samples.every(isNginxHit) &&
      checks.proxy_cache_status_samples.every(isProxyHit);

    // Ratios within a round (the runs closest in time), then the median over rounds.
    const ratioRounds = runs.proxy.map(
      (r, i) => r.requests_per_cpu_second / runs.nginx[i]!.requests_per_cpu_second,
    );
    const ratio = median(ratioRounds);
    return {
      ok: checks.all_hits,
      settings: { rounds, duration_s: durationS, warmup_s: warmupS, connections, pipelining: 1 },
      nginx: { binary, version: nginx.version, config: nginx.config },
      body_bytes: body.bodyBytes,
      servers: {
        nginx: figures(runs.nginx),
        proxy: figures(runs.proxy),
        plain: figures(runs.plain),
        hono: figures(runs.hono),
      },
      ratio: round(ratio, 3),
      ratio_rounds: ratioRounds.map((x) => round(x, 2)),
      pass: ratio >= NGINX_RATIO_TARGET,
      checks,
      machine: {
        cores: availableParallelism(),
        load_average_start: round(loadStart),
        load_average_end: round(loadavg()[0]!),
      },
    };
  } finally {
    await nginx?.stop();
    await stopServers(child);
  }
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const int = (n: number) => Math.round(n).toLocaleString("en-US");

export function formatNginxBench(r: NginxBench): string {
  const title =
    "nginx comparison: requests per second of server CPU, 40 KB cache hits, goatkit-proxy vs nginx proxy_cache";
  if (r.skipped) return `${title}\n  SKIPPED: ${r.skipped}`;
  const s = r.settings!;
  const servers = r.servers!;
  const c = r.checks!;
  const lines = [
    title,
    `  ${r.nginx!.version} (${r.nginx!.binary}): worker_processes 1, access_log off, proxy_cache (disk, sendfile); proxy: memory store, no access log`,
    `  autocannon on loopback, ${s.connections} connections, pipelining 1, ${s.rounds} interleaved rounds of ${s.duration_s} s after ${s.warmup_s} s warm-up; body ${int(r.body_bytes!)} bytes`,
    "  CPU: user + system time of the server's process(es) from /proc over each run; figures are medians of rounds",
  ];
  for (const name of SERVERS) {
    const f = servers[name];
    lines.push(
      `    ${LABELS[name].padEnd(23)} ${int(f.requests_per_cpu_second).padStart(7)} req per CPU-s   ` +
        `${f.cpu_us_per_request.toFixed(1).padStart(6)} µs CPU/req (user ${f.user_us_per_request.toFixed(1)}, system ${f.system_us_per_request.toFixed(1)})   ` +
        `wall ${int(f.requests_per_second)} req/s at ${Math.round(f.cpu_utilisation * 100)} % of a core`,
    );
  }
  lines.push(
    `  ratio proxy ÷ nginx (req per CPU-s) ${r.ratio!.toFixed(2)}× (target ≥ ${NGINX_RATIO_TARGET}×) ${r.pass ? "PASS" : "MISS"}; rounds ${r.ratio_rounds!.join(", ")}`,
  );
  // Where the proxy's CPU per request goes, step by step from the C reference.
  const us = (name: ServerName) => servers[name].cpu_us_per_request;
  const step = (from: ServerName, to: ServerName, what: string) => {
    const d = us(to) - us(from);
    return `    ${LABELS[to].padEnd(23)} ${d >= 0 ? "+" : "−"}${Math.abs(d).toFixed(1).padStart(5)} µs over ${LABELS[from]}: ${what}`;
  };
  lines.push(
    `  where the proxy's CPU per request goes${r.pass ? "" : " (target missed)"}: ${us("nginx").toFixed(1)} µs for nginx, then`,
    step("nginx", "plain", "Node's HTTP stack and JS runtime (the floor for any Node server)"),
    step("plain", "hono", "web Request/Response and Hono's routing (the framework)"),
    step("hono", "proxy", "the proxy's own work: middleware chain, cache lookup, metrics, async hops"),
  );
  if (!r.pass)
    lines.push(
      "    (a CPU profile of the proxy under the same load: `pnpm bench --only cache-hit --cpu-prof`)",
    );
  lines.push(
    `  checks: non-2xx ${c.non_2xx}, errors ${c.errors}, timeouts ${c.timeouts}, upstream requests during runs ${c.upstream_requests_during_runs}, ` +
      `same bytes ${c.same_body ? "yes" : "NO"}; nginx X-Cache-Status samples ${c.nginx_cache_status_samples.length} (${[...new Set(c.nginx_cache_status_samples)].join(" | ")}), ` +
      `proxy Cache-Status samples ${c.proxy_cache_status_samples.length} (${[...new Set(c.proxy_cache_status_samples.map((x) => x.replace(/ttl=\d+/, "ttl=…")))].join(" | ")})`,
    `  background CPU while the other side was loaded: node servers' process ${pct(c.idle_cpu_utilisation.node_servers)} of a core, nginx ${pct(c.idle_cpu_utilisation.nginx)} (included in the figures above)`,
    `  ${c.all_hits ? "every measured answer was a cache hit" : "NOT all measured answers were cache hits: the figures above do not measure the caches"}`,
    `  machine: ${r.machine!.cores} cores, 1-min load average ${r.machine!.load_average_start} before, ${r.machine!.load_average_end} after (CPU per request moves less with other load than req/s)`,
  );
  return lines.join("\n");
}

/** Flags shared with `index.ts` (the same names as the cache-hit bench's). */
export function nginxOptionsFromArgs(args: string[]): NginxBenchOptions {
  const { values } = parseArgs({
    args,
    strict: false,
    options: {
      rounds: { type: "string" },
      duration: { type: "string" },
      warmup: { type: "string" },
      connections: { type: "string" },
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
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await benchNginx(nginxOptionsFromArgs(process.argv.slice(2)));
  console.log(formatNginxBench(result));
  if (!result.ok) process.exitCode = 1;
}
