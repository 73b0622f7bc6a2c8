/** The strings analyses and renderers print, computed by hand. */
import { describe, expect, it } from "vitest";
import {
  formatCents,
  formatCompact,
  formatFixed,
  formatInt,
  formatPercent,
  formatRate,
  formatShare,
  plural,
} from "./format.js";

describe("formatCompact", () => {
  it.each([
    [900_000, "900k"],
    [12_500, "12.5k"],
    [10_000, "10k"],
    [10_049, "10k"],
    [10_050, "10.1k"],
    [123_456, "123.5k"],
    [1_000_000, "1M"],
    [1_234_567, "1.2M"],
    [1_250_000, "1.3M"],
    [999_940, "999.9k"],
    // 999.96k rounds to 1000.0k: the next unit up says it shorter.
    [999_960, "1M"],
    [999_960_000, "1B"],
    [2_000_000_000, "2B"],
    [-1_500_000, "-1.5M"],
    [9_999, "9,999"],
    [0, "0"],
  ])("%d → %s", (n, s) => {
    expect(formatCompact(n)).toBe(s);
  });

  it("never prints a trailing .0", () => {
    for (let n = 10_000; n < 5e9; n = Math.round(n * 1.37 + 1))
      expect(formatCompact(n), String(n)).not.toMatch(/\.0[kMB]$/);
  });

  it("says n/a for null and non-finite values", () => {
    expect(formatCompact(null)).toBe("n/a");
    expect(formatCompact(Number.NaN)).toBe("n/a");
  });
});

describe("formatPercent (a fraction 0–1)", () => {
  it.each([
    [0.0812, 1, "8.1%"],
    [0.08123, 2, "8.12%"],
    [0.5, 1, "50.0%"],
    [1, 1, "100.0%"],
    [0, 1, "0.0%"],
    [-0.25, 0, "-25%"],
    // A tiny decline that rounds to nothing is not "-0.0%".
    [-0.0001, 1, "0.0%"],
    [1.5, 1, "150.0%"],
  ])("%d with %i decimals → %s", (n, digits, s) => {
    expect(formatPercent(n, digits)).toBe(s);
  });

  it("defaults to one decimal and says n/a for null", () => {
    expect(formatPercent(0.047)).toBe("4.7%");
    expect(formatPercent(null)).toBe("n/a");
    expect(formatPercent(Number.POSITIVE_INFINITY)).toBe("n/a");
  });
});

describe("formatShare", () => {
  it("keeps one decimal for small shares only", () => {
    expect(formatShare(0.4)).toBe("40%");
    expect(formatShare(0.047)).toBe("4.7%");
    expect(formatShare(0)).toBe("0%");
    expect(formatShare(1.3)).toBe("130%");
    expect(formatShare(0.123, 1)).toBe("12.3%");
    expect(formatShare(-0.0001)).toBe("0.0%");
    expect(formatShare(null)).toBe("n/a");
  });
});

describe("formatInt, formatFixed, formatRate, plural", () => {
  it("groups thousands and rounds", () => {
    expect(formatInt(1240)).toBe("1,240");
    expect(formatInt(-1_234_567.6)).toBe("-1,234,568");
    expect(formatInt(999)).toBe("999");
    expect(formatInt(null)).toBe("n/a");
  });

  it("fixes decimals and rates", () => {
    expect(formatFixed(1.005, 1)).toBe("1.0");
    expect(formatFixed(null)).toBe("n/a");
    expect(formatRate(0.44)).toBe("0.4");
    expect(formatRate(12.6)).toBe("13");
  });

  it("pluralises on exactly one", () => {
    expect(plural(1, "week")).toBe("1 week");
    expect(plural(0, "week")).toBe("0 weeks");
    expect(plural(1_200, "goal status", "goal statuses")).toBe("1,200 goal statuses");
  });
});

describe("formatCents", () => {
  it("writes dollars with thousands separators and exact cents", () => {
    expect(formatCents(357853)).toBe("$3,578.53");
    expect(formatCents(5)).toBe("$0.05");
    expect(formatCents(100000000)).toBe("$1,000,000.00");
    expect(formatCents(-1999)).toBe("-$19.99");
    expect(formatCents(null)).toBe("n/a");
  });
});
