import { describe, expect, it } from "vitest";
import {
  addDays,
  civilFromDays,
  dayNumber,
  dayOfWeek,
  dayString,
  daysBetween,
  daysFromCivil,
  fullWeekStarts,
  isoWeekStart,
  overlappingWeekStarts,
  parseInstantMs,
  resolveWindow,
  utcDay,
} from "./dates.js";

describe("parseInstantMs", () => {
  it("agrees with Date.parse on the API's format, with and without fractions", () => {
    for (const s of [
      "2026-03-15T12:00:00Z",
      "2026-03-15T12:00:00.123Z",
      "2024-02-29T23:59:59.9Z",
      "1999-12-31T00:00:00.000000Z",
      "2026-03-15T12:00:00+02:00",
      "2026-03-15",
    ]) {
      expect(parseInstantMs(s), s).toBe(Date.parse(s));
    }
  });
  it("is null for garbage and empty input", () => {
    expect(parseInstantMs("yesterday")).toBeNull();
    expect(parseInstantMs("")).toBeNull();
    expect(parseInstantMs(null)).toBeNull();
  });
  it("puts an offset instant on its UTC day", () => {
    expect(utcDay("2026-03-15T01:00:00+03:00")).toBe("2026-03-14");
  });
});

describe("day numbers", () => {
  it("round-trips across leap years and centuries", () => {
    for (const d of ["1970-01-01", "2000-02-29", "2024-12-31", "2026-03-15", "2100-03-01"]) {
      expect(dayString(dayNumber(d)!)).toBe(d);
    }
    expect(dayNumber("2026-03-15")).toBe(Date.parse("2026-03-15") / 86_400_000);
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(daysBetween("2026-02-14", "2026-03-15")).toBe(29);
  });
  it("writes four-digit years as Date#toISOString does, so early years read back", () => {
    for (const d of ["0001-01-01", "0999-12-31", "0400-02-29"]) {
      const n = dayNumber(d)!;
      expect(dayString(n)).toBe(d);
      expect(dayString(n)).toBe(new Date(n * 86_400_000).toISOString().slice(0, 10));
    }
  });
  it("knows the weekday and the ISO week's Monday", () => {
    const sunday = dayNumber("2026-03-15")!;
    expect(dayOfWeek(sunday)).toBe(0);
    expect(dayString(isoWeekStart(sunday))).toBe("2026-03-09");
    expect(dayString(isoWeekStart(dayNumber("2026-03-09")!))).toBe("2026-03-09");
  });
});

describe("daysFromCivil and civilFromDays", () => {
  it("agree with Date.UTC and invert each other, across leap days, centuries and before the epoch", () => {
    for (const [y, m, d] of [
      [1970, 1, 1],
      [1969, 12, 31],
      [1600, 2, 29],
      [1900, 3, 1],
      [2000, 2, 29],
      [2024, 12, 31],
      [2100, 2, 28],
      [9999, 12, 31],
    ] as const) {
      const n = daysFromCivil(y, m, d);
      expect(n, `${y}-${m}-${d}`).toBe(Date.UTC(y, m - 1, d) / 86_400_000);
      expect(civilFromDays(n)).toEqual([y, m, d]);
    }
  });
  it("round-trips every day of four centuries", () => {
    const start = daysFromCivil(1900, 1, 1);
    const wrong: number[] = [];
    for (let n = start; n < start + 146_097; n++) {
      const [y, m, d] = civilFromDays(n);
      if (
        daysFromCivil(y, m, d) !== n ||
        dayString(n) !== new Date(n * 86_400_000).toISOString().slice(0, 10)
      ) {
        wrong.push(n);
      }
    }
    expect(wrong).toEqual([]);
  });
  it("carries a day-of-month overflow into the next month", () => {
    expect(daysFromCivil(2026, 2, 30)).toBe(daysFromCivil(2026, 3, 2));
  });
});

describe("windows and weeks", () => {
  it("defaults to the 30 days ending on asOf's UTC day", () => {
    expect(resolveWindow("2026-03-15T23:30:00Z")).toEqual({ from: "2026-02-14", to: "2026-03-15" });
    expect(resolveWindow("2026-03-15T00:00:00Z", "2026-03-01", "2026-03-10")).toEqual({
      from: "2026-03-01",
      to: "2026-03-10",
    });
    expect(() => resolveWindow(0, "2026-03-10", "2026-03-01")).toThrow(RangeError);
  });
  it("counts only whole ISO weeks inside the range as full weeks", () => {
    // 2026-02-14 is a Saturday and 2026-03-15 a Sunday: Mondays 02-16 … 03-09 are whole.
    const full = fullWeekStarts({ from: "2026-02-14", to: "2026-03-15" }).map(dayString);
    expect(full).toEqual(["2026-02-16", "2026-02-23", "2026-03-02", "2026-03-09"]);
    // Starting on a Monday includes that week; ending on a Saturday drops the last one.
    expect(fullWeekStarts({ from: "2026-02-16", to: "2026-03-14" }).map(dayString)).toEqual([
      "2026-02-16",
      "2026-02-23",
      "2026-03-02",
    ]);
    expect(fullWeekStarts({ from: "2026-03-10", to: "2026-03-12" })).toEqual([]);
    expect(overlappingWeekStarts({ from: "2026-02-14", to: "2026-03-15" }).map(dayString)[0]).toBe(
      "2026-02-09",
    );
  });
});
