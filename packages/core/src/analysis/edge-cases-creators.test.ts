/**
 * Issue 12, case 4: judge creators only for what is theirs. Hand-computed fixtures on
 * findUnderperformers:
 * - posting gaps count only full weeks from the creator's tracking start (`created_at`) on;
 * - posts waiting in the Tracking Inbox are the team's backlog: a creator with pending posts in the
 *   window is not `not_posting`, a week whose posts all wait is not a gap, and the backlog is listed;
 * - a creator without a follower count (0 or missing) is not ranked on views per follower: "cannot judge";
 * - a creator tracked for at least 14 days with no counted post ever is `not_posting`.
 */
import { describe, expect, it } from "vitest";
import { creator, dailyPosts, video } from "../test-helpers/analysis-fixtures.js";
import { assertJsonSafe } from "../test-helpers/json-safe.js";
import type { CreatorInput } from "./inputs.js";
import { findUnderperformers } from "./underperformers.js";

// Sunday noon; window 2026-02-14 (Sat) … 2026-03-15 (Sun); full weeks 02-16, 02-23, 03-02, 03-09.
const AS_OF = "2026-03-15T12:00:00Z";

/** Creator fixtures with a tracking start; `created_at` is not in CreatorInput before this change. */
const tracked = (over: Partial<CreatorInput> & { id: string; created_at: string }) =>
  creator(over as Partial<CreatorInput> & { id: string });

function world() {
  const creators: CreatorInput[] = [
    creator({ id: "P1", follower_count: 1000 }), // R = 1
    creator({ id: "P2", follower_count: 1000 }), // R = 0.5
    creator({ id: "L", follower_count: 1000 }), // R = 0.25
    // No follower count: 0, and missing altogether (a tolerant reader may leave it out).
    creator({ id: "Z", follower_count: 0 }),
    creator({ id: "Z2", follower_count: undefined as unknown as number }),
    // Added on Tuesday 2026-02-17 10:00: the week of 02-16 was not fully tracked.
    tracked({ id: "M", follower_count: 1000, created_at: "2026-02-17T10:00:00Z" }), // R = 0.5
    // Selective: one week's only post waits in the Tracking Inbox.
    tracked({
      id: "W",
      follower_count: 1000,
      tracking_mode: "selective",
      created_at: "2025-12-01T00:00:00Z",
    }), // R = 1
    // Selective: counted posts before the window, only pending ones in it.
    tracked({ id: "S", tracking_mode: "selective", created_at: "2026-01-01T00:00:00Z" }),
    // Tracked since 2026-02-01 (42 days), never a counted post.
    tracked({ id: "N", created_at: "2026-02-01T09:00:00Z" }),
    // Tracked since 2026-03-10 (5 days), no post yet: too early to judge.
    tracked({ id: "Y", created_at: "2026-03-10T09:00:00Z" }),
  ];
  const videos = [
    ...dailyPosts("P1", "2026-03-15", 30, { view_count: 1000 }),
    ...dailyPosts("P2", "2026-03-15", 30, { view_count: 500 }),
    ...dailyPosts("L", "2026-03-15", 30, { view_count: 250 }),
    ...dailyPosts("Z", "2026-03-15", 30, { view_count: 5000 }),
    ...dailyPosts("Z2", "2026-03-15", 30, { view_count: 5000 }),
    video({ creator_id: "M", posted_at: "2026-02-25T10:00:00Z", view_count: 500 }),
    video({ creator_id: "M", posted_at: "2026-03-04T10:00:00Z", view_count: 500 }),
    video({
      creator_id: "W",
      posted_at: "2026-02-17T10:00:00Z",
      view_count: 1000,
      tracking_status: "included",
    }),
    video({
      creator_id: "W",
      posted_at: "2026-02-24T10:00:00Z",
      view_count: 1000,
      tracking_status: "included",
    }),
    video({
      creator_id: "W",
      posted_at: "2026-03-04T10:00:00Z",
      view_count: 1,
      tracking_status: "pending_review",
    }),
    video({
      creator_id: "W",
      posted_at: "2026-03-10T10:00:00Z",
      view_count: 1000,
      tracking_status: "included",
    }),
    video({ creator_id: "S", posted_at: "2026-01-20T10:00:00Z", tracking_status: "included" }),
    video({ creator_id: "S", posted_at: "2026-02-10T10:00:00Z", tracking_status: "included" }),
    video({ creator_id: "S", posted_at: "2026-03-01T10:00:00Z", tracking_status: "pending_review" }),
    video({ creator_id: "S", posted_at: "2026-03-08T10:00:00Z", tracking_status: "pending_review" }),
    video({ creator_id: "S", posted_at: "2026-03-12T10:00:00Z", tracking_status: "pending_review" }),
  ];
  return { creators, videos };
}

