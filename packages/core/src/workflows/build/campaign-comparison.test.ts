/**
 * buildCampaignComparisonReport on hand-built campaigns, no client: every expected figure below is
 * worked out by hand from the fixture (the comments show the arithmetic), not read back from the code.
 *
 * As of Sunday 2026-03-15 12:00 UTC, range Mon 2026-03-09 – Sun 2026-03-15 (7 days; baseline 03-08).
 * - alpha (current API: a resolved set): 4 videos of ana and ben, 5,000 lifetime views; history 1,000 on
 *   03-08, +700 a day to 5,900 on 03-15. Also 2 pending and 1 tracking-disabled video; b2 never scraped.
 * - beta (stats route): 9 videos of 3 creators, 900 lifetime views; 0 through 03-12, then +300 a day.
 * - gamma (stats route): history only from 03-11, so its gain over the range is unknown.
 */
import { describe, expect, it } from "vitest";
import type { CampaignTotalsLike } from "../../analysis/campaign-performance.js";
import { CampaignComparisonReport } from "../../reports/schema/campaign-comparison.js";
import {
  campaign,
  campaignStats,
  cumulative,
  listedVideo,
  videoSet,
} from "../../test-helpers/campaign-fixtures.js";
import { WorkflowRun } from "../run.js";
import { buildCampaignComparisonReport, type ComparedCampaign } from "./campaign-comparison.js";

const AS_OF = "2026-03-15T12:00:00.000Z";
const AS_OF_MS = Date.parse(AS_OF);
const RANGE = { from: "2026-03-09", to: "2026-03-15" };
const FRESH = "2026-03-15T06:00:00Z";

const posted = "2026-03-01T12:00:00Z";
const alpha: ComparedCampaign = {
  campaign: campaign({
    id: "alpha",
    project_id: "proj-a",
    target_views: 50_000,
    target_at: "2026-04-30T00:00:00Z",
  }),
  stats: null,
  set: videoSet(
    [
      listedVideo({ id: "a1", creator_id: "ana", posted_at: posted, view_count: 2_000, like_count: 100 }),
      listedVideo({ id: "a2", creator_id: "ana", posted_at: posted, view_count: 1_000 }),
      listedVideo({ id: "b1", creator_id: "ben", posted_at: posted, view_count: 1_500, comment_count: 50 }),
      listedVideo({ id: "b2", creator_id: "ben", posted_at: posted, view_count: 500, last_scraped_at: null }),
    ].map((v) => (v.id === "b2" ? v : { ...v, last_scraped_at: FRESH })),
    {
      pending: [
        listedVideo({ id: "p1", posted_at: posted, tracking_status: "pending_review" }),
        listedVideo({ id: "p2", posted_at: posted, tracking_status: "pending_review" }),
      ],
      left_out: { tracking_disabled: 1, unknown_status: 0, tracking_unreported: 0 },
    },
  ),
  views: cumulative("2026-03-08", 8, 1_000, 700),
};

const statsTotals = (over: Partial<CampaignTotalsLike>): CampaignTotalsLike => ({
  view_count: 0,
  like_count: 0,
  comment_count: 0,
  share_count: 0,
  save_count: 0,
  video_count: 0,
  creator_count: 0,
  ...over,
});

const beta: ComparedCampaign = {
  campaign: campaign({ id: "beta" }),
  stats: campaignStats({
    campaign_id: "beta",
    totals: statsTotals({ view_count: 900, like_count: 90, video_count: 9, creator_count: 3 }),
  }),
  set: null,
  views: [...cumulative("2026-03-08", 5, 0, 0), ...cumulative("2026-03-13", 3, 300, 300)],
};

const gamma: ComparedCampaign = {
  campaign: campaign({ id: "gamma" }),
  stats: campaignStats({
    campaign_id: "gamma",
    totals: statsTotals({ view_count: 500, video_count: 1, creator_count: 1 }),
  }),
  set: null,
  views: cumulative("2026-03-11", 5, 100, 100),
};

const build = (campaigns: ComparedCampaign[], projectId?: string) =>
  buildCampaignComparisonReport({ campaigns }, AS_OF_MS, { range: RANGE, projectId });

