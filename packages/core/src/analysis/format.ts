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

/** A percentage that is already ×100: 8.123 → "8.1%". */
export function formatPercent(n: number | null, digits = 1): string {
  return n === null || !Number.isFinite(n) ? "n/a" : `${n.toFixed(digits)}%`;
}

/** A share in [0, 1] as a percentage: 0.4 → "40%", 0.047 → "4.7%" (small shares keep a decimal). */
export function formatShare(n: number | null, digits?: number): string {
  if (n === null || !Number.isFinite(n)) return "n/a";
  const d = digits ?? (Math.abs(n) < 0.1 && n !== 0 ? 1 : 0);
  return `${(n * 100).toFixed(d)}%`;
}

/** A per-day or per-post rate: one decimal below 10 (0.4 posts/day), whole numbers above. */
export function formatRate(n: number | null): string {
  if (n === null || !Number.isFinite(n)) return "n/a";
  return Math.abs(n) < 10 ? n.toFixed(1) : formatInt(n);
}

/** Large counts made short: 1234567 → "1.2M". */
export function formatCompact(n: number | null): string {
  if (n === null || !Number.isFinite(n)) return "n/a";
  const abs = Math.abs(n);
  if (abs >= 1e9) return `${(n / 1e9).toFixed(1)}B`;
  if (abs >= 1e6) return `${(n / 1e6).toFixed(1)}M`;
  if (abs >= 1e4) return `${(n / 1e3).toFixed(1)}k`;
  return formatInt(n);
}

/** "1 week" / "2 weeks". */
export function plural(n: number, word: string, pluralWord = `${word}s`): string {
  return `${formatInt(n)} ${n === 1 ? word : pluralWord}`;
}
