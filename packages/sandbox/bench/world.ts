/**
 * Benchmark of the world generator at the "large" scale: generation time (median of 3 runs, wall clock
 * and CPU) and how much resident memory one generated world keeps. Run directly with `npx tsx bench/world.ts`
 * (add `node --expose-gc` via `NODE_OPTIONS=--expose-gc` for a cleaner memory figure).
 */
import { pathToFileURL } from "node:url";
import { generateWorld, type World } from "../src/world/index.js";

const NOW = "2026-06-17T15:30:00Z";
const RUNS = 3;

function collect(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
}

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export async function benchWorld(): Promise<Record<string, number>> {
  const times: number[] = [];
  const cpu: number[] = [];
  collect();
  const rssBefore = process.memoryUsage().rss;
  let kept: World | null = null;
  let rssAfter = rssBefore;
  for (let run = 0; run < RUNS; run++) {
    kept = null;
    collect();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const world = generateWorld({ seed: 42 + run, scale: "large", now: NOW });
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    if (run === 0) {
      kept = world;
      collect();
      rssAfter = process.memoryUsage().rss;
    }
  }
  const world = kept ?? generateWorld({ seed: 42, scale: "large", now: NOW });
  const orgA = world.orgs[0]!.id;
  return {
    generate_ms_median: Math.round(median(times)),
    generate_ms_min: Math.round(Math.min(...times)),
    generate_ms_max: Math.round(Math.max(...times)),
    // CPU time (including GC threads) is the steadier figure on a busy machine.
    generate_cpu_ms_median: Math.round(median(cpu)),
    rss_increase_mb: Math.round((rssAfter - rssBefore) / 1e6),
    gc_exposed: typeof (globalThis as { gc?: unknown }).gc === "function" ? 1 : 0,
    creators_org_a: world.creators.filter((c) => c._org_id === orgA).length,
    videos_org_a: world.videos.filter((v) => v._org_id === orgA).length,
    creators: world.creators.length,
    videos: world.videos.length,
    campaigns: world.campaigns.length,
    campaign_items: world.campaignItems.length,
    goals: world.goals.length,
    payout_accruals: world.payoutAccruals.length,
    payout_payments: world.payoutPayments.length,
    snapshot_days: world.days.length,
    underperformers: world.truth.underperformers.length,
    outlier_videos: world.truth.outlier_videos.length,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await benchWorld();
  const width = Math.max(...Object.keys(result).map((k) => k.length));
  console.log(`world generation, scale "large", ${RUNS} runs (seeds 42–${42 + RUNS - 1})`);
  for (const [k, v] of Object.entries(result))
    console.log(`  ${k.padEnd(width)}  ${v.toLocaleString("en-US")}`);
}
