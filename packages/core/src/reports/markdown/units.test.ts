import { describe, expect, it } from "vitest";
import { fixed, multiple, percent, signedPercent } from "./units.js";

describe("table cell formats", () => {
  it("renders fractions as percents with the same decimals in every cell", () => {
    expect([0.0812, 0.12, 0.5, 0].map((x) => percent(x))).toEqual(["8.1%", "12.0%", "50.0%", "0.0%"]);
    expect(percent(0.10371, 2)).toBe("10.37%");
    expect(percent(null)).toBe("n/a");
  });

  it("signs relative changes, without a sign on a change that rounds to zero", () => {
    expect(signedPercent(0.25)).toBe("+25.0%");
    expect(signedPercent(-0.3846)).toBe("-38.5%");
    expect(signedPercent(0.00001)).toBe("0.0%");
    expect(signedPercent(null)).toBe("n/a");
  });

  it("writes numbers with separators and fixed decimals, and multiples with ×", () => {
    expect(fixed(1234.56, 1)).toBe("1,234.6");
    expect(fixed(0.4, 1)).toBe("0.4");
    expect(fixed(12, 1)).toBe("12.0");
    expect(fixed(-0.01, 1)).toBe("0.0");
    expect(multiple(0.5812)).toBe("0.58×");
    expect(multiple(5, 1)).toBe("5.0×");
    expect(multiple(null)).toBe("n/a");
  });
});
