/**
 * Two or more campaigns side by side over one range (core's campaign_comparison report): ranked by
 * views gained per active day, with lifetime totals beside them (a parent and its child share videos:
 * rows do not add up).
 * @module
 */
import type { CampaignComparisonReport } from "@goatkit/core";
import { formatCompact, formatInt, formatPercent } from "@goatkit/core/reports";
import { Box, Text } from "ink";
import { LoadStatus } from "../components/loading.js";
import { Caveats, Lines, Section } from "../components/report-parts.js";
import { type Row, Table } from "../components/table.js";
import { useApp } from "../hooks/app-context.js";
import { rangeParams } from "../hooks/range.js";
import { useCursor, useReportMeta, useScreenKeys } from "../hooks/use-screen.js";
import { useWorkflow } from "../hooks/use-workflow.js";
import { useNoteActions } from "../notes/use-notes.js";

export function CompareScreen({
  projectId,
  campaignIds,
  height,
}: {
  projectId: string;
  campaignIds: string[];
  height: number;
}) {
  const app = useApp();
  const report = useWorkflow<CampaignComparisonReport>("campaign_comparison", {
    campaign_ids: campaignIds,
    project_id: projectId,
    ...rangeParams(app.range),
  });
  useReportMeta(report.status === "done" ? report.data.meta : null);
  const rows = report.status === "done" ? report.data.campaigns : [];
  const [selected, cursor] = useCursor(rows.length);
  const notes = useNoteActions();
  useScreenKeys(["list", "report"], (action) => {
    if (action === "save_report") {
      if (report.status === "done") void notes.saveReport(report.data);
      return true;
    }
    return cursor(action);
  });
  if (report.status !== "done") return <LoadStatus state={report} what="campaign comparison" />;
  const r = report.data;
  const w = app.width;
  const table: Row[] = rows.map((c) => ({
    key: c.campaign_id,
    cells: [
      String(c.rank),
      c.name,
      formatCompact(c.views_gained),
      formatCompact(c.views_gained_per_active_day),
      formatCompact(c.views_gained_per_creator),
      c.direction.replace("_", " "),
      formatCompact(c.lifetime.view_count),
      formatInt(c.lifetime.video_count),
      formatPercent(c.lifetime.engagement_rate),
    ],
  }));
  return (
    <Box flexDirection="column">
      <Text>{`Views gained in the range (${r.meta.range.from} → ${r.meta.range.to}) vs lifetime totals; ranked by views gained per active day.`}</Text>
      <Table
        columns={[
          { title: "#", width: 2, align: "right" },
          { title: "Campaign", width: Math.max(12, w - 76) },
          { title: "Gained", width: 7, align: "right" },
          { title: "/day", width: 7, align: "right" },
          { title: "/creator", width: 8, align: "right" },
          { title: "Trend", width: 12 },
          { title: "Life views", width: 10, align: "right" },
          { title: "Videos", width: 6, align: "right" },
          { title: "Eng.", width: 6, align: "right" },
        ]}
        rows={table}
        selected={selected}
        height={Math.max(3, height - 12)}
      />
      <Section title="Highlights">
        <Lines lines={r.highlights} width={w} max={3} />
      </Section>
      <Caveats meta={r.meta} width={w} max={3} />
    </Box>
  );
}
