import { describe, expect, it } from "vitest";
import { fixtureLookup, fixtureWorld } from "../test-helpers/stats-fixture.js";
import { analytics } from "./analytics.js";
import { analyticsCsv } from "./analytics-csv.js";
import { resolveCampaignVideos } from "./campaign-tree.js";

const world = fixtureWorld();

describe("analyticsCsv", () => {
  it("writes main rows, then compare rows, then breakdown rows", () => {
    const data = analytics(
      world,
      { entity: "campaign", id: "k1", videos: resolveCampaignVideos("k1", fixtureLookup(world)) },
      { metric: "views", from: "2026-03-14", to: "2026-03-15", compare: "prior_period", breakdown: "video" },
    );
    const lines = analyticsCsv(data).split("\n");
    expect(lines[0]).toBe("series_kind,entity_id,label,bucket_start,value");
    // Main: Mar 14 = v1 100 + v2 200 + v4 1000 (first snapshot, posted Mar 13); Mar 15 = 100 + 200 + 500.
    expect(lines.slice(1, 3)).toEqual(["main,k1,current,2026-03-14,1300", "main,k1,current,2026-03-15,800"]);
    // Prior period Mar 12–13: 300 each (v4 not scraped yet).
    expect(lines.slice(3, 5)).toEqual([
      "compare,k1,prior_period,2026-03-12,300",
      "compare,k1,prior_period,2026-03-13,300",
    ]);
    // Breakdown, v4 first (1500 gained), its title quoted because of the comma.
    expect(lines[5]).toBe('breakdown,v4,"Dance, part 2",2026-03-14,1000');
    expect(lines.filter((l) => l.startsWith("breakdown,")).length).toBe(5 * 2);
    expect(lines.at(-1)).toBe(""); // trailing newline
  });

  it("leaves null values empty and escapes quotes", () => {
    const csv = analyticsCsv({
      entity: "video",
      entity_id: "v1",
      metric: "engagement_rate_by_views",
      unit: "percent",
      mode: "new",
      granularity: "day",
      from: "2026-03-02",
      to: "2026-03-02",
      tz: "UTC",
      series: [{ bucket_start: "2026-03-02", value: null, is_partial: false }],
      compare_series: null,
      breakdown_series: [
        {
          entity_ref: { id: "x", label: 'say "hi"' },
          series: [{ bucket_start: "2026-03-02", value: 1.5, is_partial: false }],
        },
      ],
      annotations: [],
      tier_retention_days: null,
    });
    expect(csv).toBe(
      'series_kind,entity_id,label,bucket_start,value\nmain,v1,current,2026-03-02,\nbreakdown,x,"say ""hi""",2026-03-02,1.5\n',
    );
  });
});
