/** Goal periods closed within 48 h: provisional, listed once, worst first; older and open periods are not. */
import { describe, expect, it } from "vitest";
import type { GoalCompliance } from "../../schema/goals.js";
import { recentlyClosedGoals } from "./recently-closed-goals.js";

const AS_OF = Date.parse("2026-03-15T12:00:00Z");

function entry(goalId: string, start: string, end: string, status: string, actual: number, notYet = false) {
  return {
    goal: {
      id: goalId,
      creator_id: "c1",
      project_id: "p1",
      metric: "posts",
      period: "daily",
      target_value: 5,
    },
    target: 5,
    actual,
    percentage: actual * 20,
    status,
    advisory: {
      period_in_progress: false,
      period_recently_ended: true,
      scrape_stale: false,
      not_yet_started: notYet,
      has_advisory: true,
      messages: [],
      period_start: start,
      period_end: end,
      hours_until_period_end: null,
      hours_since_period_end: 0,
      scrape_freshness: null,
    },
  };
}

const lists = (compliance: ReturnType<typeof entry>[]) =>
  ({
    value: [
      { creator: { id: "c1", tiktok_handle: "ana", display_name: null, avatar_url: null }, compliance },
    ],
    reason: null,
  }) as unknown as { value: GoalCompliance[]; reason: null };

describe("recentlyClosedGoals", () => {
  it("keeps periods closed less than 48 h ago, once each, missed first, all provisional", () => {
    const r = recentlyClosedGoals(
      lists([
        entry("g1", "2026-03-14T00:00:00.000Z", "2026-03-15T00:00:00.000Z", "completed", 5), // 12 h ago
        entry("g2", "2026-03-13T00:00:00.000Z", "2026-03-14T00:00:00.000Z", "missed", 2), // 36 h ago
        entry("g2", "2026-03-13T00:00:00.000Z", "2026-03-14T00:00:00.000Z", "missed", 2), // the same period again
        entry("g3", "2026-03-12T00:00:00.000Z", "2026-03-13T00:00:00.000Z", "missed", 1), // 60 h ago: final
        entry("g4", "2026-03-15T00:00:00.000Z", "2026-03-16T00:00:00.000Z", "on_track", 3), // still open
        entry("g5", "2026-03-14T00:00:00.000Z", "2026-03-15T00:00:00.000Z", "missed", 0, true), // not started
      ]),
      AS_OF,
    );
    expect(r.map((g) => [g.goal_id, g.status, g.final, g.final_at])).toEqual([
      ["g2", "missed", false, "2026-03-16T00:00:00.000Z"],
      ["g1", "completed", false, "2026-03-17T00:00:00.000Z"],
    ]);
    expect(r[0]!.basis).toMatch(/not final until 48 h have passed/);
  });

  it("is empty when the lists could not be read", () => {
    expect(recentlyClosedGoals({ value: null, reason: "403 forbidden" }, AS_OF)).toEqual([]);
  });
});
