/**
 * buildCampaignPerformanceReport on hand-built campaigns, no client: every expected figure below is
 * worked out by hand from the fixture (the comments show the arithmetic), not read back from the code.
 *
 * As of Sunday 2026-03-15 12:00 UTC, range Mon 2026-03-09 – Sun 2026-03-15 (7 days).
 * Campaign "launch" (one sub-campaign), created 2026-03-01, target 20,000 views by 2026-03-31.
 * Its resolved set, 4 counted videos, 10,000 lifetime views:
 * - a1 ana 03-10, 5,000 views, 400 likes + 50 comments + 30 shares + 20 saves; a2 ana 03-10, 1,000
 *   views, 10 likes; b1 ben 03-12, 3,000 views, read 36 h ago (stale); u1 no creator 03-01, 1,000.
 * - and 1 pending video, 1 tracking-disabled, 1 reached twice, 1 video item that resolved to nothing.
 * History: 3,000 on 03-08 (the baseline), +1,000 a day to 10,000 on 03-15.
 */
import { describe, expect, it } from "vitest";
import { CampaignPerformanceReport } from "../../reports/schema/campaign-performance.js";
import { creator } from "../../test-helpers/analysis-fixtures.js";
import {
  campaign,
  campaignStats,
  cumulative,
  listedVideo,
  videoSet,
} from "../../test-helpers/campaign-fixtures.js";
import { WorkflowRun } from "../run.js";
import { buildCampaignPerformanceReport, type CampaignPerformanceInputs } from "./campaign-performance.js";

const AS_OF = "2026-03-15T12:00:00.000Z";
const AS_OF_MS = Date.parse(AS_OF);
const RANGE = { from: "2026-03-09", to: "2026-03-15" };
const FRESH = "2026-03-15T06:00:00Z";

const launch = campaign({
  id: "launch",
  created_at: "2026-03-01T09:00:00Z",
  target_views: 20_000,
  target_at: "2026-03-31T00:00:00Z",
});

const videos = [
  listedVideo({
    id: "a1",
    creator_id: "ana",
    posted_at: "2026-03-10T10:00:00Z",
    view_count: 5_000,
    like_count: 400,
    comment_count: 50,
    share_count: 30,
    save_count: 20,
    last_scraped_at: FRESH,
  }),
  listedVideo({
    id: "a2",
    creator_id: "ana",
    posted_at: "2026-03-10T14:00:00Z",
    view_count: 1_000,
    like_count: 10,
    last_scraped_at: FRESH,
  }),
  listedVideo({
    id: "b1",
    creator_id: "ben",
    posted_at: "2026-03-12T12:00:00Z",
    view_count: 3_000,
    last_scraped_at: "2026-03-14T00:00:00Z",
  }),
  listedVideo({
    id: "u1",
    creator_id: null,
    posted_at: "2026-03-01T12:00:00Z",
    view_count: 1_000,
    last_scraped_at: FRESH,
  }),
];

const pendingVideo = listedVideo({
  id: "p1",
  creator_id: "ben",
  posted_at: "2026-03-14T12:00:00Z",
  tracking_status: "pending_review",
});

function inputs(over: Partial<CampaignPerformanceInputs> = {}): CampaignPerformanceInputs {
  return {
    campaign: launch,
    stats: null,
    tree: { campaign_ids: ["launch", "launch-sub"] },
    set: videoSet(videos, {
      pending: [pendingVideo],
      left_out: { tracking_disabled: 1, unknown_status: 0, tracking_unreported: 0 },
      duplicates_removed: 1,
      unresolved_video_items: 1,
      creator_items: 2,
      video_items: 2,
    }),
    views: cumulative("2026-03-08", 8, 3_000, 1_000),
    creators: [creator({ id: "ana" }), creator({ id: "ben" })],
    since: {
      // 10,000 now − 2,000 at the end of 02-28 (the day before created_at).
      since_created: {
        views: 8_000,
        baseline_date: "2026-02-28",
        baseline_views: 2_000,
        end_date: null,
        end_views: 10_000,
      },
      reason: null,
    },
    ...over,
  };
}

const build = (over: Partial<CampaignPerformanceInputs> = {}) =>
  buildCampaignPerformanceReport(inputs(over), AS_OF_MS, { range: RANGE });

