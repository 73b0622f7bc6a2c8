/**
 * Small numeric helpers every analysis shares. They never return NaN or Infinity: where a value is
 * undefined (empty input, zero denominator, zero spread) they return `null`, so reports stay
 * JSON-serialisable and a reader sees "unknown" rather than a misleading 0.
 * @module
 */

/** Scale factor that makes the MAD a consistent estimator of the standard deviation for normal data. */
export const MAD_TO_SIGMA = 1.4826;

/** `x` when it is a finite number, else `null`. The last line of defence before a value enters a report. */
export function finiteOrNull(x: number | null | undefined): number | null {
  return typeof x === "number" && Number.isFinite(x) ? x : null;
}

export function sum(xs: readonly number[]): number {
  let total = 0;
  for (const x of xs) total += x;
  return total;
}

export function mean(xs: readonly number[]): number | null {
  return xs.length === 0 ? null : sum(xs) / xs.length;
}

/** Median of an already ascending-sorted array. */
export function medianOfSorted(sorted: ArrayLike<number>): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Median; the input is not modified. */
export function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  return medianOfSorted(Float64Array.from(xs).sort());
}

/** Median absolute deviation from `center` (default: the median). Unscaled; multiply by MAD_TO_SIGMA. */
export function mad(xs: readonly number[], center: number | null = median(xs)): number | null {
  if (center === null || xs.length === 0) return null;
  const deviations = new Float64Array(xs.length);
  for (let i = 0; i < xs.length; i++) deviations[i] = Math.abs(xs[i]! - center);
  return medianOfSorted(deviations.sort());
}

/**
 * Robust z-score `(x − median) / (1.4826 × MAD)`. `null` when the MAD is 0: with no spread every
 * deviation would be infinitely significant, which says more about the data than about `x`.
 */
export function robustZ(x: number, med: number, madValue: number): number | null {
  const scale = MAD_TO_SIGMA * madValue;
  return scale > 0 ? (x - med) / scale : null;
}

/** Quantile with linear interpolation between closest ranks (R type 7, the spreadsheet default). */
export function quantile(xs: readonly number[], q: number): number | null {
  return quantileOfSorted(Float64Array.from(xs).sort(), q);
}

/** {@link quantile} of an already ascending-sorted array. */
export function quantileOfSorted(sorted: ArrayLike<number>, q: number): number | null {
  if (sorted.length === 0 || !Number.isFinite(q)) return null;
  const clamped = Math.min(1, Math.max(0, q));
  const pos = (sorted.length - 1) * clamped;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** `num / den`, or `null` when the denominator is 0 or either side is not finite. */
export function safeRatio(num: number | null | undefined, den: number | null | undefined): number | null {
  if (num == null || den == null || den === 0) return null;
  return finiteOrNull(num / den);
}

/**
 * Rearranges `a` so that `a[k]` is the k-th smallest value, everything before it ≤ and everything after
 * it ≥ (Hoare's quickselect, median-of-three pivot). Linear on average: a median of a quarter million
 * values without sorting them.
 */
export function selectKth(a: Float64Array, k: number, lo = 0, hi = a.length - 1): number {
  while (hi > lo) {
    const mid = (lo + hi) >> 1;
    // Median of three as the pivot keeps sorted and reverse-sorted inputs linear.
    if (a[mid]! < a[lo]!) swap(a, mid, lo);
    if (a[hi]! < a[lo]!) swap(a, hi, lo);
    if (a[hi]! < a[mid]!) swap(a, hi, mid);
    const pivot = a[mid]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return a[k]!;
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}

/**
 * {@link quantile} (type 7) without a full sort; rearranges `a` (pass a copy if the order matters).
 */
export function quantileSelect(a: Float64Array, q: number): number | null {
  const n = a.length;
  if (n === 0 || !Number.isFinite(q)) return null;
  const pos = (n - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(pos);
  const low = selectKth(a, lo);
  if (pos === lo) return low;
  // After selection everything right of `lo` is ≥ a[lo]; the next order statistic is their minimum.
  let next = Number.POSITIVE_INFINITY;
  for (let i = lo + 1; i < n; i++) if (a[i]! < next) next = a[i]!;
  return low + (next - low) * (pos - lo);
}

/** Relative change `(to − from) / from`, `null` when `from` is 0 (growth from nothing has no rate). */
export function relativeChange(from: number | null, to: number | null): number | null {
  if (from === null || to === null) return null;
  return safeRatio(to - from, Math.abs(from));
}

/**
 * Least-squares slope of `ys` against `xs` (default 0, 1, 2, …). `null` with fewer than 2 points or
 * when every x is the same.
 */
export function linearSlope(ys: readonly number[], xs?: readonly number[]): number | null {
  const n = ys.length;
  if (n < 2 || (xs && xs.length !== n)) return null;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    sx += xs ? xs[i]! : i;
    sy += ys[i]!;
  }
  const mx = sx / n;
  const my = sy / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs ? xs[i]! : i) - mx;
    sxy += dx * (ys[i]! - my);
    sxx += dx * dx;
  }
  return sxx === 0 ? null : finiteOrNull(sxy / sxx);
}

/** Rounds to `digits` decimals; `null` passes through. Keeps reports readable and stable in snapshots. */
export function round(x: number | null, digits = 2): number | null {
  if (x === null || !Number.isFinite(x)) return null;
  const f = 10 ** digits;
  const r = Math.round(x * f) / f;
  return Object.is(r, -0) ? 0 : r;
}