describe("buildCampaignComparisonReport", () => {
  it("normalises each campaign's gain by active days, creators and videos", () => {
    const [a, b] = build([gamma, beta, alpha]).report.campaigns;
    // alpha: 5,900 − 1,000 = 4,900 over 7 active days (views before the range) = 700/day;
    // 4,900 / 2 creators = 2,450; 4,900 / 4 videos = 1,225.
    expect(a).toMatchObject({
      campaign_id: "alpha",
      rank: 1,
      views_gained: 4_900,
      active_day_count: 7,
      views_gained_per_active_day: 700,
      views_gained_per_creator: 2_450,
      views_gained_per_video: 1_225,
      direction: "steady",
      target_views: 50_000,
      target_at: "2026-04-30T00:00:00Z",
    });
    // Lifetime from the set: 5,000 views; (100 likes + 50 comments) / 5,000 = 0.03.
    expect(a!.lifetime).toEqual({
      view_count: 5_000,
      like_count: 100,
      comment_count: 50,
      share_count: 0,
      save_count: 0,
      video_count: 4,
      creator_count: 2,
      engagement_rate: 0.03,
    });
    // beta: 900 − 0 over 03-13..03-15, its 3 days with views = 300/day; 900 / 3 creators; 900 / 9 videos.
    expect(b).toMatchObject({
      campaign_id: "beta",
      rank: 2,
      views_gained: 900,
      active_day_count: 3,
      views_gained_per_active_day: 300,
      views_gained_per_creator: 300,
      views_gained_per_video: 100,
      target_views: null,
    });
    // Lifetime from the stats route: 90 likes / 900 views.
    expect(b!.lifetime.engagement_rate).toBe(0.1);
  });

  it("ranks a campaign with an unknown gain last, and says why", () => {
    const { campaigns, highlights } = build([gamma, beta, alpha]).report;
    expect(campaigns.map((r) => r.campaign_id)).toEqual(["alpha", "beta", "gamma"]);
    expect(campaigns[2]).toMatchObject({
      rank: 3,
      views_gained: null,
      gain_unknown_reason: "no reading before the range: the history starts on 2026-03-11",
      views_gained_per_active_day: null,
    });
    // gamma trails but has no per-day figure, so only the leader and the unknown gain are named.
    expect(highlights).toEqual([
      "alpha leads with 700 views gained per active day (7 active days, 2,450 gained per creator).",
      "1 campaign: views gained in the range unknown (no reading before the range: the history starts on " +
        "2026-03-11); ranked last.",
    ]);
  });

  it("names the trailer and the campaigns without views", () => {
    const idle: ComparedCampaign = {
      ...beta,
      campaign: campaign({ id: "idle" }),
      views: cumulative("2026-03-08", 8, 0, 0),
    };
    const { campaigns, highlights } = build([alpha, beta, idle]).report;
    // idle: a known 0 (no views at all) ranks after every campaign with views, before unknown gains.
    expect(campaigns.map((r) => [r.campaign_id, r.views_gained, r.active_day_count])).toEqual([
      ["alpha", 4_900, 7],
      ["beta", 900, 3],
      ["idle", 0, 0],
    ]);
    expect(highlights).toEqual([
      "alpha leads with 700 views gained per active day (7 active days, 2,450 gained per creator).",
      "1 campaign had no views in the range.",
    ]);
    expect(build([alpha, beta]).report.highlights[1]).toBe(
      "beta trails with 300 views gained per active day.",
    );
  });

  it("takes the project asked for, else the first campaign's", () => {
    expect(build([alpha, beta]).report.project_id).toBe("proj-a");
    expect(build([alpha, beta], "proj-x").report.project_id).toBe("proj-x");
  });

  it("carries the caveats of the resolved sets, and meta says the stats-only ones were not checked", () => {
    const { caveats, meta } = build([gamma, beta, alpha]);
    expect(caveats.map((c) => c.code)).toEqual([
      "recursive_dedup",
      "snapshot_not_cumulative",
      "pending_left_out",
      "tracking_disabled_left_out",
      "never_scraped",
    ]);
    expect(caveats[2]!.message).toMatch(/^2 pending_review videos were left out/);
    // b2 is the one of alpha's 4 videos never read.
    expect(caveats[4]!.message).toMatch(/^1 of the campaigns' 4 videos has never been scraped/);
    // Only 1 of the 3 campaigns was resolved: freshness and pending are not known for all.
    expect(meta).toMatchObject({ range: RANGE, pending: 2, freshnessChecked: false, pendingChecked: false });
    expect(meta.freshness).toMatchObject({ checked_count: 4, never_scraped_count: 1 });
  });

  it("says the stats routes carry no freshness when no set was resolved", () => {
    const { caveats, meta } = build([beta, gamma]);
    expect(caveats.find((c) => c.code === "not_checked")?.message).toBe(
      "Scrape freshness and pending videos were not checked: the stats routes do not carry them.",
    );
    expect(meta).toMatchObject({ pending: 0, freshnessChecked: false });
  });

  it("makes a report its schema accepts once the run adds meta", () => {
    const run = new WorkflowRun({} as never, "campaign_comparison", AS_OF);
    const full = run.finish(build([gamma, beta, alpha]));
    expect(Object.keys(full)).toEqual(["kind", "meta", "project_id", "campaigns", "highlights"]);
    expect(CampaignComparisonReport.safeParse(full).error).toBeUndefined();
    expect(full.meta.excluded.pending_checked).toBe(false);
  });
});

describe("buildCampaignComparisonReport, edge cases", () => {
  it("says no campaigns is empty, with no rows and no project", () => {
    const { report, caveats, meta } = build([]);
    expect(report).toEqual({ kind: "campaign_comparison", project_id: null, campaigns: [], highlights: [] });
    expect(caveats.find((c) => c.code === "empty_input")?.message).toBe(
      "No campaigns to analyse; the figures below are empty, not zero performance.",
    );
    expect(caveats.map((c) => c.code)).not.toContain("not_checked");
    // Nothing unresolved among nothing: the checks are vacuously done.
    expect(meta).toMatchObject({ pending: 0, freshnessChecked: true, pendingChecked: true });
  });
});
