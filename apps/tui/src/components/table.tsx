/**
 * A scrolling table: fixed-width columns, the selected row in inverse, marked rows with a `*`, and only
 * the rows that fit in `height` (the selection stays in view). Cells arrive as text: the table formats
 * nothing itself.
 * @module
 */
import { Box, Text } from "ink";
import { fit } from "./text-utils.js";
import { type Tone, tone } from "./theme.js";

export interface Column {
  title: string;
  width: number;
  align?: "left" | "right";
}

export interface Row {
  key: string;
  cells: string[];
  tone?: Tone;
  marked?: boolean;
}

export interface TableProps {
  columns: readonly Column[];
  rows: readonly Row[];
  selected?: number;
  height: number;
  emptyText?: string;
}

export function Table({ columns, rows, selected = -1, height, emptyText = "(nothing to show)" }: TableProps) {
  const visible = Math.max(1, height);
  // Keep the selection in view: it sits mid-window once the list scrolls.
  const first = Math.max(0, Math.min(selected - Math.floor(visible / 2), rows.length - visible));
  const shown = rows.slice(first, first + visible);
  const line = (cells: readonly string[]) =>
    columns.map((c, i) => fit(cells[i] ?? "", c.width, c.align)).join(" ");
  return (
    <Box flexDirection="column">
      <Text bold>{`  ${line(columns.map((c) => c.title))}`}</Text>
      {rows.length === 0 ? <Text color={tone("dim")}>{`  ${emptyText}`}</Text> : null}
      {shown.map((row, i) => {
        const index = first + i;
        return (
          <Text key={row.key} inverse={index === selected} color={row.tone ? tone(row.tone) : undefined}>
            {`${row.marked ? "*" : " "} ${line(row.cells)}`}
          </Text>
        );
      })}
      {rows.length > visible ? (
        <Text color={tone("dim")}>{`  rows ${first + 1}–${first + shown.length} of ${rows.length}`}</Text>
      ) : null}
    </Box>
  );
}
