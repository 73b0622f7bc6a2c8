import { describe, expect, it } from "vitest";
import { creator, dailyPosts, video } from "../test-helpers/analysis-fixtures.js";
import { assertJsonSafe } from "../test-helpers/json-safe.js";
import { findUnderperformers } from "./underperformers.js";

// Sunday noon; default window 2026-02-14 (Sat) … 2026-03-15 (Sun); recent half from 2026-03-02.
const AS_OF = "2026-03-15T12:00:00Z";

function world() {
  const creators = [
    creator({ id: "A", follower_count: 1000, last_scraped_at: "2026-03-14T23:59:00Z" }), // 12 h 01 min: stale
    creator({ id: "B", follower_count: 1000, last_scraped_at: "2026-03-15T00:00:00Z" }), // exactly 12 h: fresh
    creator({ id: "C", follower_count: 1000 }),
    creator({ id: "D", follower_count: 1000 }),
    creator({ id: "E", follower_count: 1000 }),
    creator({ id: "F", follower_count: 1000 }),
    creator({ id: "G", follower_count: 1000 }),
    creator({ id: "H", follower_count: 1000 }),
  ];
  const videos = [
    // A: R = 1000 / 1000 = 1; ER 10 % on the 16 earlier posts, 5 % on the 14 recent ones → 0.5×.
    ...dailyPosts("A", "2026-03-01", 16, { view_count: 1000, like_count: 100 }),
    ...dailyPosts("A", "2026-03-15", 14, { view_count: 1000, like_count: 50 }),
    // B: ER 10 % → 7 % = 0.7×, above the 0.6 threshold.
    ...dailyPosts("B", "2026-03-01", 16, { view_count: 1000, like_count: 100 }),
    ...dailyPosts("B", "2026-03-15", 14, { view_count: 1000, like_count: 70 }),
    // C: R = 0.3 → 0.3× the baseline of 1 (flagged); its pending video must not count.
    ...dailyPosts("C", "2026-03-15", 30, { view_count: 300 }),
    video({
      creator_id: "C",
      posted_at: "2026-03-01T12:00:00Z",
      view_count: 1,
      tracking_status: "pending_review",
    }),
    // D: R = 0.4 → exactly 0.4× the baseline, not below it.
    ...dailyPosts("D", "2026-03-15", 30, { view_count: 400 }),
    // E: posts in the partial week of 02-09 and in the weeks of 02-16 and 03-09 only → gaps 02-23, 03-02.
    video({ creator_id: "E", posted_at: "2026-02-15T10:00:00Z" }),
    video({ creator_id: "E", posted_at: "2026-02-20T10:00:00Z" }),
    video({ creator_id: "E", posted_at: "2026-03-10T10:00:00Z" }),
    // F: posted before the window only.
    video({ creator_id: "F", posted_at: "2026-01-20T10:00:00Z" }),
    video({ creator_id: "F", posted_at: "2026-02-13T23:59:59Z" }),
    // H: one post exactly 72 h old (eligible) and one a second younger (not eligible): median 1000.
    video({ creator_id: "H", posted_at: "2026-03-12T12:00:00Z", view_count: 1000 }),
    video({ creator_id: "H", posted_at: "2026-03-12T12:00:01Z", view_count: 1 }),
    ...dailyPosts("H", "2026-03-09", 24, { view_count: 1000 }),
    // A direct add has no creator and is attributed to nobody.
    video({ creator_id: null, posted_at: "2026-03-01T12:00:00Z", tracking_status: "direct_add" }),
  ];
  return { creators, videos };
}

