/**
 * Client overhead bench: page through 10 000 creators served by a local node:http server (pre-serialised
 * pages of 100 in the API's envelope) with the goatkit client, and with a bare `fetch` + `JSON.parse`
 * loop over the same pages (and that loop plus zod validation, to show what validation costs).
 * 11 interleaved runs after a warm-up; reports the medians, their ratio (target ≤ 1.5×), the ratio of the
 * fastest passes (steadier when other processes load the machine) and the client's request count (must
 * be ceil(N / limit)). Run directly: `npx tsx bench/client.ts`.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import { z } from "zod";
import { createClient } from "../src/index.js";
import { Creator } from "../src/schema/index.js";

const TOTAL = 10_000;
const LIMIT = 100;
const RUNS = 11;
const TARGET_RATIO = 1.5;
const KEY = `tga_${"5eed".repeat(16)}`;
const PROJECT_ID = "7d7f2c1e-5b1a-4c3e-9a7b-0c1d2e3f4a5b";

export interface ClientBenchResult {
  name: "client";
  items: number;
  pageSize: number;
  runs: number;
  /** Requests the client sent per full pass; must equal `expectedRequests`. */
  requests: number;
  expectedRequests: number;
  clientMedianMs: number;
  bareMedianMs: number;
  /** clientMedianMs / bareMedianMs: what the target applies to. */
  ratio: number;
  /** Fastest client pass / fastest bare pass: noise only ever adds time, so this is the steadier estimate on a busy machine. */
  minRatio: number;
  /** Median of the bare loop plus the client's zod validation of each page: how much of the gap is validation. */
  validatedMedianMs: number;
  targetRatio: number;
  ok: boolean;
}

function creator(i: number): Record<string, unknown> {
  const hex = i.toString(16).padStart(12, "0");
  return {
    id: `c3a1b2d4-0000-4000-8000-${hex}`,
    project_id: PROJECT_ID,
    tiktok_handle: `creator.${i}_fit`,
    display_name: `Creator ${i} ✨`,
    description:
      i % 4 === 0
        ? "Niche: home workouts. Posts Mon/Thu. Contract renews in June; ask before pausing."
        : null,
    follower_count: 1_000 + ((i * 7919) % 2_500_000),
    total_likes_count: 20_000 + ((i * 104_729) % 90_000_000),
    video_count: 5 + (i % 400),
    tracking_mode: i % 7 === 0 ? "selective" : "auto",
    last_scraped_at: `2026-03-${String(1 + (i % 28)).padStart(2, "0")}T06:${String(i % 60).padStart(2, "0")}:00Z`,
    metadata: i % 3 === 0 ? { tier: "gold", engagement_score: (i % 100) / 10, tags: ["fitness", "ugc"] } : {},
    created_at: "2026-01-05T10:00:00Z",
    updated_at: "2026-03-30T06:00:00Z",
  };
}

/** Page i as the bytes the server sends; cursors are `p<i>`. */
function buildPages(): Buffer[] {
  const count = Math.ceil(TOTAL / LIMIT);
  return Array.from({ length: count }, (_, p) => {
    const data = Array.from({ length: Math.min(LIMIT, TOTAL - p * LIMIT) }, (_, j) => creator(p * LIMIT + j));
    const next = p + 1 < count ? `p${p + 1}` : null;
    return Buffer.from(
      JSON.stringify({ data, error: null, meta: { nextCursor: next, hasMore: next !== null, limit: LIMIT } }),
    );
  });
}

