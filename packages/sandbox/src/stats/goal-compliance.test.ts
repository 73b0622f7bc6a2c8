import { describe, expect, it } from "vitest";
import { byId, fixtureWorld, thrown } from "../test-helpers/stats-fixture.js";
import { type GoalComplianceQuery, type GoalEntryInput, goalCompliance } from "./goal-compliance.js";

const world = fixtureWorld();
const project = byId(world.projects, "p1");
const entries: GoalEntryInput[] = world.creators.map((creator) => ({
  creator,
  goals: world.goals.filter((g) => g.creator_id === creator.id),
  videos: world.videos.filter((v) => v.creator_id === creator.id), // uncounted ones included on purpose
}));

const run = (query: GoalComplianceQuery = {}, list = entries) => goalCompliance(world, project, list, query);
/** The evaluation of one goal. */
const goal = (id: string, query: GoalComplianceQuery = {}) => {
  for (const e of run(query)) {
    const found = e.compliance.find((c) => c.goal.id === id);
    if (found) return found;
  }
  throw new Error(`goal ${id} not evaluated`);
};

describe("goalCompliance: selection", () => {
  it("has one entry per active creator, with active, applicable goals only", () => {
    const result = run();
    expect(result.map((e) => e.creator)).toEqual([
      { id: "c1", tiktok_handle: "alice", display_name: "ALICE", avatar_url: null },
      { id: "c2", tiktok_handle: "bob", display_name: "BOB", avatar_url: null },
      { id: "c3", tiktok_handle: "carol", display_name: "CAROL", avatar_url: null },
    ]);
    // g5 is inactive, g7 ended on Mar 1 (before any period evaluated here).
    expect(result[0]!.compliance.map((c) => c.goal.id)).toEqual(["g1", "g2", "g4"]);
    expect(result[1]!.compliance.map((c) => c.goal.id)).toEqual(["g3", "g6", "g8"]);
    expect(result[2]!.compliance).toEqual([]); // a creator without goals is still listed
  });

  it("serves the goal without internal fields", () => {
    expect(goal("g1").goal).toEqual({
      id: "g1",
      creator_id: "c1",
      project_id: "p1",
      metric: "posts",
      period: "weekly",
      target_value: 2,
      start_date: null,
      end_date: null,
      is_active: true,
      created_at: "2026-01-01T00:00:00Z",
      updated_at: "2026-01-01T00:00:00Z",
    });
  });

  it("leaves out deleted creators and creators of other projects", () => {
    const [c1, c2, c3] = entries;
    const list = [
      { ...c1!, creator: { ...c1!.creator, _deleted: true } },
      { ...c2!, creator: { ...c2!.creator, project_id: "p2" } },
      c3!,
    ];
    expect(run({}, list).map((e) => e.creator.id)).toEqual(["c3"]);
  });

  it("filters by creator_id and period", () => {
    expect(run({ creator_id: "c2" }).map((e) => e.creator.id)).toEqual(["c2"]);
    const weekly = run({ period: "weekly" });
    expect(weekly.flatMap((e) => e.compliance.map((c) => c.goal.id))).toEqual(["g1", "g4", "g6", "g8"]);
    expect(run({ period: "all" }).flatMap((e) => e.compliance).length).toBe(6);
  });

  it.each([[{ period: "yearly" }], [{ reference_date: "2026-13-01" }], [{ reference_date: "25.03.2026" }]])(
    "rejects %j with 400 invalid_query",
    (query) => {
      expect(thrown(() => run(query))).toMatchObject({ name: "StatsError", code: "invalid_query" });
    },
  );
});

describe("goalCompliance: in-progress periods at the as-of instant (2026-03-25 12:00 UTC)", () => {
  it("weekly posts with no post yet is at_risk, with the week's window", () => {
    const g = goal("g1");
    expect(g).toMatchObject({ target: 2, actual: 0, percentage: 0, status: "at_risk" });
    expect(g.advisory).toMatchObject({
      period_in_progress: true,
      period_recently_ended: false,
      scrape_stale: false, // c1 scraped 2 h before
      not_yet_started: false,
      has_advisory: true,
      period_start: "2026-03-23T00:00:00.000Z",
      period_end: "2026-03-30T00:00:00.000Z",
      hours_until_period_end: 4.5 * 24,
      hours_since_period_end: null,
    });
    expect(g.advisory.messages.length).toBe(1);
  });

  it("daily views: 300 gained by midday projects to 600 → on_track", () => {
    // Mar 25: v1 +100, v2 +200; half the day has elapsed.
    expect(goal("g2")).toMatchObject({ actual: 300, percentage: 100, status: "on_track" });
    expect(goal("g2").advisory.hours_until_period_end).toBe(12);
  });

  it("weekly views: 1650 gained in 2.5 of 7 days projects past 3000 → on_track", () => {
    // Mar 23–25: v4 3 × 500, v5 3 × 50 → 1650; 1650 × 7 / 2.5 = 4620.
    const g = goal("g8");
    expect(g).toMatchObject({ actual: 1650, percentage: 55, status: "on_track" });
    expect(g.advisory.scrape_stale).toBe(true); // c2 last scraped 16 h before
    expect(g.advisory.scrape_freshness).toEqual({
      last_scraped_at: "2026-03-24T20:00:00Z",
      hours_since_scrape: 16,
      stale_after_hours: 12,
    });
  });

  it("monthly followers: 65 gained in 24.5 of 31 days projects to ≈82 → behind_pace", () => {
    // c2's first snapshot (Mar 12) is a baseline; +5 on each of Mar 13…25 = 65. 65 / (24.5 / 31) ≈ 82.2 ≥ 70.
    const g = goal("g3");
    expect(g).toMatchObject({ actual: 65, percentage: 65, status: "behind_pace" });
    expect(g.advisory).toMatchObject({
      period_start: "2026-03-01T00:00:00.000Z",
      period_end: "2026-04-01T00:00:00.000Z",
      hours_until_period_end: 6.5 * 24,
    });
  });

  it("a goal starting after the reference date is not_yet_started with actual 0", () => {
    const g = goal("g6");
    expect(g).toMatchObject({ actual: 0, status: "at_risk" });
    expect(g.advisory.not_yet_started).toBe(true);
    expect(g.advisory.has_advisory).toBe(true);
    expect(g.advisory.messages.some((m) => m.includes("2026-04-01"))).toBe(true);
  });
});

