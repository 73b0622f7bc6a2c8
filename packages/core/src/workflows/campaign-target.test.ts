/**
 * A campaign's target is judged on the views its videos gained since the campaign was created, not on
 * their lifetime totals: against the sandbox, for a campaign created today around an old creator,
 * for seeded campaigns created before the range, and when the history cannot reach the baseline day.
 * The expected gains are the `/analytics` `new`-mode sums, an independent count of the same views.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../analysis/dates.js";
import { createClient, type TrackagoatClient } from "../client/index.js";
import type { Campaign } from "../schema/campaign.js";
import { withSandbox } from "../test-helpers/sandbox.js";
import { runCampaignPerformance } from "./campaign-performance.js";
import { fetchAll } from "./fetch.js";

type Harness = ReturnType<ReturnType<typeof withSandbox>>;

/** Views gained over [from, to] as the API counts them day by day. */
async function gained(client: TrackagoatClient, id: string, range: { from: string; to: string }) {
  const a = await client.analytics.get({
    entity: "campaign",
    entity_id: id,
    metric: "views",
    mode: "new",
    ...range,
  });
  return a.series.reduce((s, p) => s + (p.value ?? 0), 0);
}

/** A client that records every URL and lets `intercept` answer a request instead of the sandbox. */
function recordingClient(h: Harness, intercept?: (url: URL) => Response | null) {
  const urls: URL[] = [];
  const client = createClient({
    apiKey: h.sandbox.keys.readWrite,
    baseUrl: h.sandbox.url,
    rateLimit: false,
    maxRetries: 0,
    fetch: async (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      urls.push(url);
      return intercept?.(url) ?? globalThis.fetch(input, init);
    },
  });
  const history = () =>
    urls
      .filter((u) => /\/campaigns\/[^/]+\/stats$/.test(u.pathname) || u.pathname.endsWith("/analytics"))
      .map((u) => ({ from: u.searchParams.get("from"), to: u.searchParams.get("to") }));
  return { client, history };
}

/** Every campaign of every project the key sees. */
async function allCampaigns(client: TrackagoatClient): Promise<Campaign[]> {
  const projects = await fetchAll(client.projects.list({ limit: 100 }));
  const out: Campaign[] = [];
  for (const p of projects)
    out.push(...(await fetchAll(client.campaigns.list({ project_id: p.id, limit: 100 }))));
  return out;
}