async function startServer(pages: Buffer[]): Promise<{ server: Server; baseUrl: string }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const cursor = url.searchParams.get("cursor");
    const body = pages[cursor === null ? 0 : Number(cursor.slice(1))];
    if (url.pathname !== "/api/v1/creators" || body === undefined) {
      res
        .writeHead(404, { "content-type": "application/json" })
        .end('{"data":null,"error":"not found","meta":{"code":"not_found"}}');
      return;
    }
    res.writeHead(200, { "content-type": "application/json", "content-length": body.length }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1` };
}

const Creators = z.array(Creator);

/**
 * The baseline: what a hand-written loop does (no validation, no retries, no pacing). With `validate`,
 * it also parses each page with the same zod schema as the client, to show how much of the gap is the
 * validation itself.
 */
async function bare(baseUrl: string, validate = false): Promise<number> {
  let items = 0;
  let cursor: string | null = null;
  do {
    const url = `${baseUrl}/creators?project_id=${PROJECT_ID}&limit=${LIMIT}${cursor ? `&cursor=${cursor}` : ""}`;
    const res = await fetch(url, { headers: { authorization: `Bearer ${KEY}`, accept: "application/json" } });
    const body = JSON.parse(await res.text()) as {
      data: unknown[];
      meta: { nextCursor: string | null; hasMore: boolean };
    };
    items += validate ? Creators.parse(body.data).length : body.data.length;
    cursor = body.meta.hasMore ? body.meta.nextCursor : null;
  } while (cursor);
  return items;
}

async function viaClient(baseUrl: string): Promise<{ items: number; requests: number }> {
  const tg = createClient({ apiKey: KEY, baseUrl, rateLimit: false });
  let items = 0;
  for await (const c of tg.creators.list({ project_id: PROJECT_ID, limit: LIMIT })) {
    if (c.follower_count >= 0) items++;
  }
  return { items, requests: tg.requestCount };
}

async function time<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Runs the bench and returns its numbers (prints nothing). */
export async function benchClient(): Promise<ClientBenchResult> {
  const { server, baseUrl } = await startServer(buildPages());
  try {
    let requests = 0;
    let items = 0;
    const contenders: Record<"client" | "bare" | "validated", () => Promise<number>> = {
      client: async () => {
        const r = await viaClient(baseUrl);
        requests = r.requests;
        items = r.items;
        return r.items;
      },
      bare: () => bare(baseUrl),
      validated: () => bare(baseUrl, true),
    };
    const names = Object.keys(contenders) as (keyof typeof contenders)[];
    // warm-up: JIT, keep-alive sockets, zod's compiled parsers
    for (let i = 0; i < 2; i++) for (const name of names) await contenders[name]();
    const times = { client: [] as number[], bare: [] as number[], validated: [] as number[] };
    for (let run = 0; run < RUNS; run++) {
      // rotate the order so that none always runs first (or right after the same neighbour)
      for (let k = 0; k < names.length; k++) {
        const name = names[(run + k) % names.length]!;
        const r = await time(contenders[name]);
        if (r.value !== TOTAL) throw new Error(`${name} saw ${r.value} items, expected ${TOTAL}`);
        times[name].push(r.ms);
      }
    }
    if (items !== TOTAL) throw new Error(`client saw ${items} items, expected ${TOTAL}`);
    const clientMedianMs = median(times.client);
    const bareMedianMs = median(times.bare);
    const ratio = clientMedianMs / bareMedianMs;
    const expectedRequests = Math.ceil(TOTAL / LIMIT);
    return {
      name: "client",
      items,
      pageSize: LIMIT,
      runs: RUNS,
      requests,
      expectedRequests,
      clientMedianMs,
      bareMedianMs,
      ratio,
      minRatio: Math.min(...times.client) / Math.min(...times.bare),
      validatedMedianMs: median(times.validated),
      targetRatio: TARGET_RATIO,
      ok: requests === expectedRequests && ratio <= TARGET_RATIO,
    };
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

/** One human-readable line per fact. */
export function formatClientBench(r: ClientBenchResult): string {
  return [
    `client bench: ${r.items} creators in pages of ${r.pageSize}, ${r.runs} interleaved runs`,
    `  requests per pass: ${r.requests} (expected ${r.expectedRequests})`,
    `  median goatkit client: ${r.clientMedianMs.toFixed(1)} ms`,
    `  median bare fetch + JSON.parse: ${r.bareMedianMs.toFixed(1)} ms`,
    `  median bare + zod validation: ${r.validatedMedianMs.toFixed(1)} ms (${(r.validatedMedianMs / r.bareMedianMs).toFixed(2)}×: the validation share)`,
    `  ratio of medians: ${r.ratio.toFixed(2)}× (target ≤ ${r.targetRatio}×) ${r.ok ? "OK" : "MISSED"}; ratio of fastest passes: ${r.minRatio.toFixed(2)}×`,
  ].join("\n");
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await benchClient();
  console.log(formatClientBench(result));
  // A wrong request count is a bug; a missed ratio is a measurement (noisy on a shared machine).
  if (result.requests !== result.expectedRequests) process.exitCode = 1;
}
