import { dayOfWeek, dayString, isoWeekStart } from "@goatkit/core/analysis";
import { describe, expect, it } from "vitest";
import { byId, fixtureWorld } from "../test-helpers/stats-fixture.js";
import { isCounted } from "./counted.js";
import { dayNumber, instantDayNumber, parseDay } from "./days.js";
import { clampToWindow, dayIndexOf, sumSnapshots } from "./snapshots.js";

const world = fixtureWorld();

describe("day arithmetic", () => {
  // The calendar is core's; these check that the sandbox's own parsers feed it the same day numbers.
  it("finds the Monday of the ISO week of a parsed day", () => {
    const monday = (day: string) => dayString(isoWeekStart(parseDay(day)!));
    expect(monday("2026-03-25")).toBe("2026-03-23"); // Wednesday
    expect(monday("2026-03-22")).toBe("2026-03-16"); // Sunday belongs to the week before
    expect(monday("2026-03-23")).toBe("2026-03-23");
    expect(monday("2026-01-01")).toBe("2025-12-29"); // across a year boundary
  });

  it("parses caller-supplied days strictly and its own days fast, to the same number", () => {
    for (const day of ["1970-01-01", "2024-02-29", "2026-03-25"]) expect(dayNumber(day)).toBe(parseDay(day));
    expect(parseDay("2026-02-30")).toBeNull();
    expect(parseDay("2026-3-5")).toBeNull();
  });

  it("round-trips day numbers and knows the day of week (0 = Sunday)", () => {
    expect(dayString(parseDay("2026-03-25")!)).toBe("2026-03-25");
    expect(dayString(0)).toBe("1970-01-01");
    expect(dayOfWeek(parseDay("2026-03-22")!)).toBe(0);
    expect(dayOfWeek(parseDay("2026-03-25")!)).toBe(3);
  });

  it("reads the UTC day of posted_at, also with an offset", () => {
    expect(dayString(instantDayNumber("2026-03-22T23:30:00Z"))).toBe("2026-03-22");
    expect(dayString(instantDayNumber("2026-03-22T23:30:00.000Z"))).toBe("2026-03-22");
    // 23:30 at −02:00 is already 01:30 UTC the next day.
    expect(dayString(instantDayNumber("2026-03-22T23:30:00-02:00"))).toBe("2026-03-23");
  });
});

describe("window indices", () => {
  it("indexes days relative to world.days[0] without clamping", () => {
    expect(dayIndexOf(world, "2026-03-02")).toBe(0);
    expect(dayIndexOf(world, "2026-03-25")).toBe(23);
    expect(dayIndexOf(world, "2026-02-28")).toBe(-2);
    expect(dayIndexOf(world, "2026-04-01")).toBe(30);
  });

  it("clamps a range to the window, or says there is no overlap", () => {
    expect(clampToWindow(world, -6, 23)).toEqual({ lo: 0, hi: 23 });
    expect(clampToWindow(world, 20, 40)).toEqual({ lo: 20, hi: 23 });
    expect(clampToWindow(world, 30, 34)).toBeNull();
    expect(clampToWindow(world, -9, -1)).toBeNull();
  });
});

describe("sumSnapshots", () => {
  it("sums the snapshots that exist at the day, treating missing ones as 0", () => {
    const counted = world.videos.filter(isCounted);
    // d12: v1 1000+1200 = 2200; v2 200×10 = 2000; v3 not yet (first d16); v4 first day 1000;
    // v5 5000 + 50×2 = 5100; v6, v10 not yet.
    const s = sumSnapshots(world, counted, 12);
    expect(s.view_count).toBe(2200 + 2000 + 1000 + 5100);
    // likes: v1 100+20×12 = 340; v2 200; v4 50; v5 510.
    expect(s.like_count).toBe(340 + 200 + 50 + 510);
    expect(s.save_count).toBe(17 + 10 + 5 + 30);
  });

  it("is zero outside the window", () => {
    expect(sumSnapshots(world, world.videos, -1).view_count).toBe(0);
    expect(sumSnapshots(world, world.videos, 24).view_count).toBe(0);
  });
});

describe("isCounted", () => {
  it("counts auto_tracked, included and direct_add only, and not disabled or deleted videos", () => {
    const v = (id: string) => byId(world.videos, id);
    expect(isCounted(v("v1"))).toBe(true); // auto_tracked
    expect(isCounted(v("v2"))).toBe(true); // included
    expect(isCounted(v("v6"))).toBe(true); // direct_add
    expect(isCounted(v("v7"))).toBe(false); // pending_review
    expect(isCounted(v("v8"))).toBe(false); // excluded
    expect(isCounted(v("v9"))).toBe(false); // tracking disabled
    expect(isCounted({ ...v("v1"), _deleted: true })).toBe(false);
  });
});