describe("findUnderperformers", () => {
  const { creators, videos } = world();
  const result = findUnderperformers(creators, videos, AS_OF);
  const byId = new Map(result.evaluations.map((e) => [e.creator_id, e]));

  it("uses the median R of creators with eligible posts as the project baseline", () => {
    // R: A 1, B 1, C 0.3, D 0.4, E 1, H 1 → median 1; F and G have no eligible posts.
    expect(result.baselines).toEqual([
      { project_id: "p1", baseline_views_per_follower: 1, creators_with_data_count: 6 },
    ]);
  });

  it("flags low views per post below 0.4× the baseline, not at it", () => {
    expect(byId.get("C")!.ratio_to_baseline).toBeCloseTo(0.3, 12);
    expect(byId.get("C")!.reasons).toEqual(["low_views_per_post"]);
    expect(byId.get("C")!.reason_texts[0]).toContain("median 300 views/post");
    expect(byId.get("C")!.reason_texts[0]).toContain("0.30× the project's norm");
    expect(byId.get("D")!.ratio_to_baseline).toBe(0.4);
    expect(byId.get("D")!.reasons).toEqual([]);
  });

  it("counts a post exactly 3 days old as eligible and a younger one not", () => {
    const h = byId.get("H")!;
    expect(h.eligible_post_count).toBe(25);
    expect(h.median_views).toBe(1000);
  });

  it("flags falling engagement when recent ER < 0.6× the earlier ER", () => {
    const a = byId.get("A")!;
    expect(a.er_earlier).toBeCloseTo(0.1, 12);
    expect(a.er_recent).toBeCloseTo(0.05, 12);
    expect(a.reasons).toEqual(["falling_engagement"]);
    expect(a.reason_texts[0]).toContain("from 10.0%");
    expect(byId.get("B")!.er_ratio).toBeCloseTo(0.7, 12);
    expect(byId.get("B")!.reasons).toEqual([]);
  });

  it("reports whole-week posting gaps inside the window only", () => {
    expect(byId.get("E")!.gap_weeks).toEqual(["2026-02-23", "2026-03-02"]);
    expect(result.posting_gaps).toEqual([{ creator_id: "E", weeks: ["2026-02-23", "2026-03-02"] }]);
  });

  it("flags creators who posted before the window and not in it", () => {
    expect(byId.get("F")!.reasons).toEqual(["not_posting"]);
    expect(byId.get("F")!.reason_texts[0]).toContain("last post 2026-02-13");
    expect(byId.get("G")!.reasons).toEqual([]); // never posted: nothing to compare
  });

  it("ranks by distance below the norm (not posting first), then by number of reasons", () => {
    expect(result.underperformers.map((u) => u.creator_id)).toEqual(["F", "C", "A", "E"]);
  });

  it("reports stale scrapes (> 12 h) as a caveat, not a reason", () => {
    expect(result.stale_creators).toEqual([{ creator_id: "A", last_scraped_at: "2026-03-14T23:59:00Z" }]);
    expect(byId.get("A")!.reasons).not.toContain("stale");
    expect(result.pending_review).toBe(1);
    expect(result.unattributed_videos).toBe(1);
    assertJsonSafe(result);
  });

  it("honours thresholds and a caller's window", () => {
    const strict = findUnderperformers(creators, videos, AS_OF, { lowViewsFactor: 0.5 });
    expect(strict.underperformers.map((u) => u.creator_id)).toContain("D");
    const march = findUnderperformers(creators, videos, AS_OF, {
      range: { from: "2026-03-02", to: "2026-03-15" },
    });
    expect(march.evaluations.find((e) => e.creator_id === "E")!.gap_weeks).toEqual(["2026-03-02"]);
  });

  it("handles empty and tiny inputs without NaN", () => {
    const empty = findUnderperformers([], [], AS_OF);
    expect(empty.underperformers).toEqual([]);
    assertJsonSafe(empty);
    const lone = findUnderperformers(
      [creator({ id: "Z", follower_count: 0 })],
      [video({ creator_id: "Z", posted_at: "2026-03-01T00:00:00Z", view_count: 0 })],
      AS_OF,
    );
    // No follower count: no views per follower, no ratio, and the report says it cannot judge.
    expect(lone.evaluations[0]!.views_per_follower).toBeNull();
    expect(lone.evaluations[0]!.ratio_to_baseline).toBeNull();
    expect(lone.cannot_judge.map((c) => c.checks)).toEqual([["low_views_per_post"]]);
    assertJsonSafe(lone);
  });
});