describe("buildCampaignPerformanceReport, from the resolved video set", () => {
  it("totals the counted videos once", () => {
    const { report } = build();
    // Views 5,000 + 1,000 + 3,000 + 1,000; likes 400 + 10; creators ana and ben (u1 has none).
    expect(report.totals).toEqual({
      view_count: 10_000,
      like_count: 410,
      comment_count: 50,
      share_count: 30,
      save_count: 20,
      video_count: 4,
      creator_count: 2,
    });
    expect(report.totals_source).toBe("video_list");
    expect(report.tree).toEqual({
      campaign_count: 2,
      creator_item_count: 2,
      video_item_count: 2,
      duplicates_removed_count: 1,
      unresolved_video_item_count: 1,
      tracking_disabled_count: 1,
      unknown_status_count: 0,
    });
  });

  it("paces the views gained over the range from the baseline day", () => {
    const { pacing } = build().report;
    // 10,000 − 3,000 (03-08) = 7,000 over 7 daily gains of 1,000: both halves 1,000, so steady.
    expect(pacing).toMatchObject({
      day_count: 7,
      gained: 7_000,
      baseline_date: "2026-03-08",
      avg_per_day: 1_000,
      recent_per_day: 1_000,
      acceleration: 0,
      direction: "steady",
    });
  });

  it("counts the range's posts per UTC day, earlier posts left out", () => {
    // a1 and a2 on 03-10, b1 on 03-12; u1 (03-01) is before the range.
    expect(build().report.posting).toEqual({
      range_post_count: 3,
      active_day_count: 2,
      by_day: [
        { date: "2026-03-10", post_count: 2 },
        { date: "2026-03-12", post_count: 1 },
      ],
    });
  });

  it("ranks videos and creators by lifetime views, with engagement and concentration", () => {
    const { report } = build();
    // a2 and u1 tie at 1,000: by id.
    expect(report.top_videos.map((v) => v.video_id)).toEqual(["a1", "b1", "a2", "u1"]);
    // a1: (400 + 50 + 30 + 20) / 5,000 = 0.1; a2: 10 / 1,000 = 0.01.
    expect(report.top_videos[0]).toMatchObject({ tiktok_handle: "ana", engagement_rate: 0.1 });
    expect(report.top_videos[2]!.engagement_rate).toBe(0.01);
    expect(report.top_videos[3]!.tiktok_handle).toBeNull();
    expect(report.top_creators).toEqual([
      { creator_id: "ana", tiktok_handle: "ana", video_count: 2, view_count: 6_000 },
      { creator_id: "ben", tiktok_handle: "ben", video_count: 1, view_count: 3_000 },
    ]);
    // a1 5,000 / 10,000; ana 6,000 / 10,000; top three creators (6,000 + 3,000) / 10,000.
    expect(report.concentration).toEqual({
      top_video_id: "a1",
      top_video_share: 0.5,
      top_creator_id: "ana",
      top_creator_share: 0.6,
      top3_creator_share: 0.9,
    });
  });

  it("judges the target on the views gained since the campaign was created", () => {
    const { target } = build().report;
    // 8,000 of 20,000 = 0.4; 15.5 days left (03-15 12:00 → 03-31 00:00); 12,000 / 15.5 = 774.19 per day
    // needed; 8,000 + 1,000/day × 15.5 = 23,500 projected ≥ 20,000: on track.
    expect(target).toMatchObject({
      status: "on_track",
      basis: "since_created",
      views_counted: 8_000,
      lifetime_views: 10_000,
      share_done: 0.4,
      days_left: 15.5,
      required_per_day: 774.2,
      projected_at_target: 23_500,
      pace_per_day: 1_000,
    });
  });

  it("says it in sentences", () => {
    const { highlights } = build().report;
    expect(highlights.slice(0, 4)).toEqual([
      "10k views on 4 counted videos from 2 creators (lifetime totals as of the last scrape).",
      "7,000 views gained in the range, 1,000/day (last 7 days: 1,000/day); pace is steady (second half +0% vs first).",
      "Concentrated: @ana brings 60% of the lifetime views.",
      "One video holds 50% of the lifetime views; results hinge on it.",
    ]);
    expect(highlights[4]).toContain("8,000 views gained since the campaign was created on 2026-03-01");
    expect(highlights).toHaveLength(5);
  });

  it("carries its caveats and what meta reports", () => {
    const { caveats, meta } = build();
    expect(caveats.map((c) => c.code)).toEqual([
      "recursive_dedup",
      "snapshot_not_cumulative",
      "pending_left_out",
      "tracking_disabled_left_out",
      "unresolved_items",
      "stale_data",
    ]);
    expect(caveats[0]!.message).toBe(
      "Totals cover the campaign and 1 sub-campaign as one de-duplicated video set " +
        "(1 video reachable through several items counted once).",
    );
    // b1, read at 03-14 00:00, is 36 h old at the analysis time.
    expect(caveats[5]!.message).toContain("1 of the campaign's 4 videos was last scraped more than 12 h");
    expect(meta).toMatchObject({ range: RANGE, pending: 1, freshnessChecked: true, pendingChecked: true });
    expect(meta.freshness).toMatchObject({ stale_count: 1, stale_ids: ["b1"], checked_count: 4 });
  });

  it("makes a report its schema accepts once the run adds meta", () => {
    const run = new WorkflowRun({} as never, "campaign_performance", AS_OF);
    const full = run.finish(build());
    expect(Object.keys(full).slice(0, 3)).toEqual(["kind", "meta", "campaign"]);
    expect(CampaignPerformanceReport.safeParse(full).error).toBeUndefined();
    expect(full.meta.excluded.pending_review).toBe(1);
  });
});

