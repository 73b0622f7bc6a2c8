/**
 * Soak bench: one million API requests, each with a distinct invalid key (well-formed but unknown,
 * malformed, or junk), against one in-process sandbox (`app.fetch`, scale "small", default limits).
 * Resident memory is read after a warm-up and after the soak, each the median of three readings taken
 * right after a forced GC; the target is an end within 10 % of the start. The request log's key labels
 * and the size of `GET /__sandbox/requests` are reported too.
 *
 * The measurement runs in a child `node --expose-gc` (so the GC can be forced whatever the parent was
 * started with); `benchSoak()` spawns it and parses its JSON. Run directly with
 * `npx tsx --conditions=@goatkit/source bench/soak.ts` (add `--requests <n>` for a shorter run).
 */
import { spawn } from "node:child_process";
import { dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createSandboxApp } from "../src/app.js";

const NOW = "2026-06-17T15:30:00Z";
const REQUESTS = 1_000_000;
const WARMUP = 50_000;
/** Requests in flight at once (in process there is no socket; this only batches the awaits). */
const CONCURRENCY = 64;
/** The child is killed past this. */
const TIMEOUT_MS = 5 * 60_000;
const TARGET = 0.1;

const HERE = dirname(fileURLToPath(import.meta.url));
const PACKAGE_DIR = resolve(HERE, "..");

export interface SoakBench {
  requests: number;
  warmup_requests: number;
  seconds: number;
  requests_per_second: number;
  /** Median of three post-GC readings after the warm-up, MB. */
  rss_start_mb: number;
  /** Median of three post-GC readings after the soak, MB. */
  rss_end_mb: number;
  heap_start_mb: number;
  heap_end_mb: number;
  /** (end − start) / start. */
  rss_growth: number;
  within_target: boolean;
  /** Distinct labels in the request log's byKey after the soak. */
  key_labels: number;
  /** Bytes of `GET /__sandbox/requests` after the soak. */
  requests_endpoint_bytes: number;
  statuses: Record<string, number>;
  gc_exposed: boolean;
}

/**
 * The `i`-th invalid key: a third well-formed but unknown, a third malformed `tga_`, a third junk. The
 * varying digits sit at both ends, where a redacted label (`tga_3f2a…9c1d`) shows them, so a log keyed
 * by label would grow by one entry per request.
 */
function invalidKey(i: number): string {
  const hex = i.toString(16).padStart(8, "0");
  const [head, tail] = [hex.slice(0, 4), hex.slice(4)];
  switch (i % 3) {
    case 0:
      return `tga_${head}${"0".repeat(56)}${tail}`;
    case 1:
      return `tga_${head}-not-hex-${tail}`;
    default:
      return `junk-${hex}`;
  }
}

const mb = (bytes: number) => Math.round((bytes / 1e6) * 10) / 10;

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

/** Median of three readings, each right after two forced collections and a short pause. */
async function settledMemory(): Promise<{ rss: number; heap: number }> {
  const gc = (globalThis as { gc?: () => void }).gc;
  const rss: number[] = [];
  const heap: number[] = [];
  for (let i = 0; i < 3; i++) {
    gc?.();
    gc?.();
    await new Promise((r) => setTimeout(r, 100));
    const m = process.memoryUsage();
    rss.push(m.rss);
    heap.push(m.heapUsed);
  }
  return { rss: median(rss), heap: median(heap) };
}

/** The measurement itself, in this process. */
export async function soakInProcess(requests = REQUESTS, warmup = WARMUP): Promise<SoakBench> {
  const sb = createSandboxApp({ scale: "small", now: NOW, logErrors: false });
  const statuses: Record<string, number> = {};
  let next = 0;
  const fire = async (count: number) => {
    const end = next + count;
    const worker = async () => {
      while (next < end) {
        const i = next++;
        const res = await sb.app.fetch(
          new Request("http://sandbox.local/api/v1/creators", {
            headers: { authorization: `Bearer ${invalidKey(i)}` },
          }),
        );
        await res.arrayBuffer();
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  };

  await fire(warmup);
  const start = await settledMemory();
  const t0 = performance.now();
  await fire(requests);
  const seconds = (performance.now() - t0) / 1000;
  const end = await settledMemory();

  const endpoint = await sb.app.fetch(new Request("http://sandbox.local/__sandbox/requests"));
  const body = await endpoint.text();
  const growth = (end.rss - start.rss) / start.rss;
  return {
    requests,
    warmup_requests: warmup,
    seconds: Math.round(seconds * 10) / 10,
    requests_per_second: Math.round(requests / seconds),
    rss_start_mb: mb(start.rss),
    rss_end_mb: mb(end.rss),
    heap_start_mb: mb(start.heap),
    heap_end_mb: mb(end.heap),
    rss_growth: Math.round(growth * 1000) / 1000,
    within_target: growth <= TARGET,
    key_labels: Object.keys(sb.requests().byKey).length,
    requests_endpoint_bytes: Buffer.byteLength(body),
    statuses,
    gc_exposed: typeof (globalThis as { gc?: unknown }).gc === "function",
  };
}

/** Runs the soak in a child `node --expose-gc` and returns its figures. */
export function benchSoak(requests = REQUESTS): Promise<SoakBench> {
  const args = [
    "--expose-gc",
    "--conditions=@goatkit/source",
    "--import",
    "tsx",
    fileURLToPath(import.meta.url),
    "--child",
    "--requests",
    String(requests),
  ];
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, args, { cwd: PACKAGE_DIR, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      out += chunk;
    });
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`soak bench: no result after ${TIMEOUT_MS / 1000} s`));
    }, TIMEOUT_MS);
    child.on("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      const line = out.trim().split("\n").at(-1) ?? "";
      try {
        if (code !== 0) throw new Error(`exit code ${code}`);
        resolvePromise(JSON.parse(line) as SoakBench);
      } catch (err) {
        reject(new Error(`soak bench child failed (${String(err)}): ${out.slice(-500)}`));
      }
    });
  });
}

export function formatSoakBench(r: SoakBench): string {
  const sign = r.rss_growth >= 0 ? "+" : "";
  return [
    `soak: ${r.requests.toLocaleString("en-US")} requests with distinct invalid keys, in process, scale "small" (after ${r.warmup_requests.toLocaleString("en-US")} warm-up)`,
    `  ${r.seconds} s, ${r.requests_per_second.toLocaleString("en-US")} requests/s, statuses ${JSON.stringify(r.statuses)}`,
    `  rss  start ${r.rss_start_mb} MB  end ${r.rss_end_mb} MB  (${sign}${(r.rss_growth * 100).toFixed(1)} %; target ≤ +${TARGET * 100} %: ${r.within_target ? "met" : "MISSED"})`,
    `  heap start ${r.heap_start_mb} MB  end ${r.heap_end_mb} MB  (median of 3 readings after a forced GC${r.gc_exposed ? "" : "; GC NOT exposed"})`,
    `  request log: ${r.key_labels} key labels; GET /__sandbox/requests ${r.requests_endpoint_bytes} bytes`,
  ].join("\n");
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const at = process.argv.indexOf("--requests");
  const requests = at >= 0 ? Number(process.argv[at + 1]) : REQUESTS;
  if (process.argv.includes("--child")) {
    console.log(JSON.stringify(await soakInProcess(requests, Math.min(WARMUP, requests))));
  } else {
    const r = await benchSoak(requests);
    console.log(formatSoakBench(r));
    if (!r.within_target) process.exitCode = 1;
  }
}
