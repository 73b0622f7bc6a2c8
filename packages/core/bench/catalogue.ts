/**
 * Catalogue bench, three figures from one run:
 * 1. What analysing every campaign of the demo project (sandbox seed 42, small) costs in requests, with
 *    the cache off and then on. Target with the cache: the project's lists once (campaigns, creators,
 *    videos) plus each campaign's own items and stats.
 * 2. All six workflows once on one project, cold (empty cache) and warm: requests and wall time.
 * 3. Abort latency at the large scale: from `controller.abort()` to the run's rejection, median of 5.
 *
 * Run directly: `pnpm --filter @goatkit/core exec tsx --conditions=@goatkit/source bench/catalogue.ts`.
 */
import { pathToFileURL } from "node:url";
import { type RunningSandbox, startSandbox } from "../../sandbox/src/index.js";
import { createdBaselineDay, targetEndDay } from "../src/analysis/campaign-target.js";
import { presetRange } from "../src/analysis/date-presets.js";
import { addDays } from "../src/analysis/dates.js";
import { ResponseCache } from "../src/cache/index.js";
import { createClient, type TrackagoatClient } from "../src/client/index.js";
import type { Campaign } from "../src/schema/campaign.js";
import { fetchAll } from "../src/workflows/fetch.js";
import { getWorkflow, workflows } from "../src/workflows/index.js";

const NOW = "2026-03-15T12:00:00.000Z";
const pages = (n: number) => Math.max(1, Math.ceil(n / 100));

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const clientFor = (sb: RunningSandbox) =>
  createClient({ apiKey: sb.keys.readWrite, baseUrl: sb.url, rateLimit: false, maxRetries: 0 });

export interface CatalogueBenchResult {
  ok: boolean;
  campaigns: number;
  cacheOffRequests: number;
  cacheOnRequests: number;
  cacheOnTarget: number;
  workflows: Array<{
    name: string;
    coldRequests: number;
    coldMs: number;
    sharedRequests: number;
    warmRequests: number;
    warmMs: number;
  }>;
  abort: { scale: string; videos: number; samplesMs: number[]; medianMs: number; requestsAfterAbort: number };
}

async function everyCampaign(
  client: TrackagoatClient,
  projectId: string,
  ids: string[],
  cache?: ResponseCache,
) {
  const before = client.requestCount;
  for (const campaign_id of ids) {
    await getWorkflow("campaign_performance").run(
      client,
      { campaign_id, project_id: projectId, as_of: NOW },
      cache ? { cache } : {},
    );
  }
  return client.requestCount - before;
}

/**
 * The lower bound the cache aims at: each list once, plus what only one campaign needs: its items, its
 * stats, and for a campaign with a view target whose creation (or passed target_at) lies before the
 * range's history, the one history request that measures views gained since it was created.
 */
async function cacheTarget(
  client: TrackagoatClient,
  projectId: string,
  campaigns: Campaign[],
): Promise<number> {
  const count = async (list: Promise<unknown[]>) => (await list).length;
  let total =
    pages(await count(fetchAll(client.campaigns.list({ project_id: projectId, limit: 100 })))) +
    pages(await count(fetchAll(client.creators.list({ project_id: projectId, limit: 100 })))) +
    pages(await count(fetchAll(client.videos.list({ project_id: projectId, limit: 100 }))));
  const historyFrom = addDays(presetRange("last_30_days", Date.parse(NOW)).from, -1);
  for (const c of campaigns) {
    total += 1 + pages(await count(fetchAll(client.campaigns.items(c.id, { limit: 100 }))));
    const days = [createdBaselineDay(c.created_at), targetEndDay(c.target_at, NOW)];
    if ((c.target_views ?? 0) > 0 && days.some((d) => d !== null && d < historyFrom)) total += 1;
  }
  return total;
}

async function demoProject() {
  const sb = await startSandbox({ seed: 42, scale: "small", now: NOW, rateLimit: false, dailyQuota: false });
  try {
    const probe = clientFor(sb);
    const project = (await probe.projects.list()).data[0]!;
    const campaigns = await fetchAll(probe.campaigns.list({ project_id: project.id, limit: 100 }));
    const ids = campaigns.map((c) => c.id);
    const cacheOffRequests = await everyCampaign(clientFor(sb), project.id, ids);
    const cacheOnRequests = await everyCampaign(clientFor(sb), project.id, ids, new ResponseCache());
    const cacheOnTarget = await cacheTarget(probe, project.id, campaigns);

    const creator = (await probe.creators.list({ project_id: project.id })).data[0]!;
    const paramsFor: Record<string, Record<string, unknown>> = {
      campaign_performance: { campaign_id: ids[0], project_id: project.id },
      campaign_comparison: { project_id: project.id },
      underperforming_creators: { project_id: project.id },
      campaign_content: { campaign_id: ids[0], project_id: project.id },
      creator_trend: { creator_id: creator.id, project_id: project.id },
      program_health: { project_id: project.id },
    };
    const client = clientFor(sb);
    const once = async (name: string, cache: ResponseCache) => {
      const before = client.requestCount;
      const t0 = performance.now();
      await getWorkflow(name)!.run(client, { ...paramsFor[name], as_of: NOW } as never, { cache });
      return { requests: client.requestCount - before, ms: performance.now() - t0 };
    };
    // Cold: each workflow alone on an empty cache (its own full cost). Shared: the six in catalogue order
    // on one cache, so later ones reuse the lists earlier ones fetched. Warm: the six again on that cache.
    const rows: CatalogueBenchResult["workflows"] = [];
    for (const w of workflows) {
      const cold = await once(w.name, new ResponseCache());
      rows.push({
        name: w.name,
        coldRequests: cold.requests,
        coldMs: cold.ms,
        sharedRequests: 0,
        warmRequests: 0,
        warmMs: 0,
      });
    }
    const shared = new ResponseCache();
    for (const row of rows) row.sharedRequests = (await once(row.name, shared)).requests;
    for (const row of rows) {
      const warm = await once(row.name, shared);
      Object.assign(row, { warmRequests: warm.requests, warmMs: warm.ms });
    }
    return { campaigns: ids.length, cacheOffRequests, cacheOnRequests, cacheOnTarget, workflows: rows };
  } finally {
    await sb.stop();
  }
}

