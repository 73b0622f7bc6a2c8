/**
 * The project's videos that stand out: core's outliers (breakouts and flops against their creator's own
 * norm) from the program health report, so this pane costs no request of its own.
 * @module
 */

import type { ProgramHealthReport } from "@goatkit/core";
import { formatCompact, formatFixed } from "@goatkit/core/reports";
import { Box, Text } from "ink";
import { type Row, Table } from "../components/table.js";
import { useApp } from "../hooks/app-context.js";
import { useCursor, useScreenKeys } from "../hooks/use-screen.js";

export function VideosPane({ report, height }: { report: ProgramHealthReport; height: number }) {
  const app = useApp();
  const items = report.outliers.items;
  const handles = new Map(report.underperformers.top.map((u) => [u.creator_id, u.tiktok_handle]));
  const [selected, cursor] = useCursor(items.length);
  useScreenKeys(["list", "project"], (action) => cursor(action));
  const rows: Row[] = items.map((o) => ({
    key: o.video_id,
    tone: o.direction === "high" ? "good" : "bad",
    cells: [
      o.direction === "high" ? "▲ breakout" : "▼ flop",
      formatCompact(o.view_count),
      `${formatFixed(o.ratio_to_median, 1)}×`,
      o.posted_at.slice(0, 10),
      `${handles.has(o.creator_id) ? `@${handles.get(o.creator_id)} ` : ""}${o.title ?? o.video_id}`,
    ],
  }));
  return (
    <Box flexDirection="column">
      <Text>{`Outlier videos: ${report.outliers.high_count} breakouts, ${report.outliers.low_count} flops (lifetime views vs the creator's median; videos ≥ 7 days old)`}</Text>
      <Table
        columns={[
          { title: "Kind", width: 10 },
          { title: "Views", width: 7, align: "right" },
          { title: "×median", width: 7, align: "right" },
          { title: "Posted", width: 10 },
          { title: "Video", width: Math.max(10, app.width - 42) },
        ]}
        rows={rows}
        selected={selected}
        height={height - 2}
        emptyText="no outlier videos"
      />
    </Box>
  );
}
