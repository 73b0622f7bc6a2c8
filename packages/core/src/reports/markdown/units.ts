/**
 * Cell formats for the report tables. Reports carry every ratio as a fraction 0–1; a table shows it
 * as a percent, and every cell of one column gets the same number of decimals, so "8.1%" never sits
 * above "12%" and a reader can compare down the column.
 * @module
 */
import { formatInt, formatShare } from "../../analysis/format.js";

/** A fraction as a percent with fixed decimals: 0.0812 → "8.1%". */
export function percent(fraction: number | null, digits = 1): string {
  return formatShare(fraction, digits);
}

/** A relative change as a signed percent with fixed decimals: 0.25 → "+25.0%", -0.1 → "-10.0%". */
export function signedPercent(fraction: number | null, digits = 1): string {
  if (fraction === null || !Number.isFinite(fraction)) return "n/a";
  const text = formatShare(fraction, digits);
  return fraction > 0 && !/^0(\.0+)?%$/.test(text) ? `+${text}` : text;
}

/** A number with thousands separators and fixed decimals: 1234.5 → "1,234.5". */
export function fixed(n: number | null, digits = 1): string {
  if (n === null || !Number.isFinite(n)) return "n/a";
  const [whole, frac] = Math.abs(n).toFixed(digits).split(".") as [string, string | undefined];
  const sign = n < 0 && Number(Math.abs(n).toFixed(digits)) !== 0 ? "-" : "";
  return `${sign}${formatInt(Number(whole))}${frac === undefined ? "" : `.${frac}`}`;
}

/** A multiple with fixed decimals: 0.5812 → "0.58×". */
export function multiple(n: number | null, digits = 2): string {
  return n === null || !Number.isFinite(n) ? "n/a" : `${n.toFixed(digits)}×`;
}
