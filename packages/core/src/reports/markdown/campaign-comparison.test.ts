/** renderCampaignComparison on a small fixed report: range gains beside lifetime snapshots, each labelled. */
import { describe, expect, it } from "vitest";
import { reportMeta, totals } from "../../test-helpers/report-fixtures.js";
import { CampaignComparisonReport } from "../schema/campaign-comparison.js";
import { renderCampaignComparison } from "./campaign-comparison.js";

type Row = CampaignComparisonReport["campaigns"][number];

const row = (over: Partial<Row> & Pick<Row, "campaign_id" | "name" | "rank">): Row => ({
  views_gained: 42_000,
  gain_unknown_reason: null,
  active_day_count: 14,
  views_gained_per_active_day: 3_000,
  views_gained_per_creator: 21_000,
  views_gained_per_video: 7_000,
  direction: "accelerating",
  lifetime: { ...totals(), engagement_rate: 0.0801 },
  target_views: null,
  target_at: null,
  ...over,
});

const report: CampaignComparisonReport = {
  kind: "campaign_comparison",
  meta: reportMeta({
    freshness: { ...reportMeta().freshness, checked: false, is_stale: null, checked_count: 0 },
  }),
  project_id: "p1",
  campaigns: [
    row({ campaign_id: "k1", name: "Spring | launch", rank: 1 }),
    row({
      campaign_id: "k2",
      name: "Winter",
      rank: 2,
      views_gained: null,
      gain_unknown_reason: "no reading before the range",
      active_day_count: 0,
      views_gained_per_active_day: null,
      views_gained_per_creator: null,
      views_gained_per_video: null,
      direction: "insufficient_data",
      lifetime: { ...totals({ view_count: 5_000, video_count: 1, creator_count: 1 }), engagement_rate: null },
    }),
  ],
  highlights: ["Spring | launch gained the most views per active day (3,000)."],
};

describe("renderCampaignComparison", () => {
  it("is a valid report (the fixture keeps up with the schema)", () => {
    expect(CampaignComparisonReport.safeParse(report).error).toBeUndefined();
  });

  it("renders the ranking with range and lifetime columns told apart", () => {
    expect(renderCampaignComparison(report)).toMatchInlineSnapshot(`
      "# Campaign comparison, 2026-03-02 → 2026-03-15

      - Spring | launch gained the most views per active day (3,000).

      | # | campaign | views gained | active days | gained / active day | gained / creator | gained / video | trend | lifetime views | lifetime ER |
      |---|---|---|---|---|---|---|---|---|---|
      | 1 | Spring \\| launch | 42,000 | 14 | 3,000 | 21,000 | 7,000 | accelerating | 120,000 | 8.01% |
      | 2 | Winter | unknown | 0 | n/a | n/a | n/a | insufficient data | 5,000 | n/a |

      _Views gained unknown (no reading before the range) for: Winter. Not 0: ranked last._

      _Views gained are the range's; per creator and per video divide them by the campaign's counted creators and videos as of now. Lifetime columns are snapshot totals. Parent and child campaigns share videos: do not add rows up._

      ---

      - Range 2026-03-02 → 2026-03-15; computed as of 2026-03-15T12:00:00.000Z.
      - Freshness: not checked.
      - Left out: 2 pending_review videos; excluded videos are never listed.
      - Cost: 3 API requests (stats routes).

      **Caveats**
      - view/like/comment/share/save counts are current snapshots, not gains within the date range.
      "
    `);
  });
});
