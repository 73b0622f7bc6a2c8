/** renderCreatorTrend on a small fixed report: weekly gains, the partial week marked, gaps listed. */
import { describe, expect, it } from "vitest";
import { pacing, rankedVideo, reportMeta } from "../../test-helpers/report-fixtures.js";
import { CreatorTrendReport } from "../schema/creator-trend.js";
import { renderCreatorTrend } from "./creator-trend.js";

const growth = (start: number, end: number) => ({
  start,
  end,
  change: end - start,
  change_ratio: (end - start) / start,
  pacing: pacing({ gained: end - start }),
});

const report: CreatorTrendReport = {
  kind: "creator_trend",
  meta: reportMeta(),
  creator: {
    id: "c-ana",
    project_id: "p1",
    tiktok_handle: "ana",
    display_name: "Ana",
    follower_count: 10_500,
    tracking_mode: "auto",
    last_scraped_at: "2026-03-15T06:00:00Z",
  },
  followers: growth(10_000, 10_500),
  views: growth(200_000, 242_000),
  weeks: [
    {
      week_start: "2026-03-02",
      partial: false,
      post_count: 3,
      followers_gained: 200,
      views_gained: 20_000,
      views_wow_change_ratio: null,
      views_gained_per_post: 6_666.67,
    },
    {
      week_start: "2026-03-09",
      partial: true,
      post_count: 0,
      followers_gained: 300,
      views_gained: 22_000,
      views_wow_change_ratio: 0.1,
      views_gained_per_post: null,
    },
  ],
  posting_gaps: ["2026-03-09"],
  range_post_count: 3,
  last_posted_at: "2026-03-06T18:00:00Z",
  days_since_last_post: 8.7,
  engagement_rate: 0.064,
  top_videos: [rankedVideo({ video_id: "v1" })],
  highlights: ["+500 followers (+5.0%) and 42,000 views gained over the range."],
};

describe("renderCreatorTrend", () => {
  it("is a valid report (the fixture keeps up with the schema)", () => {
    expect(CreatorTrendReport.safeParse(report).error).toBeUndefined();
  });

  it("renders the weekly table with the partial week marked, and the gaps", () => {
    expect(renderCreatorTrend(report)).toMatchInlineSnapshot(`
      "# Trend: @ana

      - +500 followers (+5.0%) and 42,000 views gained over the range.

      | week of | posts | followers gained | views gained | views gained vs last week | gained / post |
      |---|---|---|---|---|---|
      | 2026-03-02 | 3 | 200 | 20,000 | – | 6,667 |
      | 2026-03-09 (partial) | 0 | 300 | 22,000 | +10.0% | n/a |

      _Views gained are every counted video's gains that week, whenever it was posted; gained / post divides them by the week's posts._

      **Posting gaps**: weeks of 2026-03-09

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
