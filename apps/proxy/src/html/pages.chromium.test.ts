/**
 * The report pages and the API reference in real headless Chromium, served by a proxy in front of the
 * sandbox. For each catalogue workflow, the page's DOM must show the headline figures of the JSON report
 * the same proxy returns (formatted with the page's own formatters), every highlight and caveat, and the
 * footer's basis lines; the page must fetch nothing, not even from the proxy. A campaign named like an
 * attack must arrive as text. The reference page must render the derived operations from the script the
 * proxy serves, on a network with no internet. Screenshots go to test-output/ for people to look at.
 * Sequential on purpose: Chromium starts slowly on 2 cores.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import {
  type CampaignComparisonReport,
  type CampaignContentReport,
  type CampaignPerformanceReport,
  type CreatorTrendReport,
  createClient,
  fetchAll,
  type ProgramHealthReport,
  type ReportMeta,
  type UnderperformingCreatorsReport,
  type Workflow,
  workflowJsonSchemas,
  workflows,
} from "@goatkit/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveScalarBundle } from "../routes/reference.js";
import {
  CHROMIUM_MISSING,
  chromiumInstalled,
  decodeEntities,
  loadPage,
  screenshot,
  textOf,
} from "../test-helpers/chromium.js";
import { type Harness, startHarness } from "../test-helpers/harness.js";
import { fmt } from "./format.js";

const OUT = fileURLToPath(new URL("../../test-output/", import.meta.url));
const HOSTILE = `Spring <script>document.title="pwned"</script> & <img src=x onerror=alert(1)> "Launch"`;

if (!chromiumInstalled) {
  // CI installs Chromium: there, its absence fails the run instead of passing it silently.
  if (process.env.CI) throw new Error(CHROMIUM_MISSING);
  console.warn(CHROMIUM_MISSING);
}

let h: Harness;
const ids: Record<string, string> = {};
let campaignIds: string[] = [];

beforeAll(async () => {
  if (!chromiumInstalled) return;
  mkdirSync(OUT, { recursive: true });
  h = await startHarness();
  const tg = createClient({ apiKey: h.sandbox.keys.readWrite, baseUrl: h.sandbox.url, rateLimit: false });
  const project = (await fetchAll(tg.projects.list({ limit: 100 })))[0]!;
  const campaigns = await fetchAll(tg.campaigns.list({ project_id: project.id, limit: 100 }));
  const targeted = campaigns.find((c) => c.target_views !== null) ?? campaigns[0]!;
  const other = campaigns.find((c) => c.id !== targeted.id)!;
  // Straight at the sandbox, before the proxy caches anything: an operator's hostile campaign name.
  await tg.campaigns.update(other.id, { name: HOSTILE });
  ids.project_id = project.id;
  ids.campaign_id = targeted.id;
  ids.creator_id = (await fetchAll(tg.creators.list({ project_id: project.id, limit: 100 })))[0]!.id;
  campaignIds = [
    targeted.id,
    other.id,
    ...campaigns.filter((c) => c !== targeted && c !== other).map((c) => c.id),
  ].slice(0, 6);
}, 60_000);

afterAll(() => h?.stop());

function query(w: Workflow, format: string): string {
  const fields = Object.keys((workflowJsonSchemas(w).params as { properties: object }).properties);
  const q = new URLSearchParams({ as_of: h.sandbox.truth.as_of, format });
  for (const f of fields) if (ids[f]) q.set(f, ids[f]);
  if (fields.includes("campaign_ids")) q.set("campaign_ids", campaignIds.join(","));
  return q.toString();
}

async function get(w: Workflow, format: string): Promise<Response> {
  return fetch(`${h.proxy.origin}/goatkit/v1/${w.name}?${query(w, format)}`, {
    headers: { authorization: `Bearer ${h.sandbox.keys.readWrite}` },
  });
}

/** The headline tiles: data-figure id → the value as shown. */
function figuresOf(dom: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of dom.matchAll(
    /<div class="figure" data-figure="([^"]+)"><div class="value">([^<]*)<\/div>/g,
  ))
    out[m[1]!] = decodeEntities(m[2]!);
  return out;
}

/** What each report's page must show as headline figures, from the JSON report. */
const HEADLINES: Record<string, (report: never) => Record<string, string>> = {
  campaign_performance: (r: CampaignPerformanceReport) => ({
    lifetime_views: fmt.int(r.totals.view_count),
    views_gained: fmt.int(r.pacing.gained),
    avg_per_day: fmt.int(r.pacing.avg_per_day),
    video_count: fmt.int(r.totals.video_count),
    creator_count: fmt.int(r.totals.creator_count),
    target_share: fmt.percent(r.target.share_done),
  }),
  campaign_comparison: (r: CampaignComparisonReport) => ({
    best_campaign: r.campaigns[0]!.name,
    best_per_active_day: fmt.int(r.campaigns[0]!.views_gained_per_active_day),
    best_views_gained: fmt.int(r.campaigns[0]!.views_gained),
  }),
  underperforming_creators: (r: UnderperformingCreatorsReport) => ({
    underperformer_count: fmt.int(r.underperformer_count),
    evaluated_count: fmt.int(r.evaluated_count),
  }),
  campaign_content: (r: CampaignContentReport) => ({
    video_count: fmt.int(r.video_count),
    total_views: fmt.int(r.total_views),
    median_views: fmt.int(r.median_views),
    engagement_rate: fmt.percent(r.engagement_rate, 2),
  }),
  creator_trend: (r: CreatorTrendReport) => ({
    followers_change: fmt.int(r.followers.change),
    views_change: fmt.int(r.views.change),
    range_post_count: fmt.int(r.range_post_count),
  }),
  program_health: (r: ProgramHealthReport) => ({
    creators: fmt.int(r.creators.total_count),
    stale_creators: fmt.int(r.creators.stale_count),
    counted_videos: fmt.int(r.videos.counted_count),
    underperformers: fmt.int(r.underperformers.count),
    unpaid_total: r.payouts.available ? fmt.cents(r.payouts.unpaid_total_cents) : "not available",
  }),
};

