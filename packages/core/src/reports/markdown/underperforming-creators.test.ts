/** renderUnderperformingCreators on a small fixed report: each flag with the numbers behind it. */
import { describe, expect, it } from "vitest";
import { evaluation, reportMeta } from "../../test-helpers/report-fixtures.js";
import { UnderperformingCreatorsReport } from "../schema/underperforming-creators.js";
import { renderUnderperformingCreators } from "./underperforming-creators.js";

const ben = evaluation({
  creator_id: "c-ben",
  tiktok_handle: "ben",
  follower_count: 1_000,
  median_views: 20,
  views_per_follower: 0.02,
  ratio_to_baseline: 0.2,
  reasons: ["low_views_per_post"],
  reason_texts: [
    "median 20 views/post over 1 post at 1,000 followers = 0.20× the project's norm for its follower size (flagged below 0.4×)",
  ],
  stale: true,
  last_scraped_at: null,
});
const cy = evaluation({
  creator_id: "c-cy",
  tiktok_handle: "cy",
  window_post_count: 0,
  median_views: null,
  views_per_follower: null,
  ratio_to_baseline: null,
  reasons: ["not_posting"],
  reason_texts: [
    "no counted post between 2026-03-02 and 2026-03-15; last post 2026-02-01 (1 earlier post on record)",
  ],
});

const report: UnderperformingCreatorsReport = {
  kind: "underperforming_creators",
  meta: reportMeta(),
  project_id: "p1",
  evaluated_count: 4,
  underperformer_count: 3,
  underperformers: [cy, ben],
  reason_counts: { low_views_per_post: 2, falling_engagement: 0, posting_gaps: 0, not_posting: 1 },
  baselines: [{ project_id: "p1", baseline_views_per_follower: 0.1, creators_with_data_count: 3 }],
  posting_gaps: [],
  stale_creators: [{ creator_id: "c-ben", last_scraped_at: null }],
  backlog: [{ creator_id: "c-dee", tiktok_handle: "dee", pending_review_count: 2 }],
  cannot_judge: [
    {
      creator_id: "c-eve",
      tiktok_handle: "eve",
      checks: ["low_views_per_post"],
      reason: "no follower count from the API",
    },
  ],
  highlights: ["3 of 4 creators flagged: 2 low views per post, 1 not posting."],
};

describe("renderUnderperformingCreators", () => {
  it("is a valid report (the fixture keeps up with the schema)", () => {
    expect(UnderperformingCreatorsReport.safeParse(report).error).toBeUndefined();
  });

  it("renders the flagged creators, how many are not listed, the stale ones, the backlog and who cannot be judged", () => {
    expect(renderUnderperformingCreators(report)).toMatchInlineSnapshot(`
      "# Underperforming creators, 2026-03-02 → 2026-03-15

      - 3 of 4 creators flagged: 2 low views per post, 1 not posting.

      | creator | why | stale |
      |---|---|---|
      | @cy | no counted post between 2026-03-02 and 2026-03-15; last post 2026-02-01 (1 earlier post on record) |  |
      | @ben | median 20 views/post over 1 post at 1,000 followers = 0.20× the project's norm for its follower size (flagged below 0.4×) | ⚠ yes |

      _1 more flagged creator not listed._

      **Stale data** (> 12 h): 1 creator.

      **Tracking Inbox backlog** (posts of the range waiting for review: the team's, not held against the creator)
      | creator | pending posts |
      |---|---|
      | @dee | 2 |

      **Cannot judge**
      | creator | not judged on | why |
      |---|---|---|
      | @eve | low views per post | no follower count from the API |

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
