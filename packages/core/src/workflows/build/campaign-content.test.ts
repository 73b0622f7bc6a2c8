/**
 * buildCampaignContentReport on a hand-built campaign, no client: every expected figure below is
 * worked out by hand from the fixture (the comments show the arithmetic), not read back from the code.
 *
 * As of Sunday 2026-03-15 12:00 UTC. Campaign k1 holds creator ana, ben's video ben-1 and the
 * sub-campaign k2, which holds ana-2 again and a video the project does not list. Every post at 12:00,
 * each video's likes are 5 % of its views, and each was scraped at 06:00 unless said otherwise.
 * - ana: 1,000, 1,000, 10,000 ("Breakout"), 1,100, 900 and 1,200 views on Mon 02-23 … Sat 02-28
 *   (ana-0 … ana-5), and one post waiting in the Tracking Inbox on 03-10.
 * - ben: ben-1, 2,000 views on Tue 03-03, never scraped (in the campaign); ben-2 on 03-04 (not).
 * - cy, not in the campaign: 5 × 1,000 views and one of 100 (a flop) from 02-16 to 02-21.
 */
import { describe, expect, it } from "vitest";
import { CampaignContentReport } from "../../reports/schema/campaign-content.js";
import type { Video } from "../../schema/video.js";
import { creator } from "../../test-helpers/analysis-fixtures.js";
import { apiCampaign, apiVideo } from "../../test-helpers/builder-fixtures.js";
import type { CampaignTree } from "../campaign-tree.js";
import { WorkflowRun } from "../run.js";
import {
  buildCampaignContentReport,
  type CampaignContentInputs,
  type CampaignContentOptions,
} from "./campaign-content.js";

const AS_OF = "2026-03-15T12:00:00.000Z";
const AS_OF_MS = Date.parse(AS_OF);

const post = (id: string, creatorId: string, day: string, views: number, over: Partial<Video> = {}) =>
  apiVideo({
    id,
    creator_id: creatorId,
    posted_at: `${day}T12:00:00Z`,
    view_count: views,
    like_count: views / 20,
    last_scraped_at: "2026-03-15T06:00:00Z",
    ...over,
  });

const videos: Video[] = [
  post("ana-0", "ana", "2026-02-23", 1_000),
  post("ana-1", "ana", "2026-02-24", 1_000),
  post("ana-2", "ana", "2026-02-25", 10_000, { title: "Breakout" }),
  post("ana-3", "ana", "2026-02-26", 1_100),
  post("ana-4", "ana", "2026-02-27", 900),
  post("ana-5", "ana", "2026-02-28", 1_200),
  post("ana-p", "ana", "2026-03-10", 300, { tracking_status: "pending_review" }),
  post("ben-1", "ben", "2026-03-03", 2_000, { last_scraped_at: null }),
  post("ben-2", "ben", "2026-03-04", 2_000),
  ...[1_000, 1_000, 1_000, 1_000, 1_000, 100].map((views, i) =>
    post(`cy-${i}`, "cy", `2026-02-${16 + i}`, views),
  ),
];

const tree: CampaignTree = {
  root: "k1",
  campaign_ids: ["k1", "k2"],
  items: [
    { item_type: "creator", item_id: "ana" },
    { item_type: "video", item_id: "ben-1" },
    { item_type: "campaign", item_id: "k2" },
    { item_type: "video", item_id: "ana-2" },
    { item_type: "video", item_id: "gone" },
  ],
};

const campaign = apiCampaign({ id: "k1", name: "Spring" });

const inputs = (over: Partial<CampaignContentInputs> = {}): CampaignContentInputs => ({
  campaign,
  tree,
  videos,
  creators: [creator({ id: "ana" }), creator({ id: "ben" }), creator({ id: "cy" })],
  ...over,
});

/** From 02-24 (ana-0 falls out), lists of 2, and the outlier rule's default thresholds. */
const OPTIONS: CampaignContentOptions = {
  from: "2026-02-24",
  top: 2,
  outliers: { minVideos: 5, minAgeDays: 7, zThreshold: 3.5, highRatio: 5, lowRatio: 0.2 },
};

const build = (over: Partial<CampaignContentInputs> = {}, options: Partial<CampaignContentOptions> = {}) =>
  buildCampaignContentReport(inputs(over), AS_OF_MS, { ...OPTIONS, ...options });

