/**
 * Gains over a range [from, to] need the cumulative level at the end of `from − 1`, the baseline (the
 * baseline rule of analysis/campaign-performance.ts). On both API generations: the workflows ask for
 * the baseline day, report exactly one gain per day of the range, and their views gained equal the sum
 * of the `/analytics` `new`-mode series over [from, to], an independent count of the same gains.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { isCountedVideo } from "../analysis/counted.js";
import { addDays, dayNumber, dayString, eachDay, overlappingWeekStarts } from "../analysis/dates.js";
import { weeklyPostsFromVideos } from "../analysis/trends.js";
import { createClient, type TrackagoatClient } from "../client/index.js";
import { REPORT_SCHEMAS, type Report } from "../reports/schema/index.js";
import type { AnalyticsMetric } from "../schema/analytics.js";
import type { Campaign } from "../schema/campaign.js";
import type { Video } from "../schema/video.js";
import { withSandbox } from "../test-helpers/sandbox.js";
import { runCampaignComparison } from "./campaign-comparison.js";
import { runCampaignPerformance } from "./campaign-performance.js";
import { runCreatorTrend } from "./creator-trend.js";
import { fetchAll } from "./fetch.js";

type Harness = ReturnType<ReturnType<typeof withSandbox>>;

/** A client that records the URL of every request it sends. */
function recordingClient(h: Harness, apiKey = h.sandbox.keys.readWrite) {
  const urls: URL[] = [];
  const client = createClient({
    apiKey,
    baseUrl: h.sandbox.url,
    rateLimit: false,
    maxRetries: 0,
    fetch: (input, init) => {
      urls.push(new URL(input instanceof Request ? input.url : String(input)));
      return globalThis.fetch(input, init);
    },
  });
  return { client, urls };
}

/** The `from`/`to` each history request of a workflow asked for. */
function historyRanges(
  urls: readonly URL[],
): Array<{ path: string; from: string | null; to: string | null }> {
  return urls
    .filter(
      (u) => /\/(campaigns|creators)\/[^/]+\/stats$/.test(u.pathname) || u.pathname.endsWith("/analytics"),
    )
    .map((u) => ({ path: u.pathname, from: u.searchParams.get("from"), to: u.searchParams.get("to") }));
}

/** Σ of the `new`-mode daily series over [from, to]: the gains counted bucket by bucket by the API. */
async function sumNew(
  client: TrackagoatClient,
  entity: "campaign" | "creator",
  entity_id: string,
  metric: AnalyticsMetric,
  range: { from: string; to: string },
): Promise<number> {
  const a = await client.analytics.get({ entity, entity_id, metric, mode: "new", ...range });
  expect(a.series.map((p) => p.bucket_start)).toEqual(eachDay(range));
  return a.series.reduce((s, p) => s + (p.value ?? 0), 0);
}

function valid(r: Report) {
  expect(REPORT_SCHEMAS[r.kind].safeParse(r).error).toBeUndefined();
}

