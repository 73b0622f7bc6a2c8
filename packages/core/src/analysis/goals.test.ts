import { describe, expect, it } from "vitest";
import { goalPace, periodBounds, statusCounts } from "./goals.js";

// The ISO week of 2026-03-09 (Mon) … 2026-03-15 (Sun); asOf half-way through it.
const WEEK = { period_start: "2026-03-09T00:00:00.000Z", period_end: "2026-03-16T00:00:00.000Z" };
const MID = "2026-03-12T12:00:00Z";

describe("goalPace", () => {
  it("is on track at exactly 100 % projected (5 of 10 at half time)", () => {
    const p = goalPace({ ...WEEK, target: 10, actual: 5 }, MID);
    expect(p).toMatchObject({ status: "on_track", elapsed_fraction: 0.5, projected: 10, pace: 1 });
    // What it takes: 5 more over 3.5 days.
    expect(p.remaining).toBe(5);
    expect(p.remaining_days).toBe(3.5);
    expect(p.required_per_day).toBe(1.43);
    expect(p.current_per_day).toBe(1.43);
  });

  it("is behind pace at exactly 70 % and at risk just below", () => {
    expect(goalPace({ ...WEEK, target: 10, actual: 3.5 }, MID).status).toBe("behind_pace");
    expect(goalPace({ ...WEEK, target: 15, actual: 5.25 }, MID).status).toBe("behind_pace"); // 10.5 / 15
    expect(goalPace({ ...WEEK, target: 10, actual: 3.49 }, MID).status).toBe("at_risk");
    expect(goalPace({ ...WEEK, target: 10, actual: 4.99 }, MID).status).toBe("behind_pace");
  });

  it("is completed or missed once the period has ended (end exclusive)", () => {
    const end = "2026-03-16T00:00:00Z";
    expect(goalPace({ ...WEEK, target: 10, actual: 10 }, end)).toMatchObject({
      status: "completed",
      required_per_day: null,
    });
    expect(goalPace({ ...WEEK, target: 10, actual: 9 }, end).status).toBe("missed");
    expect(goalPace({ ...WEEK, target: 10, actual: 9 }, "2026-03-15T23:59:59Z").status).toBe("behind_pace");
  });

  it("accepts day bounds (end day inclusive) and does not project engagement", () => {
    const days = { period_start: "2026-03-09", period_end: "2026-03-15" };
    expect(goalPace({ ...days, target: 10, actual: 5 }, MID).projected).toBe(10);
    expect(goalPace({ ...days, target: 5, actual: 4, metric: "engagement" }, MID)).toMatchObject({
      projected: 4,
      status: "behind_pace",
    });
  });

  it("counts at least one hour as elapsed so a fresh period does not project to infinity", () => {
    const p = goalPace({ ...WEEK, target: 10, actual: 1 }, "2026-03-09T00:00:00Z");
    expect(p.projected).toBe(168);
    expect(p.status).toBe("on_track");
  });
});

describe("periodBounds and statusCounts", () => {
  it("finds the day, ISO week and month of asOf", () => {
    expect(periodBounds("daily", MID)).toEqual({ start: "2026-03-12", end: "2026-03-12" });
    expect(periodBounds("weekly", MID)).toEqual({ start: "2026-03-09", end: "2026-03-15" });
    expect(periodBounds("monthly", "2026-02-10T00:00:00Z")).toEqual({
      start: "2026-02-01",
      end: "2026-02-28",
    });
    expect(periodBounds("monthly", "2026-12-31T00:00:00Z")).toEqual({
      start: "2026-12-01",
      end: "2026-12-31",
    });
  });
  it("counts statuses", () => {
    expect(statusCounts(["on_track", "at_risk", "on_track"])).toEqual({
      on_track: 2,
      behind_pace: 0,
      at_risk: 1,
      completed: 0,
      missed: 0,
    });
  });
});
