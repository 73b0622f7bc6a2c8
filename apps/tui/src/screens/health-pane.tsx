/**
 * Program health, the project's home: what needs attention first, straight from core's program_health
 * report (underperformers, goals at risk, over-posting, the Tracking Inbox, stale data, unpaid accruals).
 * @module
 */

import type { ProgramHealthReport } from "@goatkit/core";
import { formatCents } from "@goatkit/core/reports";
import { Box, Text } from "ink";
import { Caveats, Lines, Section } from "../components/report-parts.js";
import { fit } from "../components/text-utils.js";
import { tone } from "../components/theme.js";

const REASON: Record<string, string> = {
  low_views_per_post: "low views per post",
  falling_engagement: "falling engagement",
  posting_gaps: "posting gaps",
  not_posting: "not posting",
};

/** The report's items that need someone, most urgent first. */
export function attentionLines(r: ProgramHealthReport): string[] {
  const out: string[] = [];
  for (const i of r.over_posting.incidents.filter((x) => x.severity === "amber"))
    out.push(
      `Over-posting: @${i.tiktok_handle ?? i.creator_id} posted ${i.post_count} times on ${i.date} (${i.low_view_count} under 100 views)`,
    );
  for (const g of r.goals.needs_attention
    .filter((x) => x.status === "missed" || x.status === "at_risk")
    .slice(0, 3))
    out.push(
      `Goal ${g.status.replace("_", " ")}: @${g.tiktok_handle} ${g.period} ${g.metric} ${g.actual} of ${g.target}`,
    );
  for (const u of r.underperformers.top)
    out.push(`Underperforming: @${u.tiktok_handle} (${u.reasons.map((x) => REASON[x] ?? x).join(", ")})`);
  if (r.pending_backlog.count > 0)
    out.push(
      `Tracking Inbox: ${r.pending_backlog.count} videos pending review (oldest posted ${r.pending_backlog.oldest_posted_at ?? "?"})`,
    );
  if (r.creators.stale_count > 0)
    out.push(
      `Stale data: ${r.creators.stale_count} of ${r.creators.total_count} creators not scraped in 12 h`,
    );
  if (r.payouts.available && r.payouts.unpaid_count > 0)
    out.push(
      `Payouts: ${formatCents(r.payouts.unpaid_total_cents)} unpaid to ${r.payouts.creators_owed_count} creators`,
    );
  return out;
}

export function HealthPane({
  report,
  width,
  height,
}: {
  report: ProgramHealthReport;
  width: number;
  height: number;
}) {
  const attention = attentionLines(report);
  return (
    <Box flexDirection="column">
      <Section title="Needs attention first">
        {attention.length === 0 ? (
          <Text color={tone("good")}>Nothing flagged in this range.</Text>
        ) : (
          <Lines lines={attention} width={width} max={Math.max(3, Math.min(8, height - 12))} />
        )}
      </Section>
      <Section title="Summary">
        {report.highlights.slice(0, 6).map((h) => (
          <Text key={h}>{fit(h, width)}</Text>
        ))}
        {!report.goals.available ? (
          <Text color={tone("dim")}>
            {fit(`Goals: not available (${report.goals.unavailable_reason})`, width)}
          </Text>
        ) : null}
      </Section>
      <Caveats meta={report.meta} width={width} max={2} />
    </Box>
  );
}
