import { describe, expect, it } from "vitest";
import {
  finiteOrNull,
  linearSlope,
  mad,
  mean,
  median,
  quantile,
  quantileSelect,
  relativeChange,
  robustZ,
  round,
  safeRatio,
  selectKth,
} from "./stats-math.js";

describe("median", () => {
  it("takes the middle of an odd count and the mean of the two middles of an even count", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
  it("is null for empty input and does not reorder the caller's array", () => {
    const xs = [3, 1, 2];
    expect(median([])).toBeNull();
    median(xs);
    expect(xs).toEqual([3, 1, 2]);
  });
});

describe("mad and robust z", () => {
  it("computes the median absolute deviation by hand", () => {
    // median 3; |dev| = 2,1,0,1,97 → sorted 0,1,1,2,97 → MAD 1
    expect(mad([1, 2, 3, 4, 100])).toBe(1);
  });
  it("z = (x − median) / (1.4826 × MAD)", () => {
    expect(robustZ(100, 3, 1)).toBeCloseTo(97 / 1.4826, 10);
  });
  it("is null when the MAD is 0 (no spread) and for empty input", () => {
    expect(mad([5, 5, 5, 9])).toBe(0);
    expect(robustZ(9, 5, 0)).toBeNull();
    expect(mad([])).toBeNull();
  });
});

describe("quantile", () => {
  it("interpolates linearly between ranks (type 7)", () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([10, 20, 30, 40, 50], 0.9)).toBe(46);
    expect(quantile([7], 0.9)).toBe(7);
    expect(quantile([], 0.5)).toBeNull();
  });
});

describe("selection", () => {
  it("finds order statistics and quantiles without sorting, matching the sorted answers", () => {
    let seed = 7;
    const rand = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    for (const n of [1, 2, 3, 10, 101, 1000]) {
      const xs = Array.from({ length: n }, () => Math.floor(rand() * 50));
      for (const q of [0, 0.1, 0.5, 0.9, 1]) {
        expect(quantileSelect(Float64Array.from(xs), q)).toBeCloseTo(quantile(xs, q)!, 12);
      }
      const sorted = [...xs].sort((a, b) => a - b);
      expect(selectKth(Float64Array.from(xs), n >> 1)).toBe(sorted[n >> 1]);
    }
    expect(quantileSelect(new Float64Array(0), 0.5)).toBeNull();
  });
});

describe("safe ratios", () => {
  it("returns null for zero or missing denominators, never NaN or Infinity", () => {
    expect(safeRatio(1, 0)).toBeNull();
    expect(safeRatio(0, 0)).toBeNull();
    expect(safeRatio(null, 2)).toBeNull();
    expect(safeRatio(3, 4)).toBe(0.75);
    expect(relativeChange(0, 5)).toBeNull();
    expect(relativeChange(4, 5)).toBe(0.25);
    expect(relativeChange(-4, -2)).toBe(0.5);
    expect(mean([])).toBeNull();
    expect(finiteOrNull(Number.NaN)).toBeNull();
    expect(round(Number.POSITIVE_INFINITY)).toBeNull();
    expect(round(-0.0001, 2)).toBe(0);
  });
});

describe("linearSlope", () => {
  it("fits y = 2x + 1 exactly and a noisy line by least squares", () => {
    expect(linearSlope([1, 3, 5, 7])).toBe(2);
    // x = 0..3, y = 1, 2, 2, 5: Σdx·dy = (-1.5)(-1.5)+(-0.5)(-0.5)+(0.5)(-0.5)+(1.5)(2.5) = 6, Σdx² = 5
    expect(linearSlope([1, 2, 2, 5])).toBeCloseTo(1.2, 12);
    expect(linearSlope([2, 4], [3, 3])).toBeNull();
    expect(linearSlope([1])).toBeNull();
  });
});