describe("target progress against the sandbox (legacy generation)", () => {
  const sandbox = withSandbox();
  let asOf: string;
  let today: string;
  let campaigns: Campaign[];

  beforeAll(async () => {
    const { client, sandbox: sb } = sandbox();
    asOf = sb.truth.as_of;
    today = asOf.slice(0, 10);
    campaigns = await allCampaigns(client);
  });

  it("does not count an old creator's lifetime views as progress of a campaign created today", async () => {
    const h = sandbox();
    const project = (await h.client.projects.list()).data[0]!;
    const creators = await fetchAll(h.client.creators.list({ project_id: project.id, limit: 100 }));
    const videos = await fetchAll(h.client.videos.list({ project_id: project.id, limit: 100 }));
    const views = new Map<string, number>();
    for (const v of videos)
      if (v.creator_id) views.set(v.creator_id, (views.get(v.creator_id) ?? 0) + v.view_count);
    const old = [...creators].sort((a, b) => (views.get(b.id) ?? 0) - (views.get(a.id) ?? 0))[0]!;

    // The lifetime total of the creator's videos is far beyond this target; what they gain from today is not.
    const campaign = await h.client.campaigns.create(project.id, {
      name: "Fresh campaign around an old creator",
      target_views: 1_000_000,
      target_at: "2026-04-30T23:59:59Z",
    });
    await h.client.campaigns.addItem(campaign.id, { item_type: "creator", item_id: old.id });
    const created = campaign.created_at.slice(0, 10);

    const { client, history } = recordingClient(h);
    const r = await runCampaignPerformance(client, {
      campaign_id: campaign.id,
      project_id: project.id,
      asOf,
    });
    const t = r.target;
    expect(r.campaign.created_at).toBe(campaign.created_at);
    expect(t.lifetime_views).toBe(r.totals.view_count);
    expect(t.lifetime_views).toBeGreaterThan(1_000_000);
    expect(t).toMatchObject({
      basis: "since_created",
      basis_reason: null,
      baseline_date: addDays(created, -1),
      end_date: null,
      views_counted: await gained(h.client, campaign.id, { from: created, to: today }),
    });
    expect(t.baseline_views! + t.views_counted).toBe(t.lifetime_views);
    expect(t.views_counted).toBeLessThan(1_000_000);
    expect(t.status).not.toBe("reached");
    expect(t.share_done).toBe(Math.round((t.views_counted / 1_000_000) * 10_000) / 10_000);
    // The day before creation lies in the range's history: no request beyond the range's one.
    expect(history()).toEqual([{ from: addDays(r.meta.range.from, -1), to: today }]);
    expect(r.highlights.join(" ")).toContain(`gained since the campaign was created on ${created}`);
  });

  it("fetches the one baseline day when the campaign was created before the range, and stops at a passed target_at", async () => {
    const h = sandbox();
    const windowStart = addDays(today, -88); // the sandbox keeps 89 days of snapshots
    const rangeBaseline = addDays(today, -30);
    const c = campaigns.find((x) => {
      const day = addDays(x.created_at.slice(0, 10), -1);
      return x.target_views !== null && x.target_at !== null && day > windowStart && day < rangeBaseline;
    });
    expect(c).toBeDefined();
    const baseline = addDays(c!.created_at.slice(0, 10), -1);
    const { client, history } = recordingClient(h);
    const r = await runCampaignPerformance(client, { campaign_id: c!.id, project_id: c!.project_id, asOf });
    const end = c!.target_at! < asOf ? c!.target_at!.slice(0, 10) : null;
    expect(history()).toEqual([
      { from: rangeBaseline, to: today },
      { from: baseline, to: baseline },
    ]);
    expect(r.target).toMatchObject({
      basis: "since_created",
      baseline_date: baseline,
      end_date: end,
      views_counted: await gained(h.client, c!.id, { from: addDays(baseline, 1), to: end ?? today }),
      lifetime_views: r.totals.view_count,
    });
    expect(r.target.views_counted).toBeLessThan(r.target.lifetime_views);
  });

  it("judges on lifetime totals, and says why, when the history has nothing for the day before creation", async () => {
    const h = sandbox();
    const c = campaigns.find(
      (x) => x.target_views !== null && x.created_at.slice(0, 10) < addDays(today, -89),
    );
    expect(c).toBeDefined();
    const baseline = addDays(c!.created_at.slice(0, 10), -1);
    const r = await runCampaignPerformance(h.newClient(), {
      campaign_id: c!.id,
      project_id: c!.project_id,
      asOf,
    });
    expect(r.target).toMatchObject({
      basis: "lifetime",
      views_counted: r.totals.view_count,
      lifetime_views: r.totals.view_count,
      baseline_date: null,
    });
    expect(r.target.basis_reason).toContain(baseline);
    expect(JSON.stringify(r.meta.caveats)).toContain("judged on lifetime totals");
    expect(r.highlights.join(" ")).toContain("judged on lifetime totals");
  });
});

describe("target progress when the plan's history stops short (current generation)", () => {
  const sandbox = withSandbox({ apiGeneration: "current" });

  it("answers 402 retention_exceeded for the baseline day: lifetime totals with a caveat, one refused request", async () => {
    const h = sandbox();
    const asOf = h.sandbox.truth.as_of;
    const today = asOf.slice(0, 10);
    const c = (await allCampaigns(h.client)).find((x) => {
      const day = addDays(x.created_at.slice(0, 10), -1);
      return x.target_views !== null && day > addDays(today, -88) && day < addDays(today, -30);
    })!;
    const baseline = addDays(c.created_at.slice(0, 10), -1);
    const refused = (url: URL) =>
      url.pathname.endsWith("/analytics") && url.searchParams.get("from") === baseline
        ? Response.json(
            {
              data: null,
              error: "from is older than your plan's history",
              meta: { code: "retention_exceeded" },
            },
            { status: 402 },
          )
        : null;
    const { client, history } = recordingClient(h, refused);
    const r = await runCampaignPerformance(client, { campaign_id: c.id, project_id: c.project_id, asOf });
    expect(history().at(-1)).toEqual({ from: baseline, to: baseline });
    // The refused request is spent and counted too.
    expect(r.meta.request_count).toBe(client.requestCount);
    expect(r.target).toMatchObject({ basis: "lifetime", views_counted: r.totals.view_count });
    expect(r.target.basis_reason).toContain("retention_exceeded");
    expect(JSON.stringify(r.meta.caveats)).toContain("retention_exceeded");
  });
});
