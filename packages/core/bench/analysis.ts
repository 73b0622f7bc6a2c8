/**
 * Analysis bench, two parts:
 * 1. Planted-truth scores: the real workflows over HTTP against the sandbox (seeds 42, 7 and 1234,
 *    small scale), scored for precision/recall/F1 (underperformers, posting gaps, stale creators,
 *    outliers, over-posting) and exact campaign totals.
 * 2. Scale: the large world's org A (≈250,000 videos) serialised as the JSON a client would hold,
 *    then the median `JSON.parse` time against the median time of the whole in-memory analysis
 *    (index + underperformers + content/outliers + over-posting). Targets: analysis ≤ 0.5× parse,
 *    memory growth ≤ 3× the JSON's byte size.
 *
 * Run directly: `pnpm --filter @goatkit/core exec tsx --conditions=@goatkit/source bench/analysis.ts`.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { generateWorld, type RunningSandbox, startSandbox } from "../../sandbox/src/index.js";
import { analyzeContent } from "../src/analysis/content.js";
import { findOverPosting } from "../src/analysis/over-posting.js";
import { findUnderperformers } from "../src/analysis/underperformers.js";
import { indexVideos } from "../src/analysis/video-index.js";
import type { Score } from "../src/test-helpers/scoring.js";
import { runAllWorkflows, scoreResults, type TruthScores } from "../src/test-helpers/truth-scoring.js";

const NOW = "2026-03-15T12:00:00.000Z";
const SEEDS = [42, 7, 1234];
const RUNS = 7;
const TARGET_RATIO = 0.5;
const TARGET_MEMORY = 3;
const CHILD_ENV = "GOATKIT_BENCH_ANALYSIS_JSON";

export interface SeedScores {
  seed: number;
  scores: Omit<TruthScores, "reasons">;
  ms: number;
}

export interface AnalysisBenchResult {
  name: "analysis";
  seeds: SeedScores[];
  large: {
    videos: number;
    creators: number;
    jsonBytes: number;
    parseMedianMs: number;
    analysisMedianMs: number;
    /** analysisMedianMs / parseMedianMs */
    ratio: number;
    targetRatio: number;
    /** JS heap + ArrayBuffer growth over a baseline that already holds the JSON text. */
    heapDeltaBytes: number;
    rssDeltaBytes: number;
    /** max(heap, rss) growth / jsonBytes */
    memoryRatio: number;
    targetMemory: number;
    findings: { underperformers: number; outliers: number; overPosting: number };
  };
  ok: boolean;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

function gcFunction(): () => void {
  setFlagsFromString("--expose-gc");
  return runInNewContext("gc") as () => void;
}

async function scoreSeed(seed: number): Promise<SeedScores> {
  const sandbox: RunningSandbox = await startSandbox({
    seed,
    scale: "small",
    now: NOW,
    rateLimit: false,
    dailyQuota: false,
    logErrors: false,
  });
  try {
    const t0 = performance.now();
    const { reasons: _reasons, ...scores } = scoreResults(await runAllWorkflows(sandbox), sandbox.truth);
    return { seed, scores, ms: Math.round(performance.now() - t0) };
  } finally {
    await sandbox.stop();
  }
}

/** The org's creators and videos as the API would serve them (internal `_` fields stripped), on disk. */
function writeOrgJson(file: string): { videos: number; creators: number } {
  const world = generateWorld({ scale: "large", now: NOW, seed: 42 });
  const orgId = world.orgs[0]!.id;
  const strip = (key: string, value: unknown) => (key.startsWith("_") ? undefined : value);
  const creators = world.creators.filter((c) => c._org_id === orgId && !c._deleted);
  const videos = world.videos.filter(
    (v) => v._org_id === orgId && !v._deleted && v.tracking_status !== "excluded",
  );
  writeFileSync(file, JSON.stringify({ creators, videos }, strip));
  return { videos: videos.length, creators: creators.length };
}

interface Parsed {
  creators: Parameters<typeof findUnderperformers>[0];
  videos: Parameters<typeof indexVideos>[0];
}

/** The in-memory analysis a workflow runs on a project's lists, sharing one index. */
function analyse(data: Parsed) {
  const index = indexVideos(data.videos);
  const under = findUnderperformers(data.creators, index, NOW);
  const content = analyzeContent(index, data.creators, NOW);
  const over = findOverPosting(index, NOW);
  return {
    underperformers: under.underperformers.length,
    outliers: content.outliers.outliers.length,
    overPosting: over.incidents.length,
  };
}

type Measured = Omit<AnalysisBenchResult["large"], "videos" | "creators">;

/**
 * Runs in a fresh process, so its memory figures are not blurred by the world generator's heap:
 * reads the JSON text, then measures growth over that baseline and the parse and analysis times.
 */