type Judgement = { check: string; reason: string };
type Extra = {
  pending_review_count?: number;
  cannot_judge?: Judgement[];
  basis_notes?: string[];
  tracking_started_at?: string | null;
};
type AnalysisExtra = {
  backlog?: Array<{ creator_id: string; pending_review_count: number }>;
  cannot_judge?: Array<{ creator_id: string; checks: string[]; reason: string }>;
};

describe("case 4: judge creators only for what is theirs", () => {
  const { creators, videos } = world();
  const result = findUnderperformers(creators, videos, AS_OF);
  const byId = new Map(result.evaluations.map((e) => [e.creator_id, e]));
  const ev = (id: string) => byId.get(id)! as ReturnType<typeof byId.get> & Extra;
  const extra = result as typeof result & AnalysisExtra;

  it("leaves creators without a follower count out of the views-per-follower baseline", () => {
    // R: P1 1, P2 0.5, L 0.25, M 0.5, W 1 → median 0.5 (Z and Z2 have no R).
    expect(result.baselines).toEqual([
      { project_id: "p1", baseline_views_per_follower: 0.5, creators_with_data_count: 5 },
    ]);
    // L: 0.25 / 0.5 = 0.5×, above 0.4×: not flagged once Z's 5000 views per "1 follower" are gone.
    expect(ev("L").ratio_to_baseline).toBe(0.5);
    expect(ev("L").reasons).toEqual([]);
    assertJsonSafe(result);
  });

  it("lists a creator without a follower count (0 or missing) as 'cannot judge', with the reason", () => {
    for (const id of ["Z", "Z2"]) {
      expect(ev(id).views_per_follower).toBeNull();
      expect(ev(id).ratio_to_baseline).toBeNull();
      expect(ev(id).reasons).not.toContain("low_views_per_post");
      expect(ev(id).cannot_judge?.map((j) => j.check)).toContain("low_views_per_post");
      expect(ev(id).cannot_judge?.find((j) => j.check === "low_views_per_post")?.reason).toMatch(
        /no follower count/,
      );
    }
    const listed = extra.cannot_judge?.filter((c) => c.checks.includes("low_views_per_post"));
    expect(listed?.map((c) => c.creator_id).sort()).toEqual(["Z", "Z2"]);
  });

  it("counts posting gaps only in the full weeks after tracking started", () => {
    // M was added on Tuesday 02-17: the week of 02-16 is not M's to fill. It posted in the weeks of
    // 02-23 and 03-02, not in the week of 03-09.
    expect(ev("M").gap_weeks).toEqual(["2026-03-09"]);
    expect(ev("M").tracking_started_at).toBe("2026-02-17T10:00:00Z");
    expect(ev("M").basis_notes?.some((n) => n.includes("2026-02-17"))).toBe(true);
  });

  it("does not call a week whose only post waits in the Tracking Inbox a gap", () => {
    expect(ev("W").gap_weeks).toEqual([]);
    expect(ev("W").reasons).toEqual([]);
    expect(ev("W").pending_review_count).toBe(1);
  });

  it("does not call a selective creator with pending posts in the window not_posting, and lists the backlog", () => {
    expect(ev("S").reasons).not.toContain("not_posting");
    expect(ev("S").pending_review_count).toBe(3);
    expect(ev("S").basis_notes?.some((n) => /Tracking Inbox/.test(n))).toBe(true);
    expect(extra.backlog).toEqual([
      { creator_id: "S", tiktok_handle: "S", pending_review_count: 3 },
      { creator_id: "W", tiktok_handle: "W", pending_review_count: 1 },
    ]);
  });

  it("flags a creator tracked for 14 days or more without any counted post as not_posting", () => {
    expect(ev("N").reasons).toEqual(["not_posting"]);
    expect(ev("N").reason_texts[0]).toContain("no counted post since tracking started on 2026-02-01");
    expect(result.underperformers.map((u) => u.creator_id)).toContain("N");
  });

  it("does not judge a creator tracked for under 14 days on not posting, and says so", () => {
    expect(ev("Y").reasons).toEqual([]);
    expect(String(ev("Y").cannot_judge?.find((j) => j.check === "not_posting")?.reason)).toMatch(
      /tracked for less than 14 days/,
    );
  });
});