describe.each(["legacy", "current"] as const)("the baseline day, %s generation", (generation) => {
  const sandbox = withSandbox({ apiGeneration: generation });
  let asOf: string;
  let projectId: string;
  let campaigns: Campaign[];
  let range: { from: string; to: string };

  beforeAll(async () => {
    const { client, sandbox: sb } = sandbox();
    asOf = sb.truth.as_of;
    projectId = (await client.projects.list()).data[0]!.id;
    campaigns = await fetchAll(client.campaigns.list({ project_id: projectId, limit: 100 }));
    const today = asOf.slice(0, 10);
    range = { from: addDays(today, -29), to: today };
  });

  it("runCampaignPerformance asks for from − 1 and gains one value per day of the range", async () => {
    const h = sandbox();
    for (const c of campaigns.slice(0, 4)) {
      const { client, urls } = recordingClient(h);
      const r = await runCampaignPerformance(client, { campaign_id: c.id, project_id: projectId, asOf });
      valid(r);
      expect(r.meta.api_generation).toBe(generation);
      expect(r.meta.range).toEqual(range);
      expect(historyRanges(urls).at(-1)).toMatchObject({ from: addDays(range.from, -1), to: range.to });
      expect(r.pacing.day_count).toBe(30);
      expect(r.pacing.daily.map((d) => d.date)).toEqual(eachDay(range));
      expect(r.pacing.gained).toBe(await sumNew(h.client, "campaign", c.id, "views", range));
      expect(r.pacing.avg_per_day).toBeCloseTo(r.pacing.gained! / 30, 2);
      // Posts per day stay those of the range: the baseline day's posts are cut off.
      expect(r.posting.by_day.every((d) => d.date >= range.from && d.date <= range.to)).toBe(true);
      expect(r.posting.range_post_count).toBe(await sumNew(h.client, "campaign", c.id, "posts", range));
    }
  });

  it("runCampaignComparison: views gained match the new-mode sums; per active day × days active = views gained", async () => {
    const h = sandbox();
    const { client, urls } = recordingClient(h);
    const r = await runCampaignComparison(client, { project_id: projectId, asOf });
    valid(r);
    expect(r.meta.range).toEqual(range);
    const asked = historyRanges(urls);
    expect(asked.length).toBeGreaterThanOrEqual(campaigns.length);
    for (const a of asked) expect(a).toMatchObject({ from: addDays(range.from, -1), to: range.to });
    let wholeRange = 0;
    for (const row of r.campaigns) {
      expect(row.views_gained).toBe(await sumNew(h.client, "campaign", row.campaign_id, "views", range));
      if (row.active_day_count === 0) {
        expect(row.views_gained_per_active_day).toBeNull();
        continue;
      }
      expect(row.active_day_count).toBeLessThanOrEqual(30);
      // Rounded to 0.1 per day: the product is off by at most 0.05 per day.
      expect(
        Math.abs(row.views_gained_per_active_day! * row.active_day_count - row.views_gained!),
      ).toBeLessThanOrEqual(0.05 * row.active_day_count);
      if (row.active_day_count === 30) {
        wholeRange++;
        expect(row.views_gained_per_active_day).toBe(Math.round((row.views_gained! / 30) * 10) / 10);
      }
    }
    expect(wholeRange).toBeGreaterThan(0);
  });

  it("runCreatorTrend: follower and view changes match the new-mode sums over [from, to]", async () => {
    const h = sandbox();
    const creators = await fetchAll(h.client.creators.list({ project_id: projectId, limit: 100 }));
    for (const creator of creators.slice(0, 3)) {
      const { client, urls } = recordingClient(h);
      const r = await runCreatorTrend(client, { creator_id: creator.id, project_id: projectId, asOf });
      valid(r);
      expect(r.meta.range).toEqual(range);
      for (const a of historyRanges(urls)) expect(a).toMatchObject({ from: addDays(range.from, -1) });
      expect(r.views.pacing.day_count).toBe(30);
      expect(r.views.change).toBe(await sumNew(h.client, "creator", creator.id, "views", range));
      expect(r.followers.change).toBe(await sumNew(h.client, "creator", creator.id, "followers", range));
      expect(r.weeks.map((w) => w.week_start)).toEqual(overlappingWeekStarts(range).map(dayString));
    }
  });

  it("runCreatorTrend keeps the weekly posts of the range, whatever weekday `from` is", async () => {
    const h = sandbox();
    const creators = await fetchAll(h.client.creators.list({ project_id: projectId, limit: 100 }));
    const today = asOf.slice(0, 10);
    // For a Monday `from` (the baseline adds a week) and for other weekdays (the baseline shares the
    // first week): a creator with a counted post on the baseline day, so cutting it off matters.
    const cases: Array<{ creatorId: string; videos: Video[]; range: { from: string; to: string } }> = [];
    for (const monday of [true, false]) {
      for (const creator of creators) {
        const videos = await fetchAll(h.client.videos.list({ creator_id: creator.id, limit: 100 }));
        const day = videos
          .filter((v) => isCountedVideo(v))
          .map((v) => v.posted_at.slice(0, 10))
          .find((d) => {
            const from = addDays(d, 1);
            const isMonday = (dayNumber(from)! + 3) % 7 === 0; // 1970-01-05 was a Monday
            return from > addDays(today, -60) && from < addDays(today, -7) && isMonday === monday;
          });
        if (day) {
          cases.push({ creatorId: creator.id, videos, range: { from: addDays(day, 1), to: today } });
          break;
        }
      }
    }
    expect(cases).toHaveLength(2);
    for (const c of cases) {
      const r = await runCreatorTrend(h.newClient(), { creator_id: c.creatorId, asOf, ...c.range });
      expect(r.meta.range).toEqual(c.range);
      expect(r.weeks.map((w) => w.week_start)).toEqual(overlappingWeekStarts(c.range).map(dayString));
      expect(r.weeks.map((w) => ({ week_start: w.week_start, video_count: w.post_count }))).toEqual(
        weeklyPostsFromVideos(c.videos, c.range),
      );
      expect(r.range_post_count).toBe(await sumNew(h.client, "creator", c.creatorId, "posts", c.range));
      if (generation === "legacy") {
        // The same buckets as a stats call for exactly the range.
        const exact = await h.client.creators.stats(c.creatorId, c.range);
        expect(r.weeks.map((w) => w.post_count)).toEqual(exact.posting_frequency.map((w) => w.video_count));
      }
    }
  });

  it("calls the gain unknown when the data does not reach back to from − 1 (issue 12, case 3)", async () => {
    const h = sandbox();
    // The sandbox's snapshots start 89 days before asOf's day: nothing for the day before.
    const first = { from: addDays(range.to, -89), to: range.to };
    const c = campaigns.find((x) => x.target_views !== null) ?? campaigns[0]!;
    const r = await runCampaignPerformance(h.newClient(), { campaign_id: c.id, asOf, ...first });
    valid(r);
    expect(r.meta.range).toEqual(first);
    expect(r.pacing.day_count).toBe(89);
    expect(r.pacing.daily[0]!.date).toBe(addDays(first.from, 1));
    // No reading before the range: what it gained is unknown, not the gains of its later days.
    expect(r.pacing.gained).toBeNull();
    expect(r.pacing.gain_unknown_reason).toBe(
      `no reading before the range: the history starts on ${first.from}`,
    );
    const rest = { from: addDays(first.from, 1), to: first.to };
    const shown = r.pacing.daily.reduce((s, d) => s + d.value, 0);
    expect(shown).toBe(await sumNew(h.client, "campaign", c.id, "views", rest));
  });

  it("asks for the exact range once when the plan's history stops at `from` (402 retention_exceeded)", async () => {
    const h = sandbox();
    // Org B is on Starter: 365 days of analytics history, so `from` = D − 364 is the earliest allowed.
    const other = createClient({ apiKey: h.sandbox.keys.orgB, baseUrl: h.sandbox.url, rateLimit: false });
    const project = (await other.projects.list()).data[0]!;
    const ids = (await fetchAll(other.campaigns.list({ project_id: project.id, limit: 100 }))).map(
      (x) => x.id,
    );
    expect(ids.length).toBeGreaterThan(0);
    const edge = { from: addDays(range.to, -364), to: range.to };
    const { client, urls } = recordingClient(h, h.sandbox.keys.orgB);
    h.sandbox.resetRequests();
    const r = await runCampaignComparison(client, { campaign_ids: ids, asOf, ...edge });
    valid(r);
    expect(r.meta.request_count).toBe(h.sandbox.requests().total);
    if (generation === "current") {
      // One refused baseline request, then every series for exactly the range.
      expect(h.sandbox.requests().byStatus["402"]).toBe(1);
      const asked = historyRanges(urls).filter((a) => a.path.endsWith("/analytics"));
      expect(asked[0]).toMatchObject({ from: addDays(edge.from, -1) });
      expect(asked.slice(1).every((a) => a.from === edge.from)).toBe(true);
      expect(asked).toHaveLength(ids.length + 1);
    } else {
      expect(h.sandbox.requests().byStatus["402"] ?? 0).toBe(0);
    }
  });
});
