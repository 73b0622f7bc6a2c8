/**
 * `pnpm bench` in packages/sandbox: the world generator bench (bench/world.ts), the API bench
 * (bench/api.ts), then the soak bench (bench/soak.ts, a child process with a forced GC), then a
 * one-screen summary. Each bench runs on its own so one failing does not hide the others; the exit code
 * is non-zero if any failed or the soak missed its memory target.
 */
import { type ApiBench, benchApi, formatApiBench } from "./api.js";
import { benchSoak, formatSoakBench, type SoakBench } from "./soak.js";
import { benchWorld } from "./world.js";

interface Outcome {
  name: string;
  seconds: number;
  error?: string;
}

const outcomes: Outcome[] = [];

async function run<T>(name: string, bench: () => Promise<T>, show: (result: T) => string): Promise<T | null> {
  const started = performance.now();
  try {
    const result = await bench();
    console.log(show(result));
    console.log("");
    outcomes.push({ name, seconds: (performance.now() - started) / 1000 });
    return result;
  } catch (err) {
    console.error(`${name} failed:`, err);
    outcomes.push({ name, seconds: (performance.now() - started) / 1000, error: String(err) });
    process.exitCode = 1;
    return null;
  }
}

const world = await run("world", benchWorld, (r) =>
  [
    `world generation, scale "large"`,
    ...Object.entries(r).map(([k, v]) => `  ${k.padEnd(26)} ${v.toLocaleString("en-US")}`),
  ].join("\n"),
);
const api: ApiBench | null = await run("api", benchApi, formatApiBench);
const soak: SoakBench | null = await run("soak", () => benchSoak(), formatSoakBench);
if (soak && !soak.within_target) process.exitCode = 1;

console.log("summary");
for (const o of outcomes)
  console.log(`  ${o.name.padEnd(8)} ${o.error ? "ERROR" : "done "} ${o.seconds.toFixed(1)} s`);
if (world)
  console.log(`  generate (large, median)       ${world.generate_ms_median?.toLocaleString("en-US")} ms`);
if (api) {
  console.log(`  sandbox start-up (large)       ${api.startup_ms.toLocaleString("en-US")} ms`);
  for (const [name, m] of Object.entries(api.routes))
    console.log(`  ${name.padEnd(38)} ${m.median_ms.toFixed(2)} ms`);
}
if (soak)
  console.log(
    `  soak rss (1M invalid keys)     ${soak.rss_start_mb} → ${soak.rss_end_mb} MB (${soak.within_target ? "within" : "NOT within"} 10 %)`,
  );
