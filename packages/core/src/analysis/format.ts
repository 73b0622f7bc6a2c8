/**
 * Number formatting for the sentences analyses write ("median 1,240 views/post"). Hand-rolled rather
 * than `toLocaleString` so output is identical on every runtime, whatever ICU data it ships.
 * @module
 */

/** Integer with thousands separators: 1240 → "1,240". */
export function formatInt(n: number | null): string {
  if (n === null || !Number.isFinite(n)) return "n/a";
  const rounded = Math.round(n);
  const sign = rounded < 0 ? "-" : "";
  return sign + String(Math.abs(rounded)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** Fixed decimals, "n/a" for null. */
export function formatFixed(n: number | null, digits = 2): string {
  return n === null || !Number.isFinite(n) ? "n/a" : n.toFixed(digits);
}

/**
 * A fraction 0–1 as a percentage with fixed decimals: 0.0812 → "8.1%". Reports carry ratios as
 * fractions; only rendering multiplies by 100.
 */
export function formatPercent(n: number | null, digits = 1): string {
  if (n === null || !Number.isFinite(n)) return "n/a";
  return `${noNegativeZero((n * 100).toFixed(digits))}%`;
}

/** A share in [0, 1] as a percentage: 0.4 → "40%", 0.047 → "4.7%" (small shares keep a decimal). */
export function formatShare(n: number | null, digits?: number): string {
  if (n === null || !Number.isFinite(n)) return "n/a";
  const d = digits ?? (Math.abs(n) < 0.1 && n !== 0 ? 1 : 0);
  return `${noNegativeZero((n * 100).toFixed(d))}%`;
}

/** "-0.0" → "0.0": a tiny negative that rounds to zero is zero, not a decline. */
function noNegativeZero(s: string): string {
  return /^-0(\.0+)?$/.test(s) ? s.slice(1) : s;
}

/** A per-day or per-post rate: one decimal below 10 (0.4 posts/day), whole numbers above. */
export function formatRate(n: number | null): string {
  if (n === null || !Number.isFinite(n)) return "n/a";
  return Math.abs(n) < 10 ? n.toFixed(1) : formatInt(n);
}

const COMPACT_UNITS = [
  { size: 1e9, suffix: "B" },
  { size: 1e6, suffix: "M" },
  { size: 1e3, suffix: "k" },
] as const;

/**
 * Large counts made short with at most one decimal and no trailing ".0": 1234567 → "1.2M",
 * 1000000 → "1M", 12500 → "12.5k", 900000 → "900k". Below 10,000 the exact count is short enough.
 */
export function formatCompact(n: number | null): string {
  if (n === null || !Number.isFinite(n)) return "n/a";
  const abs = Math.abs(n);
  if (Math.round(abs) < 1e4) return formatInt(n);
  // The smallest unit whose rounded value stays below 1000: 999,960 is "1M", not "1000k".
  for (let i = COMPACT_UNITS.length - 1; i >= 0; i--) {
    const { size, suffix } = COMPACT_UNITS[i]!;
    const scaled = Math.round((abs / size) * 10) / 10;
    if (scaled < 1000 || i === 0) return `${n < 0 ? "-" : ""}${String(scaled)}${suffix}`;
  }
  return formatInt(n);
}

/** "1 week" / "2 weeks". */
export function plural(n: number, word: string, pluralWord = `${word}s`): string {
  return `${formatInt(n)} ${n === 1 ? word : pluralWord}`;
}

/**
 * An amount in cents as dollars with thousands separators: 357853 → "$3,578.53". Integer arithmetic, so
 * no float rounding can move a cent; the API's payout amounts are USD cents.
 */
export function formatCents(cents: number | null): string {
  if (cents === null || !Number.isFinite(cents)) return "n/a";
  const whole = Math.round(cents);
  const sign = whole < 0 ? "-" : "";
  const abs = Math.abs(whole);
  return `${sign}$${formatInt(Math.floor(abs / 100))}.${String(abs % 100).padStart(2, "0")}`;
}
