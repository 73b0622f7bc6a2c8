/**
 * Benchmark of the API at the "large" scale (5,000 creators / 250,000 videos) over real HTTP: start-up
 * (generation + indexing), then the median latency of a first page of /creators and /videos
 * (limit 100), a deep page (a cursor in the middle of the list), /creators/{id}/stats for the creator
 * with the most videos, and /campaigns/{id}/stats for the largest campaign.
 * Run directly with `npx tsx --conditions=@goatkit/source bench/api.ts`.
 */
import { pathToFileURL } from "node:url";
import { encodeCursor } from "../src/api/pagination.js";
import { campaignLookup } from "../src/api/routes/campaigns.js";
import { creatorListId } from "../src/api/routes/creators.js";
import { videoListId } from "../src/api/routes/videos.js";
import { startSandbox } from "../src/server.js";
import { resolveCampaignVideos } from "../src/stats/index.js";

const NOW = "2026-06-17T15:30:00Z";
const RUNS = 25;
const WARMUP = 10;

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const round = (ms: number) => Math.round(ms * 100) / 100;

export interface ApiBench {
  startup_ms: number;
  rss_mb: number;
  creators_org_a: number;
  videos_listed_org_a: number;
  largest_campaign_videos: number;
  /** Median ms per request; `bytes` is the response size of one call. */
  routes: Record<string, { median_ms: number; p90_ms: number; bytes: number }>;
}

export async function benchApi(): Promise<ApiBench> {
  const t0 = performance.now();
  const sb = await startSandbox({
    scale: "large",
    now: NOW,
    rateLimit: false,
    dailyQuota: false,
    logErrors: true,
  });
  const startup = performance.now() - t0;
  try {
    const { state } = sb;
    const orgA = state.apiKeys.get(sb.keys.readWrite)!.org_id;
    const headers = { authorization: `Bearer ${sb.keys.readWrite}` };

    const creators = state.creators.list(`org:${orgA}`);
    const videos = state.videos.list(`org:${orgA}`);
    const midCreator = creators.at(creators.length >> 1)!;
    const midVideo = videos.at(videos.length >> 1)!;
    const busiest = [...creators.view()].sort(
      (a, b) => state.creatorVideos(b.id).length - state.creatorVideos(a.id).length,
    )[0]!;
    const lookup = campaignLookup(state);
    let largest = { id: "", size: -1 };
    for (const c of state.campaigns.list(`org:${orgA}`).view()) {
      const size = resolveCampaignVideos(c.id, lookup).length;
      if (size > largest.size) largest = { id: c.id, size };
    }

    const deepCreators = encodeCursor(creatorListId(orgA), state.creators.keyOf(midCreator));
    const deepVideos = encodeCursor(videoListId(orgA), state.videos.keyOf(midVideo));
    const targets: Record<string, string> = {
      "GET /creators?limit=100 (first page)": "/creators?limit=100",
      "GET /creators?limit=100 (deep page)": `/creators?limit=100&cursor=${deepCreators}`,
      "GET /videos?limit=100 (first page)": "/videos?limit=100",
      "GET /videos?limit=100 (deep page)": `/videos?limit=100&cursor=${deepVideos}`,
      "GET /creators/{id}/stats": `/creators/${busiest.id}/stats`,
      "GET /campaigns/{id}/stats (largest)": `/campaigns/${largest.id}/stats`,
    };

    const call = async (name: string, path: string) => {
      const res = await fetch(`${sb.url}${path}`, { headers });
      const body = await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${name}: HTTP ${res.status} ${Buffer.from(body).toString()}`);
      return body.byteLength;
    };
    // Warm every route first (JIT, and the collector's clean-up after generation), so the route measured
    // first is not charged for start-up work.
    for (let i = 0; i < WARMUP; i++)
      for (const [name, path] of Object.entries(targets)) await call(name, path);
    (globalThis as { gc?: () => void }).gc?.();

    const routes: ApiBench["routes"] = {};
    for (const [name, path] of Object.entries(targets)) {
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i < RUNS; i++) {
        const t = performance.now();
        bytes = await call(name, path);
        times.push(performance.now() - t);
      }
      const sorted = times.slice().sort((a, b) => a - b);
      routes[name] = {
        median_ms: round(median(times)),
        p90_ms: round(sorted[Math.floor(sorted.length * 0.9)]!),
        bytes,
      };
    }
    return {
      startup_ms: Math.round(startup),
      rss_mb: Math.round(process.memoryUsage().rss / 1e6),
      creators_org_a: creators.length,
      videos_listed_org_a: videos.length,
      largest_campaign_videos: largest.size,
      routes,
    };
  } finally {
    await sb.stop();
  }
}

export function formatApiBench(r: ApiBench): string {
  const width = Math.max(...Object.keys(r.routes).map((k) => k.length));
  return [
    `API over HTTP, scale "large" (${r.creators_org_a.toLocaleString("en-US")} creators, ${r.videos_listed_org_a.toLocaleString("en-US")} listed videos in org A), ${RUNS} runs after ${WARMUP} warm-up`,
    `  start-up (generate + index + listen)  ${r.startup_ms.toLocaleString("en-US")} ms, rss ${r.rss_mb} MB`,
    `  largest campaign: ${r.largest_campaign_videos.toLocaleString("en-US")} counted videos`,
    ...Object.entries(r.routes).map(
      ([name, m]) =>
        `  ${name.padEnd(width)}  median ${m.median_ms.toFixed(2).padStart(7)} ms  p90 ${m.p90_ms.toFixed(2).padStart(7)} ms  ${(m.bytes / 1024).toFixed(1)} KiB`,
    ),
  ].join("\n");
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(formatApiBench(await benchApi()));
}