describe("buildCampaignContentReport", () => {
  const { report, caveats, meta } = build();

  it("ranks the campaign's de-duplicated videos of the range", () => {
    // In range (from 02-24): ana-1 … ana-5 and ben-1; ana-0 is older, ana-2 counts once.
    // Views sorted: 900, 1,000, 1,100, 1,200, 2,000, 10,000 (sum 16,200). Median at position 2.5:
    // 1,100 + 0.5 × 100 = 1,150; 90th percentile at 4.5: 2,000 + 0.5 × 8,000 = 6,000.
    expect(report).toMatchObject({
      video_count: 6,
      total_views: 16_200,
      median_views: 1_150,
      p90_views: 6_000,
      engagement_rate: 0.05,
    });
    expect(report.top_videos.map((v) => [v.video_id, v.view_count])).toEqual([
      ["ana-2", 10_000],
      ["ben-1", 2_000],
    ]);
    expect(report.bottom_videos.map((v) => [v.video_id, v.view_count])).toEqual([
      ["ana-4", 900],
      ["ana-1", 1_000],
    ]);
    expect(report.campaign).toMatchObject({ id: "k1", name: "Spring", project_id: "p1" });
  });

  it("judges outliers against each creator's whole project, keeping the campaign's", () => {
    // ana's six posts: median (1,000 + 1,100) / 2 = 1,050; 10,000 / 1,050 = 9.524 ≥ 5 → high.
    // cy's 100 is a flop (≤ 0.2 × 1,000) but not in the campaign; ben has 2 posts old enough, < 5.
    expect(
      report.outliers.items.map((o) => [o.video_id, o.direction, o.creator_median_views, o.ratio_to_median]),
    ).toEqual([["ana-2", "high", 1_050, 9.524]]);
    expect(report.outliers.creators_checked_count).toBe(2);
    expect(report.outliers.creators_too_few_videos_count).toBe(1);
  });

  it("finds the best posting slot and the creators' shares", () => {
    // Tuesday 12:00 has two posts (ana-1 1,000 and ben-1 2,000): 1,500 on average; every other slot one.
    expect(report.posting_pattern.best).toEqual({ dow: 2, hour: 12, post_count: 2, avg_views: 1_500 });
    // ana: 1,000 + 10,000 + 1,100 + 900 + 1,200 = 14,200 of 16,200 = 0.8765; median of five 1,100.
    expect(report.creators).toEqual([
      {
        creator_id: "ana",
        tiktok_handle: "ana",
        post_count: 5,
        view_count: 14_200,
        median_views: 1_100,
        engagement_rate: 0.05,
        view_share: 0.8765,
      },
      {
        creator_id: "ben",
        tiktok_handle: "ben",
        post_count: 1,
        view_count: 2_000,
        median_views: 2_000,
        engagement_rate: 0.05,
        view_share: 0.1235,
      },
    ]);
  });

  it("says it in sentences", () => {
    expect(report.highlights).toEqual([
      "6 videos posted in the range: median 1,150 lifetime views, top 10 % above 6,000; engagement rate 5.0%.",
      "Best: Breakout by @ana with 10k lifetime views.",
      "1 breakout video and 0 flops against their creators' norms.",
      "Best posting slot: Tue 12:00 UTC (1,500 lifetime views per post over 2 posts).",
      "@ana brings 88% of the lifetime views.",
    ]);
  });

  it("carries its caveats and what meta reports", () => {
    expect(caveats.map((c) => c.code)).toEqual([
      "recursive_dedup",
      "snapshot_not_cumulative",
      "pending_left_out",
      "out_of_range",
      "method",
      "never_scraped",
    ]);
    expect(caveats[0]!.message).toBe(
      "The campaign and 1 sub-campaign were resolved to one video set; 1 video reachable through several " +
        "items is counted once.",
    );
    expect(caveats[3]!.message).toBe("1 campaign video posted outside 2026-02-24 → 2026-03-15 was left out.");
    expect(caveats[5]!.message).toMatch(/^1 of the campaign's 6 videos has never been scraped/);
    expect(meta).toMatchObject({
      range: { from: "2026-02-24", to: "2026-03-15" },
      pending: 1,
      freshnessChecked: true,
      pendingChecked: true,
    });
    expect(meta.freshness).toMatchObject({ never_scraped_count: 1, checked_count: 6 });
  });

  it("makes a report its schema accepts once the run adds meta", () => {
    const run = new WorkflowRun({} as never, "campaign_content", AS_OF);
    const full = run.finish(build());
    expect(Object.keys(full).slice(0, 3)).toEqual(["kind", "meta", "campaign"]);
    expect(CampaignContentReport.safeParse(full).error).toBeUndefined();
  });
});

describe("buildCampaignContentReport, ranges and edge cases", () => {
  it("starts at the campaign's first post without from", () => {
    const { report, meta, caveats } = build({}, { from: undefined });
    // ana-0 on 02-23 is the first; all 7 counted campaign videos are in.
    expect(meta.range).toEqual({ from: "2026-02-23", to: "2026-03-15" });
    expect(report.video_count).toBe(7);
    expect(caveats.map((c) => c.code)).not.toContain("out_of_range");
  });

  it("takes a named range ending on the analysis day", () => {
    const { report, meta, caveats } = build({}, { range: "last_7_days" });
    // 03-09 … 03-15: every counted campaign video was posted earlier.
    expect(meta.range).toEqual({ from: "2026-03-09", to: "2026-03-15" });
    expect(report.video_count).toBe(0);
    expect(report.highlights).toEqual([]);
    expect(caveats).toContainEqual({
      code: "out_of_range",
      message: "7 campaign videos posted outside 2026-03-09 → 2026-03-15 were left out.",
    });
    expect(caveats.map((c) => c.code)).toContain("empty_input");
  });

  it("says an empty campaign is empty", () => {
    const { report, meta, caveats } = build(
      { tree: { root: "k1", campaign_ids: ["k1"], items: [] } },
      { from: undefined },
    );
    // No post: the range is the analysis day alone.
    expect(meta.range).toEqual({ from: "2026-03-15", to: "2026-03-15" });
    expect(report).toMatchObject({ video_count: 0, total_views: 0, median_views: null, top_videos: [] });
    expect(report.outliers.items).toEqual([]);
    expect(caveats[0]!.message).toBe(
      "The campaign and 0 sub-campaigns were resolved to one video set; 0 videos reachable through several " +
        "items are counted once.",
    );
    expect(caveats).toContainEqual({
      code: "empty_input",
      message:
        "No counted videos in this campaign to analyse; the figures below are empty, not zero performance.",
    });
  });
});
