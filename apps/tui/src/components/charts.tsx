/**
 * Text charts: a sparkline of a series and one-line column bars of counts per day or week. They draw
 * the numbers core reported, scaled to block heights; they derive no figure.
 * @module
 */
import { Box, Text } from "ink";
import { type Tone, tone } from "./theme.js";

const BLOCKS = "▁▂▃▄▅▆▇█";

/** One block per value, scaled between the series' min and max; `null` draws a gap. */
export function sparkChars(values: readonly (number | null)[]): string {
  const nums = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (nums.length === 0) return "";
  const min = Math.min(...nums);
  const max = Math.max(...nums);
  return values
    .map((v) => {
      if (v === null || !Number.isFinite(v)) return " ";
      if (max === min) return BLOCKS[3];
      return BLOCKS[Math.round(((v - min) / (max - min)) * (BLOCKS.length - 1))];
    })
    .join("");
}

/** Counts as columns from the baseline: 0 is `·`, so a day or week without posts shows as a gap. */
export function barChars(counts: readonly number[]): string {
  const max = Math.max(0, ...counts);
  return counts
    .map((c) =>
      c <= 0 ? "·" : max === 0 ? BLOCKS[0] : BLOCKS[Math.max(0, Math.ceil((c / max) * BLOCKS.length) - 1)],
    )
    .join("");
}

export interface SparklineProps {
  label: string;
  values: readonly (number | null)[];
  width: number;
  /** What the ends say, e.g. `max 12,340 views/day`. */
  caption?: string;
  color?: Tone;
}

/** The last `width` values (the most recent days) as a sparkline, with its label and caption. */
export function Sparkline({ label, values, width, caption, color = "accent" }: SparklineProps) {
  const shown = values.slice(-Math.max(1, width));
  return (
    <Box flexDirection="column">
      <Text>
        <Text bold>{label}</Text>
        {caption ? <Text color={tone("dim")}>{`  ${caption}`}</Text> : null}
      </Text>
      <Text color={tone(color)}>{shown.length ? sparkChars(shown) : "(no data in the range)"}</Text>
    </Box>
  );
}