describe("goalCompliance: pace at chosen reference dates (end of that day)", () => {
  it("weekly posts: 1 post in the week of Mar 16 after 3, 4 and 6 days", () => {
    // v3 posted Wednesday Mar 18. Projected = 1 / (days elapsed / 7).
    expect(goal("g1", { reference_date: "2026-03-18" })).toMatchObject({ actual: 1, status: "on_track" }); // 2.33 ≥ 2
    expect(goal("g1", { reference_date: "2026-03-19" })).toMatchObject({ actual: 1, status: "behind_pace" }); // 1.75 ≥ 1.4
    expect(goal("g1", { reference_date: "2026-03-21" })).toMatchObject({ actual: 1, status: "at_risk" }); // 1.17 < 1.4
    expect(goal("g1", { reference_date: "2026-03-18" }).advisory.hours_until_period_end).toBe(4 * 24);
  });

  it("a period ending with the reference day is over: missed below target, recently ended", () => {
    const g = goal("g1", { reference_date: "2026-03-22" });
    expect(g).toMatchObject({ actual: 1, percentage: 50, status: "missed" });
    expect(g.advisory).toMatchObject({
      period_in_progress: false,
      period_recently_ended: true,
      hours_until_period_end: null,
      hours_since_period_end: 0,
      scrape_stale: false, // scraped after the reference instant
      has_advisory: true,
    });
  });

  it("daily views completed and missed", () => {
    // Mar 24: v1 +100, v2 +200 = 300 = target. Mar 4: only v1 +100.
    expect(goal("g2", { reference_date: "2026-03-24" })).toMatchObject({
      actual: 300,
      status: "completed",
      percentage: 100,
    });
    expect(goal("g2", { reference_date: "2026-03-04" })).toMatchObject({
      actual: 100,
      status: "missed",
      percentage: 33,
    });
    // Mar 5: v2's first day counts from 0 (posted that day): 100 + 200.
    expect(goal("g2", { reference_date: "2026-03-05" })).toMatchObject({ actual: 300, status: "completed" });
  });

  it("weekly views completed and missed, with the baseline and late-scrape rules", () => {
    // Week of Mar 16: v4 7 × 500 + v5 7 × 50 = 3850.
    expect(goal("g8", { reference_date: "2026-03-22" })).toMatchObject({
      actual: 3850,
      percentage: 128,
      status: "completed",
    });
    // Week of Mar 9: v4 1000 (first snapshot Mar 14, posted Mar 13) + 500; v5 baseline Mar 12 then 3 × 50.
    expect(goal("g8", { reference_date: "2026-03-15" })).toMatchObject({
      actual: 1650,
      percentage: 55,
      status: "missed",
    });
  });

  it("engagement over the videos posted in the period", () => {
    // Week of Mar 2: v2 (posted Mar 5). On Mar 8: 800 views, 80 + 8 + 4 + 4 = 96 → 12 %.
    expect(goal("g4", { reference_date: "2026-03-08" })).toMatchObject({
      actual: 12,
      percentage: 120,
      status: "completed",
    });
    // Mid-week (Mar 6) the rate is the projection: 48 / 400 = 12 % ≥ 10 → on_track.
    expect(goal("g4", { reference_date: "2026-03-06" })).toMatchObject({ actual: 12, status: "on_track" });
    // Week of Mar 16: only v3, which has no views → 0.
    expect(goal("g4", { reference_date: "2026-03-18" })).toMatchObject({ actual: 0, status: "at_risk" });
  });

  it("a never-scraped creator is stale", () => {
    const carol = entries[2]!;
    const withGoal = [{ ...carol, goals: [{ ...world.goals[0]!, id: "gc", creator_id: "c3" }] }];
    const [entry] = run({}, withGoal);
    // v10 was posted Monday Mar 23 → 1 post in 2.5 days → projected 2.8 ≥ 2.
    expect(entry!.compliance[0]).toMatchObject({ actual: 1, status: "on_track" });
    expect(entry!.compliance[0]!.advisory.scrape_stale).toBe(true);
    expect(entry!.compliance[0]!.advisory.scrape_freshness).toMatchObject({
      last_scraped_at: null,
      hours_since_scrape: null,
    });
  });
});
