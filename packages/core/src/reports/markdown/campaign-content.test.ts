/** renderCampaignContent on a small fixed report: views are lifetime counters of videos posted in the range. */
import { describe, expect, it } from "vitest";
import { campaignInfo, rankedVideo, reportMeta } from "../../test-helpers/report-fixtures.js";
import { CampaignContentReport } from "../schema/campaign-content.js";
import { renderCampaignContent } from "./campaign-content.js";

const slot = { dow: 2, hour: 18, post_count: 2, avg_views: 45_000 };

const report: CampaignContentReport = {
  kind: "campaign_content",
  meta: reportMeta(),
  campaign: campaignInfo(),
  video_count: 3,
  total_views: 91_000,
  median_views: 10_000,
  p90_views: 80_000,
  engagement_rate: 0.0712,
  top_videos: [
    rankedVideo({ video_id: "v1", title: "Unboxing", view_count: 80_000 }),
    rankedVideo({ video_id: "v2", view_count: 10_000, engagement_rate: 0.05 }),
  ],
  bottom_videos: [rankedVideo({ video_id: "v3", creator_id: null, tiktok_handle: null, view_count: 1_000 })],
  outliers: {
    items: [
      {
        video_id: "v1",
        creator_id: "c-ana",
        direction: "high",
        view_count: 80_000,
        creator_median_views: 8_000,
        ratio_to_median: 10,
        z: 4.2,
        posted_at: "2026-03-03T18:00:00Z",
        title: "Unboxing",
      },
    ],
    creators_checked_count: 1,
    creators_too_few_videos_count: 1,
  },
  posting_pattern: {
    cells: [slot, { dow: 5, hour: 9, post_count: 1, avg_views: 1_000 }],
    best: slot,
    busiest: slot,
  },
  creators: [
    {
      creator_id: "c-ana",
      tiktok_handle: "ana",
      post_count: 2,
      view_count: 90_000,
      median_views: 45_000,
      engagement_rate: 0.0721,
      view_share: 0.989,
    },
  ],
  highlights: ["Median 10,000 lifetime views per video; the top video has 80,000."],
};

describe("renderCampaignContent", () => {
  it("is a valid report (the fixture keeps up with the schema)", () => {
    expect(CampaignContentReport.safeParse(report).error).toBeUndefined();
  });

  it("renders top and bottom videos, outliers, posting slots and creators", () => {
    expect(renderCampaignContent(report)).toMatchInlineSnapshot(`
      "# Content: Spring launch

      - Median 10,000 lifetime views per video; the top video has 80,000.

      _Videos posted 2026-03-02 → 2026-03-15; views and engagement are their lifetime counters as of the last scrape._

      **Top videos**
      | video | creator | posted | lifetime views | engagement rate |
      |---|---|---|---|---|
      | Unboxing | @ana | 2026-03-03 | 80,000 | 8.12% |
      | v2 | @ana | 2026-03-03 | 10,000 | 5.00% |

      **Bottom videos** (at least 3 days old)
      | video | creator | posted | lifetime views | engagement rate |
      |---|---|---|---|---|
      | v3 | direct | 2026-03-03 | 1,000 | 8.12% |

      **Outliers** (robust z of ln views per creator)
      | video | direction | lifetime views | × creator median |
      |---|---|---|---|
      | Unboxing | high | 80,000 | 10.0× |

      **Best posting slots**
      - Tue 18:00 UTC: 45,000 lifetime views per post (2 posts)

      **Creators**
      | creator | posts | lifetime views | median views | engagement rate | share of views |
      |---|---|---|---|---|---|
      | @ana | 2 | 90,000 | 45,000 | 7.21% | 98.9% |

      ---

      - Range 2026-03-02 → 2026-03-15; computed as of 2026-03-15T12:00:00.000Z.
      - Freshness: oldest scrape 2026-03-14T00:00:00Z (36 h old); 1 of 4 stale (> 12 h) ⚠.
      - Left out: 2 pending_review videos; excluded videos are never listed.
      - Cost: 3 API requests (stats routes).

      **Caveats**
      - view/like/comment/share/save counts are current snapshots, not gains within the date range.
      "
    `);
  });
});
