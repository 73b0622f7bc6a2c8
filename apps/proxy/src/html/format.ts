/**
 * How the report pages write numbers, on core's formatters (the markdown renderers' conventions): counts
 * with separators, fractions as percents with fixed decimals, multiples with ×, cents as dollars. The page
 * formats figures the report computed; it computes none. The Chromium tests format the JSON report with
 * these same functions to find each figure on the page.
 * @module
 */
import {
  fixed,
  formatCents,
  formatCompact,
  formatInt,
  multiple,
  percent,
  signedPercent,
} from "@goatkit/core/reports";

export const fmt = {
  /** 1240 → "1,240"; null → "n/a". */
  int: (n: number | null | undefined): string => formatInt(n ?? null),
  /** 1637618 → "1.6M" (axis labels, where space is short). */
  compact: (n: number | null | undefined): string => formatCompact(n ?? null),
  /** A fraction as a percent with fixed decimals: 0.0812 → "8.1%". */
  percent: (fraction: number | null | undefined, digits = 1): string => percent(fraction ?? null, digits),
  /** A relative change, signed: 0.25 → "+25.0%". */
  signedPercent: (fraction: number | null | undefined, digits = 1): string =>
    signedPercent(fraction ?? null, digits),
  /** 0.5812 → "0.58×". */
  multiple: (n: number | null | undefined, digits = 2): string => multiple(n ?? null, digits),
  /** A rate with one decimal and separators: 1234.56 → "1,234.6". */
  fixed: (n: number | null | undefined, digits = 1): string => fixed(n ?? null, digits),
  /** 148786 → "$1,487.86". */
  cents: (n: number | null | undefined): string => formatCents(n ?? null),
  /** An ISO instant's UTC day: "2026-03-15T12:00:00Z" → "2026-03-15"; null → "–". */
  day: (iso: string | null | undefined): string => (iso ? iso.slice(0, 10) : "–"),
  /** `@handle`, or the fallback (an id) without one. */
  who: (handle: string | null | undefined, fallback: string): string => (handle ? `@${handle}` : fallback),
  /** snake_case enum values as words: "behind_pace" → "behind pace". */
  words: (value: string): string => value.replace(/_/g, " "),
};