describe.skipIf(!chromiumInstalled)("report pages in Chromium", () => {
  it("has headline expectations for every catalogue workflow", () => {
    expect(Object.keys(HEADLINES).sort()).toEqual(workflows.map((w) => w.name).sort());
  });

  it.each(workflows.map((w) => [w.name, w as Workflow] as const))(
    "%s: the page shows the JSON report's headline figures, highlights and caveats",
    async (name, w) => {
      const json = await get(w, "json");
      expect(json.status).toBe(200);
      const report = ((await json.json()) as { data: { meta: ReportMeta; highlights: string[] } }).data;
      const res = await get(w, "html");
      expect(res.status).toBe(200);
      const page = await res.text();
      // Saved and opened as a file: the page must stand alone, as a shared report does.
      const file = join(OUT, `${name}.html`);
      writeFileSync(file, page);
      const url = pathToFileURL(file).href;
      const { dom, requests } = await loadPage(url);
      // Opened from disk, the page makes no network request at all (the reference test below shows
      // the net log does see a page's requests).
      expect(requests).toEqual([]);

      const figures = figuresOf(dom);
      for (const [id, value] of Object.entries(HEADLINES[name]!(report as never)))
        expect(figures[id], `${name} figure ${id}`).toBe(value);
      // Every tile says its unit and basis.
      const bases = [...dom.matchAll(/<div class="basis">([^<]+)<\/div>/g)].map((m) => m[1]!);
      expect(bases.length).toBe(Object.keys(figures).length);
      for (const b of bases) expect(b).toMatch(/ · /);

      const text = textOf(dom);
      for (const line of report.highlights) expect(text).toContain(line);
      for (const c of report.meta.caveats) expect(text).toContain(c.message);
      // A flag travels with the figures behind it, not as a bare code.
      if (name === "program_health")
        for (const u of (report as unknown as ProgramHealthReport).underperformers.top)
          for (const t of u.reason_texts) expect(text).toContain(t);
      expect(text).toContain(`Range ${report.meta.range.from} → ${report.meta.range.to}`);
      expect(text).toMatch(/Freshness: (not checked|nothing to check|oldest scrape)/);
      expect(text).toMatch(/(Pending videos: not checked|Left out: \d+ pending_review)/);
      expect(dom).not.toMatch(/<script/i);

      await screenshot(url, join(OUT, `${name}.png`), { width: 1280, height: 2600 });
    },
    180_000,
  );

  it("shows a hostile campaign name as text: no element, no script, same title", async () => {
    const file = join(OUT, "campaign_comparison.html");
    const { dom } = await loadPage(pathToFileURL(file).href);
    expect(textOf(dom)).toContain(HOSTILE);
    expect(dom).not.toMatch(/<script|<img/i);
    expect(/<title>([^<]*)<\/title>/.exec(dom)?.[1]).toMatch(/^Campaigns compared, /);
  }, 120_000);

  it("reads on a phone: a narrow screenshot", async () => {
    const url = pathToFileURL(join(OUT, "program_health.html")).href;
    await screenshot(url, join(OUT, "program_health-phone.png"), { width: 390, height: 1800 });
  }, 120_000);
});

describe.skipIf(!chromiumInstalled)("the API reference page in Chromium", () => {
  it("renders the derived operations from the script the proxy serves, offline", async () => {
    // The bundle comes with @scalar/api-reference; without it the page cannot render.
    expect(resolveScalarBundle(), "@scalar/api-reference is not installed beside goatkit-proxy").toBeTypeOf(
      "string",
    );
    const url = `${h.proxy.origin}/goatkit/v1/reference`;
    const { dom, requests } = await loadPage(url, { budgetMs: 10_000 });
    for (const r of requests) expect(new URL(r).origin, r).toBe(h.proxy.origin);
    expect(requests).toEqual(
      expect.arrayContaining([
        `${h.proxy.origin}/goatkit/v1/reference/scalar.js`,
        `${h.proxy.origin}/goatkit/v1/openapi.json`,
      ]),
    );
    const text = textOf(dom);
    for (const w of workflows) {
      expect(text, w.name).toContain(w.title);
      expect(dom, w.name).toContain(w.name);
    }
    await screenshot(url, join(OUT, "reference.png"), { width: 1280, height: 1600, budgetMs: 10_000 });
  }, 180_000);
});
