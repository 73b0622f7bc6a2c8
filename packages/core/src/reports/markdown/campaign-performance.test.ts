/** renderCampaignPerformance on a small fixed report: lifetime and in-range figures must each say which they are. */
import { describe, expect, it } from "vitest";
import { campaignInfo, pacing, rankedVideo, reportMeta, totals } from "../../test-helpers/report-fixtures.js";
import { CampaignPerformanceReport } from "../schema/campaign-performance.js";
import { renderCampaignPerformance } from "./campaign-performance.js";

const report: CampaignPerformanceReport = {
  kind: "campaign_performance",
  meta: reportMeta({
    caveats: [{ code: "recursive_dedup", message: "Sub-campaigns included, each video counted once." }],
  }),
  campaign: campaignInfo({ target_views: 200_000, target_at: "2026-03-31T00:00:00Z" }),
  totals: totals(),
  totals_source: "video_list",
  tree: {
    campaign_count: 2,
    creator_item_count: 1,
    video_item_count: 2,
    duplicates_removed_count: 1,
    unresolved_video_item_count: 0,
    tracking_disabled_count: 0,
    unknown_status_count: 0,
  },
  pacing: pacing(),
  posting: { range_post_count: 3, active_day_count: 2, by_day: [] },
  top_videos: [
    rankedVideo({ video_id: "v1", title: "Unboxing | part 1", view_count: 80_000, engagement_rate: 0.09123 }),
    rankedVideo({
      video_id: "v2",
      creator_id: null,
      tiktok_handle: null,
      view_count: 40_000,
      engagement_rate: null,
    }),
  ],
  top_creators: [
    { creator_id: "c-ana", tiktok_handle: "ana", video_count: 4, view_count: 80_000 },
    { creator_id: "c-ben", tiktok_handle: null, video_count: 2, view_count: 40_000 },
  ],
  concentration: {
    top_video_id: "v1",
    top_video_share: 0.6667,
    top_creator_id: "c-ana",
    top_creator_share: 0.6667,
    top3_creator_share: 1,
  },
  target: {
    status: "behind",
    basis: "since_created",
    basis_reason: null,
    target_views: 200_000,
    target_at: "2026-03-31T00:00:00Z",
    views_counted: 60_000,
    lifetime_views: 120_000,
    baseline_date: "2026-02-28",
    baseline_views: 60_000,
    end_date: null,
    share_done: 0.3,
    days_left: 15.5,
    required_per_day: 9_032.26,
    projected_at_target: 114_250,
    pace_per_day: 3_500,
  },
  highlights: ["42,000 views gained in the range (3,000/day), accelerating."],
};

describe("renderCampaignPerformance", () => {
  it("is a valid report (the fixture keeps up with the schema)", () => {
    expect(CampaignPerformanceReport.safeParse(report).error).toBeUndefined();
  });

  it("renders lifetime totals, range gains, the target's basis and the top lists", () => {
    expect(renderCampaignPerformance(report)).toMatchInlineSnapshot(`
      "# Campaign: Spring launch

      - 42,000 views gained in the range (3,000/day), accelerating.

      **Lifetime totals** (counted videos, as of their last scrape)
      | views | likes | comments | shares | saves | videos | creators |
      |---|---|---|---|---|---|---|
      | 120,000 | 9,000 | 300 | 150 | 90 | 6 | 2 |

      **In the range** 42,000 views gained over 14 days · 3,000/day · last 7 days 3,500/day · accelerating · 3 posts on 2 days

      **Target**
      | target views | by | counted on | views counted | of target | lifetime views | status |
      |---|---|---|---|---|---|---|
      | 200,000 | 2026-03-31 | gained since the end of 2026-02-28 | 60,000 | 30.0% | 120,000 | behind |

      **Top creators**
      | creator | videos | lifetime views | share of lifetime views |
      |---|---|---|---|
      | @ana | 4 | 80,000 | 66.7% |
      | c-ben | 2 | 40,000 | 33.3% |

      **Top videos**
      | video | creator | lifetime views | engagement rate |
      |---|---|---|---|
      | Unboxing \\| part 1 | @ana | 80,000 | 9.12% |
      | v2 | direct | 40,000 | n/a |

      ---

      - Range 2026-03-02 → 2026-03-15; computed as of 2026-03-15T12:00:00.000Z.
      - Freshness: oldest scrape 2026-03-14T00:00:00Z (36 h old); 1 of 4 stale (> 12 h) ⚠.
      - Left out: 2 pending_review videos; excluded videos are never listed.
      - Cost: 3 API requests (stats routes).

      **Caveats**
      - Sub-campaigns included, each video counted once.
      "
    `);
  });

  it("says an unknown gain is unknown, not 0", () => {
    const md = renderCampaignPerformance({
      ...report,
      pacing: pacing({ gained: null, avg_per_day: null, gain_unknown_reason: "no reading before the range" }),
    });
    expect(md).toContain("views gained unknown (no reading before the range)");
    expect(md).not.toContain("**In the range** 0 views");
  });
});
