import { describe, expect, it } from "vitest";
import { video as fixtureVideo } from "../test-helpers/analysis-fixtures.js";
import { assertJsonSafe } from "../test-helpers/json-safe.js";
import type { VideoInput } from "./inputs.js";
import { findOverPosting } from "./over-posting.js";

const AS_OF = "2026-03-15T12:00:00Z";

/** A video last read at AS_OF, so a low count posted at least 2 h before it is confirmed. */
const video = (over: Parameters<typeof fixtureVideo>[0]) => fixtureVideo({ last_scraped_at: AS_OF, ...over });

/** `n` posts on `day` at 01:00, 02:00, …; the first `low` have 50 views, the rest 5,000. */
function burst(day: string, n: number, low: number, creatorId = "c"): VideoInput[] {
  return Array.from({ length: n }, (_, i) =>
    video({
      creator_id: creatorId,
      posted_at: `${day}T${String(i + 1).padStart(2, "0")}:00:00Z`,
      view_count: i < low ? 50 : 5000,
    }),
  );
}

describe("findOverPosting", () => {
  it("fires at 7 posts with 2 low-view ones, not at 6 posts", () => {
    const r = findOverPosting([...burst("2026-03-10", 7, 2), ...burst("2026-03-11", 6, 6)], AS_OF);
    expect(r.incidents).toHaveLength(1);
    expect(r.incidents[0]).toMatchObject({
      date: "2026-03-10",
      post_count: 7,
      low_view_count: 2,
      severity: "amber",
    });
  });

  it("needs 2 low-view videos", () => {
    expect(findOverPosting(burst("2026-03-10", 9, 1), AS_OF).incidents).toEqual([]);
  });

  it("confirms a low reading only 2 h or more after posting", () => {
    // On asOf's day: posts at 01:00 … 10:00; asOf 12:00. Make the two low ones the latest.
    const day = Array.from({ length: 7 }, (_, i) =>
      video({ creator_id: "c", posted_at: `2026-03-15T0${i + 1}:00:00Z`, view_count: 5000 }),
    );
    const exactly2h = video({ creator_id: "c", posted_at: "2026-03-15T10:00:00Z", view_count: 10 });
    const under2h = video({ creator_id: "c", posted_at: "2026-03-15T10:00:01Z", view_count: 10 });
    const low1 = { ...day[0]!, view_count: 10 };
    expect(findOverPosting([low1, ...day.slice(1), exactly2h], AS_OF).incidents).toHaveLength(1);
    expect(findOverPosting([low1, ...day.slice(1), under2h], AS_OF).incidents).toEqual([]);
  });

  it("is amber within the last 7 days and info before", () => {
    const r = findOverPosting([...burst("2026-03-09", 7, 2), ...burst("2026-03-08", 7, 2)], AS_OF);
    expect(r.incidents.map((i) => [i.date, i.severity])).toEqual([
      ["2026-03-09", "amber"],
      ["2026-03-08", "info"],
    ]);
  });

  it("estimates the reach lost against the creator's other days", () => {
    const normal = Array.from({ length: 5 }, (_, i) =>
      video({ creator_id: "c", posted_at: `2026-03-0${i + 1}T12:00:00Z`, view_count: 10_000 }),
    );
    const r = findOverPosting([...normal, ...burst("2026-03-10", 7, 2)], AS_OF);
    expect(r.incidents[0]).toMatchObject({
      day_median_views: 5000,
      creator_median_views: 10_000,
      reach_ratio: 0.5,
    });
  });

  it("takes tunable thresholds and warns a creator close to the limit today", () => {
    expect(findOverPosting(burst("2026-03-10", 5, 2), AS_OF, { minPostsPerDay: 5 }).incidents).toHaveLength(
      1,
    );
    const today = burst("2026-03-15", 5, 0);
    expect(findOverPosting(today, AS_OF).warnings).toEqual([
      { creator_id: "c", date: "2026-03-15", post_count: 5, posts_until_rule_count: 2 },
    ]);
  });

  it("ignores uncounted videos and handles empty input", () => {
    const pending = burst("2026-03-10", 7, 2).map((v) => ({
      ...v,
      tracking_status: "pending_review" as const,
    }));
    expect(findOverPosting(pending, AS_OF).incidents).toEqual([]);
    const empty = findOverPosting([], AS_OF);
    expect(empty.incidents).toEqual([]);
    assertJsonSafe(empty);
  });
});
