/**
 * goatkit-mcp bench: per-tool latency and result size through the SDK's Client (InMemoryTransport) on
 * an embedded sandbox (no rate limit, fixed clock), at the default scale ("small") and the largest
 * ("large": 5,000 creators, 250,000 videos). Each tool is called cold (empty cache: what the first
 * question costs, upstream requests included) and warm (the same call again: the process's cache).
 * Sizes are of the whole JSON-RPC result; tokens are estimated as characters / 4. Wall-clock times on
 * a shared machine: read them as orders of magnitude.
 *
 * Run: `pnpm --filter @goatkit/mcp bench` (add `small` or `large` to run one scale).
 */
import { startSandbox } from "@goatkit/sandbox";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { estimateTokens, MAX_RESULT_TOKENS } from "../src/budget.js";
import { createGoatkitMcpServer } from "../src/server.js";

const NOW = "2026-03-15T12:00:00.000Z";
type Scale = "small" | "large";

interface Row {
  tool: string;
  format: string;
  coldMs: number;
  warmMs: number;
  requests: number;
  chars: number;
  tokens: number;
  truncated: boolean;
}

async function benchScale(scale: Scale): Promise<Row[]> {
  const t0 = performance.now();
  const sandbox = await startSandbox({
    seed: 42,
    scale,
    now: NOW,
    rateLimit: false,
    dailyQuota: false,
    logErrors: false,
  });
  console.log(`\nscale "${scale}": sandbox started in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const mcp = createGoatkitMcpServer({
    apiKey: sandbox.keys.readWrite,
    baseUrl: sandbox.url,
    rateLimit: false,
    // Default retries: sandbox and server share one event loop here, so a long analysis can outlast a
    // keep-alive socket's idle timer and the next GET meets a reset.
    defaultAsOf: NOW,
    log: () => {},
  });
  const [c, s] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: "bench", version: "0" });
  await mcp.server.connect(s);
  await client.connect(c);

  const world = sandbox.state.world;
  const orgA = world.orgs[0]!.id;
  const size = new Map<string, number>();
  for (const cr of world.creators) size.set(cr.project_id, (size.get(cr.project_id) ?? 0) + 1);
  const project = world.projects
    .filter((p) => p.org_id === orgA)
    .sort((a, b) => size.get(b.id)! - size.get(a.id)!)[0]!;
  const campaign = world.campaigns
    .filter((x) => x.project_id === project.id)
    .sort(
      (a, b) =>
        (sandbox.truth.campaign_totals[b.id]?.video_count ?? 0) -
        (sandbox.truth.campaign_totals[a.id]?.video_count ?? 0),
    )[0]!;
  const creator = world.creators.filter((x) => x.project_id === project.id)[0]!;

  const calls: [string, Record<string, unknown>][] = [
    ["orient", {}],
    ["search_creators", { project_id: project.id, limit: 50 }],
    ["search_videos", { project_id: project.id, query: "a", limit: 50 }],
    ["program_health", { project_id: project.id }],
    ["underperforming_creators", { project_id: project.id }],
    ["campaign_performance", { campaign_id: campaign.id, project_id: project.id }],
    ["campaign_comparison", { project_id: project.id }],
    ["campaign_content", { campaign_id: campaign.id, project_id: project.id }],
    ["creator_trend", { creator_id: creator.id, project_id: project.id }],
  ];
  const rows: Row[] = [];
  for (const [tool, args] of calls) {
    for (const format of ["concise", "detailed"]) {
      const a = { ...args, response_format: format };
      const before = sandbox.requests().total;
      let t = performance.now();
      const result = await client.callTool({ name: tool, arguments: a }, undefined, { timeout: 600_000 });
      const coldMs = performance.now() - t;
      const requests = sandbox.requests().total - before;
      if (result.isError) throw new Error(`${tool}: ${JSON.stringify(result.content)}`);
      t = performance.now();
      await client.callTool({ name: tool, arguments: a }, undefined, { timeout: 600_000 });
      const warmMs = performance.now() - t;
      const chars = JSON.stringify(result).length;
      rows.push({
        tool,
        format,
        coldMs,
        warmMs,
        requests,
        chars,
        tokens: estimateTokens(result),
        truncated:
          (result.structuredContent as { truncation?: unknown } | undefined)?.truncation !== undefined,
      });
    }
  }
  await client.close();
  await sandbox.stop();
  return rows;
}

function print(scale: Scale, rows: Row[]) {
  const pad = (s: string, n: number) => s.padEnd(n);
  const num = (n: number, d = 0) =>
    n.toLocaleString("en-US", { maximumFractionDigits: d, minimumFractionDigits: d });
  console.log(
    `${pad("tool", 26)}${pad("format", 10)}${"first call ms".padStart(14)}${"repeat ms".padStart(11)}${"upstream req".padStart(14)}${"result chars".padStart(14)}${"≈ tokens".padStart(10)}  cut`,
  );
  for (const r of rows) {
    console.log(
      `${pad(r.tool, 26)}${pad(r.format, 10)}${num(r.coldMs).padStart(14)}${num(r.warmMs).padStart(11)}${num(r.requests).padStart(14)}${num(r.chars).padStart(14)}${num(r.tokens).padStart(10)}  ${r.truncated ? "yes" : "no"}`,
    );
  }
  const max = Math.max(...rows.map((r) => r.tokens));
  console.log(
    `scale "${scale}": largest result ≈ ${num(max)} tokens (limit ${num(MAX_RESULT_TOKENS)}): ${max <= MAX_RESULT_TOKENS ? "within" : "OVER"} budget. ` +
      'Times in milliseconds, wall clock, one run each; "first call" includes upstream requests (per tool, after earlier tools warmed shared lists), "repeat" is served from the process\'s cache.',
  );
  return max <= MAX_RESULT_TOKENS;
}

const wanted = process.argv.slice(2).filter((a) => a === "small" || a === "large") as Scale[];
let ok = true;
for (const scale of wanted.length ? wanted : (["small", "large"] as Scale[]))
  ok = print(scale, await benchScale(scale)) && ok;
process.exit(ok ? 0 : 1);