describe("buildCampaignPerformanceReport, from the stats route", () => {
  const stats = campaignStats({
    campaign_id: "launch",
    totals: {
      view_count: 10_000,
      like_count: 410,
      comment_count: 50,
      share_count: 30,
      save_count: 20,
      video_count: 4,
      creator_count: 2,
    },
    top_videos: [
      {
        id: "a1",
        creator_id: "ana",
        tiktok_handle: "ana",
        title: null,
        url: "https://www.tiktok.com/@ana/video/a1",
        posted_at: "2026-03-10T10:00:00Z",
        view_count: 5_000,
        like_count: 400,
        comment_count: 50,
        share_count: 30,
      },
    ],
    top_creators: [{ id: "ana", tiktok_handle: "ana", video_count: 2, view_count: 6_000 }],
    video_count_by_day: [
      { date: "2026-03-09", count: 0 },
      { date: "2026-03-10", count: 2 },
      { date: "2026-03-11", count: 0 },
      { date: "2026-03-12", count: 1 },
    ],
  });

  it("takes totals, lists and posts from the route and says what it did not check", () => {
    const { report, caveats, meta } = build({ stats, tree: null, set: null, creators: null });
    expect(report.totals_source).toBe("stats_route");
    expect(report.totals.view_count).toBe(10_000);
    expect(report.tree).toBeNull();
    // The route's lists carry no saves: no engagement rate.
    expect(report.top_videos[0]).toMatchObject({ video_id: "a1", engagement_rate: null });
    expect(report.top_creators).toEqual([
      { creator_id: "ana", tiktok_handle: "ana", video_count: 2, view_count: 6_000 },
    ]);
    // Days without posts left out: 2 + 1 posts on 2 days.
    expect(report.posting).toEqual({
      range_post_count: 3,
      active_day_count: 2,
      by_day: [
        { date: "2026-03-10", post_count: 2 },
        { date: "2026-03-12", post_count: 1 },
      ],
    });
    expect(caveats.map((c) => c.code)).toEqual(["recursive_dedup", "snapshot_not_cumulative", "not_checked"]);
    expect(caveats[0]!.message).toContain("they were not summed again");
    expect(meta).toMatchObject({ pending: 0, freshnessChecked: false, pendingChecked: false });
  });

  it("says the data changed when the route and the video list disagree", () => {
    // The route says 10,000 views on 4 videos; the list without b1 has 7,000 on 3.
    const { caveats } = build({ stats, set: videoSet(videos.filter((v) => v.id !== "b1")) });
    const changed = caveats.find((c) => c.code === "data_changed");
    expect(changed?.message).toBe(
      "The stats route's totals (10,000 views, 4 videos) differ from the video list (7,000 views, 3 videos): " +
        "data changed between the calls.",
    );
  });

  it("says nothing changed when they agree", () => {
    const { caveats } = build({ stats });
    expect(caveats.map((c) => c.code)).not.toContain("data_changed");
  });
});

describe("buildCampaignPerformanceReport, edge cases", () => {
  it("says an empty campaign is empty, with unknown gains and no concentration", () => {
    const { report, caveats } = build({
      campaign: campaign({ id: "launch" }),
      tree: { campaign_ids: ["launch"] },
      set: videoSet([]),
      views: [],
      since: { since_created: null, reason: "the campaign has no view target" },
    });
    expect(report.totals.view_count).toBe(0);
    expect(report.pacing).toMatchObject({ gained: null, gain_unknown_reason: "no reading in the range" });
    expect(report.top_videos).toEqual([]);
    expect(report.concentration).toMatchObject({ top_video_id: null, top_creator_share: null });
    expect(report.target).toMatchObject({ status: "no_target", basis: "lifetime" });
    expect(caveats.map((c) => c.code)).toContain("empty_input");
    expect(caveats[0]!.message).toBe(
      "Totals cover the campaign and 0 sub-campaigns as one de-duplicated video set.",
    );
    expect(report.highlights).toEqual([
      "0 views on 0 counted videos from 0 creators (lifetime totals as of the last scrape).",
      "Views gained in the range unknown (no reading in the range).",
    ]);
  });

  it("judges the target on lifetime totals when the baseline was out of reach", () => {
    const { target } = build({
      since: { since_created: null, reason: "the history starts after the campaign was created" },
    }).report;
    // 10,000 lifetime of 20,000 = 0.5.
    expect(target).toMatchObject({
      basis: "lifetime",
      basis_reason: "the history starts after the campaign was created",
      views_counted: 10_000,
      share_done: 0.5,
    });
  });
});