function measureInChild(file: string): Measured {
  const gc = gcFunction();
  const json = readFileSync(file, "utf8");
  const jsonBytes = Buffer.byteLength(json);
  gc();
  const base = process.memoryUsage();
  let peakHeap = 0;
  let peakRss = 0;
  const sample = () => {
    const m = process.memoryUsage();
    // Typed arrays live outside the JS heap: count them with it.
    peakHeap = Math.max(peakHeap, m.heapUsed + m.arrayBuffers - base.heapUsed - base.arrayBuffers);
    peakRss = Math.max(peakRss, m.rss - base.rss);
  };
  let parsed: Parsed | null = JSON.parse(json) as Parsed;
  sample();
  const findings = analyse(parsed);
  sample();
  parsed = null;
  gc();

  const parseMs: number[] = [];
  const analysisMs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const data = JSON.parse(json) as Parsed;
    parseMs.push(performance.now() - t0);
    // Settle the garbage collector between the two timings, so neither pays for the other's garbage.
    gc();
    const t1 = performance.now();
    analyse(data);
    analysisMs.push(performance.now() - t1);
    gc();
  }
  const parseMedianMs = median(parseMs);
  const analysisMedianMs = median(analysisMs);
  return {
    jsonBytes,
    parseMedianMs: Math.round(parseMedianMs),
    analysisMedianMs: Math.round(analysisMedianMs),
    ratio: Math.round((analysisMedianMs / parseMedianMs) * 1000) / 1000,
    targetRatio: TARGET_RATIO,
    heapDeltaBytes: peakHeap,
    rssDeltaBytes: peakRss,
    memoryRatio: Math.round((Math.max(peakHeap, peakRss) / jsonBytes) * 100) / 100,
    targetMemory: TARGET_MEMORY,
    findings,
  };
}

async function benchLarge(): Promise<AnalysisBenchResult["large"]> {
  const dir = mkdtempSync(join(tmpdir(), "goatkit-bench-"));
  const file = join(dir, "org.json");
  try {
    const counts = writeOrgJson(file);
    const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], {
      env: { ...process.env, [CHILD_ENV]: file },
      encoding: "utf8",
      maxBuffer: 1 << 20,
    });
    if (child.status !== 0) throw new Error(`bench child failed (${child.status}): ${child.stderr}`);
    const line = child.stdout.trim().split("\n").at(-1)!;
    return { ...counts, ...(JSON.parse(line) as Measured) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchAnalysis(): Promise<AnalysisBenchResult> {
  const seeds: SeedScores[] = [];
  for (const seed of SEEDS) seeds.push(await scoreSeed(seed));
  const large = await benchLarge();
  const scoresOk = seeds.every(
    (s) =>
      (["underperformers", "posting_gaps", "stale", "outliers"] as const).every(
        (k) => s.scores[k].precision >= 0.9 && s.scores[k].recall >= 0.9,
      ) &&
      (["backlogs", "cannot_judge"] as const).every((k) => s.scores[k].f1 === 1) &&
      s.scores.campaign_totals.matched === s.scores.campaign_totals.total,
  );
  return {
    name: "analysis",
    seeds,
    large,
    ok: scoresOk && large.ratio <= TARGET_RATIO && large.memoryRatio <= TARGET_MEMORY,
  };
}

const fmt = (s: Score) =>
  `P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}  F1 ${s.f1.toFixed(3)}  (tp ${s.true_positives})`;
const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;

/** The result as the lines bench/run.ts prints. */
export function formatAnalysisBench(r: AnalysisBenchResult): string {
  const out: string[] = ["analysis bench: planted-truth scores (workflows over HTTP, small scale)"];
  for (const s of r.seeds) {
    out.push(`  seed ${s.seed} (${s.scores.projects} projects, ${s.scores.requests} requests, ${s.ms} ms)`);
    for (const k of [
      "underperformers",
      "posting_gaps",
      "stale",
      "backlogs",
      "cannot_judge",
      "outliers",
      "over_posting",
    ] as const) {
      out.push(`    ${k.padEnd(16)} ${fmt(s.scores[k])}`);
    }
    const t = s.scores.campaign_totals;
    out.push(`    campaign totals  ${t.matched}/${t.total} exact`);
  }
  const l = r.large;
  out.push(
    `analysis bench: ${l.videos.toLocaleString("en-US")} videos, ${l.creators} creators, JSON ${mb(l.jsonBytes)}`,
    `  JSON.parse median ${l.parseMedianMs} ms; analysis median ${l.analysisMedianMs} ms`,
    `  ratio ${l.ratio}× (target ≤ ${l.targetRatio}×)`,
    `  memory: heap +${mb(l.heapDeltaBytes)}, rss +${mb(l.rssDeltaBytes)} = ${l.memoryRatio}× the JSON (target ≤ ${l.targetMemory}×)`,
    `  findings: ${l.findings.underperformers} underperformers, ${l.findings.outliers} outliers, ${l.findings.overPosting} over-posting days`,
    r.ok ? "analysis bench: ok" : "analysis bench: MISSED a target",
  );
  return out.join("\n");
}

if (process.env[CHILD_ENV]) {
  console.log(JSON.stringify(measureInChild(process.env[CHILD_ENV]!)));
} else if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const result = await benchAnalysis();
  console.log(formatAnalysisBench(result));
  process.exitCode = result.ok ? 0 : 1;
}