async function abortLatency(): Promise<CatalogueBenchResult["abort"]> {
  const sb = await startSandbox({ seed: 42, scale: "large", now: NOW, rateLimit: false, dailyQuota: false });
  try {
    const probe = clientFor(sb);
    const project = (await probe.projects.list()).data[0]!;
    const samples: number[] = [];
    let videos = 0;
    let after = 0;
    for (let i = 0; i < 5; i++) {
      const client = clientFor(sb);
      const controller = new AbortController();
      let abortedAt = 0;
      let sentAtAbort = 0;
      const run = getWorkflow("program_health").run(
        client,
        { project_id: project.id, as_of: NOW },
        {
          signal: controller.signal,
          onProgress: (e) => {
            // Abort in the middle of the big video list, with requests in flight.
            if (e.resource === "videos" && (e.pages ?? 0) === 20 + i * 10 && abortedAt === 0) {
              videos = Math.max(videos, e.items ?? 0);
              sentAtAbort = client.requestCount;
              abortedAt = performance.now();
              controller.abort(new Error("bench abort"));
            }
          },
        },
      );
      await run.catch(() => {});
      samples.push(performance.now() - abortedAt);
      await new Promise((r) => setTimeout(r, 100));
      after += client.requestCount - sentAtAbort;
    }
    return {
      scale: "large",
      videos,
      samplesMs: samples.map((s) => Math.round(s * 100) / 100),
      medianMs: Math.round(median(samples) * 100) / 100,
      requestsAfterAbort: after,
    };
  } finally {
    await sb.stop();
  }
}

export async function benchCatalogue(): Promise<CatalogueBenchResult> {
  const demo = await demoProject();
  const abort = await abortLatency();
  return {
    ok: demo.cacheOnRequests <= demo.cacheOnTarget && abort.requestsAfterAbort === 0,
    ...demo,
    abort,
  };
}

function sum<T>(rows: readonly T[], key: keyof T): number {
  return rows.reduce((s, r) => s + (r[key] as number), 0);
}

export function formatCatalogueBench(r: CatalogueBenchResult): string {
  const lines = [
    "catalogue: every campaign of the demo project (seed 42, small) through campaign_performance",
    `  ${r.campaigns} campaigns: cache off ${r.cacheOffRequests} requests, cache on ${r.cacheOnRequests} ` +
      `(target ≤ ${r.cacheOnTarget}: the lists once + each campaign's items and stats, + 1 per target to measure since creation; ` +
      `${(r.cacheOffRequests / Math.max(1, r.cacheOnRequests)).toFixed(1)}× fewer)`,
    "  all six workflows on one project: cold (alone, empty cache), shared (in order, one cache), warm (again):",
    `    ${"workflow".padEnd(26)} ${"cold req".padStart(8)} ${"cold ms".padStart(8)} ${"shared req".padStart(10)} ${"warm req".padStart(8)} ${"warm ms".padStart(8)}`,
    ...r.workflows.map(
      (w) =>
        `    ${w.name.padEnd(26)} ${String(w.coldRequests).padStart(8)} ${w.coldMs.toFixed(0).padStart(8)} ${String(w.sharedRequests).padStart(10)} ${String(w.warmRequests).padStart(8)} ${w.warmMs.toFixed(0).padStart(8)}`,
    ),
    `    ${"total".padEnd(26)} ${String(sum(r.workflows, "coldRequests")).padStart(8)} ${sum(r.workflows, "coldMs").toFixed(0).padStart(8)} ${String(sum(r.workflows, "sharedRequests")).padStart(10)} ${String(sum(r.workflows, "warmRequests")).padStart(8)} ${sum(r.workflows, "warmMs").toFixed(0).padStart(8)}`,
    `  abort at the large scale (program_health, aborted mid video list): median ${r.abort.medianMs} ms from abort() to rejection ` +
      `(samples ${r.abort.samplesMs.join(", ")} ms); requests sent after the abort: ${r.abort.requestsAfterAbort}`,
  ];
  return lines.join("\n");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  console.log(formatCatalogueBench(await benchCatalogue()));
}
