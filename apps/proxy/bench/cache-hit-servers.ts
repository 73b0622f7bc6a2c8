/**
 * The server side of the cache-hit bench, run as a child process by `cache-hit.ts` so that the servers
 * and autocannon each get one of the machine's two cores. It starts, on loopback:
 * - a tiny `node:http` upstream serving fixed JSON envelopes under a real API route family
 *   (`GET /api/v1/creators?limit=…`, family `lists`), and counting the requests it gets;
 * - the proxy in front of it: memory store, `logger: false` (no access log), a freshness long enough
 *   that nothing expires mid-run;
 * - a plain `node:http` server answering every request with the bytes and headers the proxy sends on a
 *   hit (content-type, content-length, age, cache-status), so the two differ only in the work done;
 * - for reference (no target), a bare Hono app on `@hono/node-server` answering the same bytes and headers
 *   with a web `Response`, as the proxy does: the floor of the proxy's stack, which splits the gap to
 *   node:http into what the framework costs and what the proxy's own work costs.
 * It warms the proxy's cache, checks the proxy answers a hit with exactly the upstream's bytes, then sends
 * the parent a {@link ServersReady} message and stays up until the parent disconnects.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import { MemoryStore } from "@goatkit/core";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { startProxy } from "../src/server.js";

/** A syntactically valid key: the proxy partitions its cache by it; the bench upstream never checks it. */
export const BENCH_KEY = `tga_${"b".repeat(64)}`;

/** Body sizes measured, with the `limit` that selects each one at the bench upstream. */
export const BODY_SIZES = [
  { name: "2 KB", bytes: 2 * 1024, limit: 5 },
  { name: "40 KB", bytes: 40 * 1024, limit: 100 },
] as const;

export interface ServedBody {
  name: string;
  /** Path and query below the origin, the same on both servers. */
  path: string;
  bodyBytes: number;
  /** The headers the proxy sent on a hit, which the plain server copies. */
  hitHeaders: Record<string, string>;
}

export interface ServersReady {
  type: "ready";
  proxyOrigin: string;
  plainOrigin: string;
  honoOrigin: string;
  upstreamOrigin: string;
  bodies: ServedBody[];
}

/** `GET /__bench/upstream-count` at the upstream: how many API requests reached it so far. */
export const UPSTREAM_COUNT_PATH = "/__bench/upstream-count";

/** A JSON envelope like the API's list answers, padded with creator-like rows to about `bytes`. */
export function envelopeOfSize(bytes: number): Buffer {
  const rows: unknown[] = [];
  const render = () =>
    Buffer.from(JSON.stringify({ data: rows, error: null, meta: { next_cursor: null, has_more: false } }));
  let body = render();
  for (let i = 0; body.length < bytes; i++) {
    rows.push({
      id: `cr_${i.toString(16).padStart(24, "0")}`,
      tiktok_handle: `creator_${i}`,
      display_name: `Creator number ${i}`,
      follower_count: 10_000 + i * 37,
      total_views: 1_000_000 + i * 4_211,
      video_count: 40 + (i % 17),
      last_scraped_at: "2026-03-15T11:00:00.000Z",
      status: "active",
      tags: ["bench", "cache-hit"],
    });
    body = render();
  }
  return body;
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve(`http://127.0.0.1:${port}`);
    });
  });
}

async function main(): Promise<void> {
  const bodies = new Map(BODY_SIZES.map((s) => [String(s.limit), envelopeOfSize(s.bytes)]));
  let upstreamRequests = 0;
  const upstream = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://upstream");
    if (url.pathname === UPSTREAM_COUNT_PATH) {
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(upstreamRequests));
      return;
    }
    upstreamRequests++;
    const body =
      url.pathname === "/api/v1/creators" ? bodies.get(url.searchParams.get("limit") ?? "") : undefined;
    if (!body) {
      res.writeHead(404, { "content-type": "application/json" });
      res.end(JSON.stringify({ data: null, error: "Not found", meta: { code: "not_found" } }));
      return;
    }
    res.writeHead(200, { "content-type": "application/json", "content-length": body.length }).end(body);
  });
  const upstreamOrigin = await listen(upstream);

  const store = new MemoryStore();
  const proxy = await startProxy({
    upstream: `${upstreamOrigin}/api/v1`,
    store,
    // Entries stay fresh for the whole bench: every measured answer is a plain hit, never a revalidation.
    policy: { lists: { ttlMs: 60 * 60_000 } },
    rateLimit: false,
    // No access log during the run (also the default when used as a library).
    logger: false,
  });

  const headers = { authorization: `Bearer ${BENCH_KEY}` };
  const served: ServedBody[] = [];
  // `bytes` views the same memory as `body`, on a plain ArrayBuffer as a web Response wants it.
  const plainAnswers = new Map<
    string,
    { body: Buffer; bytes: Uint8Array<ArrayBuffer>; headers: Record<string, string> }
  >();
  for (const size of BODY_SIZES) {
    const path = `/api/v1/creators?limit=${size.limit}`;
    const miss = await fetch(`${proxy.origin}${path}`, { headers });
    await miss.arrayBuffer();
    const hit = await fetch(`${proxy.origin}${path}`, { headers });
    const bytes = new Uint8Array(await hit.arrayBuffer());
    const body = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const status = hit.headers.get("cache-status") ?? "";
    if (hit.status !== 200 || !/;\s*hit\b/.test(status))
      throw new Error(`warm-up: ${path} answered ${hit.status} with Cache-Status "${status}", not a hit`);
    if (!body.equals(bodies.get(String(size.limit))!))
      throw new Error(`warm-up: the proxy's hit for ${path} differs from the upstream's bytes`);
    const hitHeaders: Record<string, string> = {};
    hit.headers.forEach((value, name) => {
      // Per-connection headers node:http writes itself on both servers.
      if (!["date", "connection", "keep-alive", "transfer-encoding"].includes(name)) hitHeaders[name] = value;
    });
    hitHeaders["content-length"] = String(body.length);
    plainAnswers.set(path, { body, bytes, headers: hitHeaders });
    served.push({ name: size.name, path, bodyBytes: body.length, hitHeaders });
  }

  const plain = createServer((req: IncomingMessage, res: ServerResponse) => {
    const answer = plainAnswers.get(req.url ?? "");
    if (!answer) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, answer.headers).end(answer.body);
  });
  const plainOrigin = await listen(plain);

  const bare = new Hono();
  bare.get("*", (c) => {
    const answer = plainAnswers.get(c.req.path + new URL(c.req.url).search);
    return answer ? new Response(answer.bytes, { headers: answer.headers }) : c.notFound();
  });
  let honoServer: Server | undefined;
  const honoOrigin = await new Promise<string>((resolve) => {
    honoServer = serve({ fetch: bare.fetch, port: 0, hostname: "127.0.0.1" }, (info) =>
      resolve(`http://127.0.0.1:${info.port}`),
    ) as Server;
  });

  const ready: ServersReady = {
    type: "ready",
    proxyOrigin: proxy.origin,
    plainOrigin,
    honoOrigin,
    upstreamOrigin,
    bodies: served,
  };
  process.send?.(ready);
  // Exit (flushing a --cpu-prof profile) when the parent is done with us.
  process.once("disconnect", async () => {
    for (const server of [plain, honoServer!]) {
      server.closeAllConnections();
      server.close();
    }
    await proxy.close();
    upstream.closeAllConnections();
    upstream.close();
    await store.close();
    process.exit(0);
  });
}

// Only as the child process: the parent imports this module's constants and types.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    console.error("[cache-hit servers]", err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
