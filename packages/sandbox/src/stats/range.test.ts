import { describe, expect, it } from "vitest";
import { fixtureWorld, thrown } from "../test-helpers/stats-fixture.js";
import { parseDateRange } from "./range.js";

const world = fixtureWorld(); // window 2026-03-02 … 2026-03-25

describe("parseDateRange", () => {
  it("defaults to the 30 days ending on the as-of day, inclusive", () => {
    // Mar 25 − 29 days = Feb 24 (February 2026 has 28 days); Feb 24 is 6 days before Mar 2.
    expect(parseDateRange({}, world)).toEqual({
      from: "2026-02-24",
      to: "2026-03-25",
      fromIndex: -6,
      toIndex: 23,
    });
  });

  it("takes explicit days and maps them to window indices", () => {
    expect(parseDateRange({ from: "2026-03-09", to: "2026-03-15" }, world)).toEqual({
      from: "2026-03-09",
      to: "2026-03-15",
      fromIndex: 7,
      toIndex: 13,
    });
  });

  it("fills a missing bound: from alone runs to the as-of day, to alone gets 30 days", () => {
    expect(parseDateRange({ from: "2026-03-20" }, world)).toMatchObject({
      from: "2026-03-20",
      to: "2026-03-25",
    });
    expect(parseDateRange({ to: "2026-03-10" }, world)).toMatchObject({
      from: "2026-02-09",
      to: "2026-03-10",
    });
  });

  it("allows a single day and days outside the snapshot window (unclamped indices)", () => {
    expect(parseDateRange({ from: "2026-03-25", to: "2026-03-25" }, world)).toMatchObject({
      fromIndex: 23,
      toIndex: 23,
    });
    expect(parseDateRange({ from: "2026-04-01", to: "2026-04-05" }, world)).toMatchObject({
      fromIndex: 30,
      toIndex: 34,
    });
  });

  it.each([["2026-3-1"], ["2026-02-30"], ["20260301"], [""], ["2026-03-01T00:00:00Z"], ["2026-13-01"]])(
    "rejects the malformed day %j with 400 invalid_query",
    (bad) => {
      expect(thrown(() => parseDateRange({ from: bad }, world))).toMatchObject({
        name: "StatsError",
        code: "invalid_query",
      });
      expect(thrown(() => parseDateRange({ to: bad }, world))).toMatchObject({
        name: "StatsError",
        code: "invalid_query",
      });
    },
  );

  it("rejects from after to, including a lone future from", () => {
    expect(thrown(() => parseDateRange({ from: "2026-03-10", to: "2026-03-09" }, world))).toMatchObject({
      name: "StatsError",
      code: "invalid_query",
    });
    expect(thrown(() => parseDateRange({ from: "2026-04-01" }, world)).code).toBe("invalid_query");
  });

  it("accepts leap days only in leap years", () => {
    expect(parseDateRange({ from: "2024-02-29", to: "2024-03-01" }, world).from).toBe("2024-02-29");
    expect(thrown(() => parseDateRange({ from: "2025-02-29" }, world)).code).toBe("invalid_query");
  });

  it("rejects absurdly long ranges", () => {
    expect(thrown(() => parseDateRange({ from: "2000-01-01", to: "2026-03-25" }, world)).code).toBe(
      "invalid_query",
    );
  });
});
