/**
 * One creator over the current range (core's creator_trend report): follower and view trend
 * sparklines, weekly posting bars with gap weeks highlighted, top posts of the range, and, when core
 * flags the creator, why.
 * @module
 */
import type { CreatorTrendReport } from "@goatkit/core";
import { formatCompact, formatPercent } from "@goatkit/core/reports";
import { Box, Text } from "ink";
import { Sparkline } from "../components/charts.js";
import { gainCaption } from "../components/gain-caption.js";
import { LoadStatus } from "../components/loading.js";
import { Caveats, Lines, Notes, Section } from "../components/report-parts.js";
import { fit } from "../components/text-utils.js";
import { tone } from "../components/theme.js";
import { useApp } from "../hooks/app-context.js";
import { rangeParams } from "../hooks/range.js";
import { useReportMeta, useScreenKeys } from "../hooks/use-screen.js";
import { useUnderperformers } from "../hooks/use-underperformers.js";
import { useWorkflow } from "../hooks/use-workflow.js";
import { NotesBlock } from "../notes/notes-block.js";
import { useNote, useNoteActions } from "../notes/use-notes.js";

export function CreatorScreen({
  projectId,
  creatorId,
  height,
}: {
  projectId: string;
  creatorId: string;
  height: number;
}) {
  const app = useApp();
  const report = useWorkflow<CreatorTrendReport>("creator_trend", {
    creator_id: creatorId,
    project_id: projectId,
    ...rangeParams(app.range),
  });
  const under = useUnderperformers(projectId);
  const target =
    report.status === "done"
      ? { kind: "creator" as const, id: creatorId, projectId, handle: report.data.creator.tiktok_handle }
      : null;
  const note = useNote(target);
  const notes = useNoteActions();
  useReportMeta(report.status === "done" ? report.data.meta : null);
  useScreenKeys(["notes"], (action) => {
    if (action === "edit_notes" && target && note.status === "done") {
      notes.edit(target, note.data);
      return true;
    }
    if (action === "save_report" && report.status === "done") {
      void notes.saveReport(report.data);
      return true;
    }
    return false;
  });
  if (report.status !== "done") return <LoadStatus state={report} what="creator trend" />;
  const r = report.data;
  const w = app.width;
  const half = Math.floor((w - 2) / 2);
  const flag =
    under.status === "done" ? under.data.underperformers.find((u) => u.creator_id === creatorId) : undefined;
  const gaps = new Set(r.posting_gaps);
  const maxPosts = Math.max(1, ...r.weeks.map((wk) => wk.post_count ?? 0));
  const barWidth = Math.max(5, Math.min(30, w - 40));
  return (
    <Box flexDirection="column">
      <Text>
        {fit(
          `@${r.creator.tiktok_handle}${r.creator.display_name ? ` (${r.creator.display_name})` : ""} · ${formatCompact(r.creator.follower_count)} followers · ${r.creator.tracking_mode} tracking · ${r.range_post_count} posts in range · engagement ${formatPercent(r.engagement_rate)} · last post ${r.days_since_last_post ?? "n/a"} days ago`,
          w,
        )}
      </Text>
      {flag ? (
        <Text color={tone("bad")}>{fit(`⚑ Underperforming: ${flag.reason_texts.join("; ")}`, w)}</Text>
      ) : under.status === "done" ? (
        <Text color={tone("good")}>Not flagged as underperforming in this range.</Text>
      ) : null}
      <Box>
        <Box width={half} flexDirection="column">
          <Sparkline
            label="Followers gained per day"
            values={r.followers.pacing.daily.map((d) => d.value)}
            width={half - 2}
            caption={gainCaption(r.followers.change, r.followers.pacing)}
          />
        </Box>
        <Box width={half} flexDirection="column">
          <Sparkline
            label="Views gained per day"
            values={r.views.pacing.daily.map((d) => d.value)}
            width={half - 2}
            caption={gainCaption(r.views.change, r.views.pacing)}
          />
        </Box>
      </Box>
      <Section title="Posts per week (gap weeks in red)">
        {r.weeks.slice(-Math.max(3, Math.min(r.weeks.length, height - 20))).map((wk) => {
          const n = wk.post_count ?? 0;
          const gap = gaps.has(wk.week_start);
          return (
            <Text key={wk.week_start} color={gap ? tone("bad") : undefined}>
              {`${wk.week_start} ${"█".repeat(Math.round((n / maxPosts) * barWidth)).padEnd(barWidth)} ${String(wk.post_count ?? "n/a").padStart(3)}${gap ? "  gap: no posts" : ""}${wk.partial ? "  (partial week)" : ""}`}
            </Text>
          );
        })}
      </Section>
      <Section title="Top posts of the range (lifetime views)">
        {r.top_videos.slice(0, 4).map((v) => (
          <Text key={v.video_id}>
            {fit(
              `${formatCompact(v.view_count).padStart(6)} ${v.posted_at.slice(0, 10)} ${v.title ?? v.url ?? v.video_id}`,
              w,
            )}
          </Text>
        ))}
        {r.top_videos.length === 0 ? <Text color={tone("dim")}>No posts in the range.</Text> : null}
      </Section>
      <Section title="Highlights">
        <Lines lines={r.highlights} width={w} max={2} />
      </Section>
      <Caveats meta={r.meta} width={w} max={2} />
      <Notes meta={r.meta} width={w} />
      <NotesBlock note={note} width={w} readOnly={app.readOnly !== null} />
    </Box>
  );
}
