/**
 * One campaign over the current range (core's campaign_performance report): lifetime totals with their
 * basis, the pacing sparkline (views gained per day), daily posting bars, target progress on its stated
 * basis, top videos and creators (flagged creators marked, from the project's underperformer report),
 * the sub-campaign tree, caveats and the campaign's notes. enter on a creator opens them.
 * @module
 */
import { type Campaign, type CampaignItem, type CampaignPerformanceReport, fetchAll } from "@goatkit/core";
import { formatCompact, formatInt, formatPercent, formatShare } from "@goatkit/core/reports";
import { Box, Text } from "ink";
import { barChars, Sparkline } from "../components/charts.js";
import { gainCaption } from "../components/gain-caption.js";
import { LoadStatus } from "../components/loading.js";
import { Caveats, Lines, Section } from "../components/report-parts.js";
import { type Row, Table } from "../components/table.js";
import { fit } from "../components/text-utils.js";
import { tone } from "../components/theme.js";
import { useApp } from "../hooks/app-context.js";
import { rangeParams } from "../hooks/range.js";
import { useLoad } from "../hooks/use-load.js";
import { useCursor, useReportMeta, useScreenKeys } from "../hooks/use-screen.js";
import { useUnderperformers } from "../hooks/use-underperformers.js";
import { useWorkflow } from "../hooks/use-workflow.js";
import { NotesBlock } from "../notes/notes-block.js";
import { useNote, useNoteActions } from "../notes/use-notes.js";
import { useCampaigns } from "./campaigns-pane.js";

/** Every day of the range with its post count from the report (days core left out had none). */
export function dailyCounts(report: CampaignPerformanceReport): number[] {
  const byDay = new Map(report.posting.by_day.map((d) => [d.date, d.post_count]));
  const out: number[] = [];
  const end = Date.parse(`${report.meta.range.to}T00:00:00Z`);
  for (let t = Date.parse(`${report.meta.range.from}T00:00:00Z`); t <= end; t += 86_400_000)
    out.push(byDay.get(new Date(t).toISOString().slice(0, 10)) ?? 0);
  return out;
}

export function targetLine(t: CampaignPerformanceReport["target"]): string {
  if (t.status === "no_target") return "No target set.";
  const basis =
    t.basis === "since_created"
      ? `views since ${t.baseline_date ?? "creation"}`
      : `lifetime views (${t.basis_reason ?? "baseline out of reach"})`;
  return `${t.status.replace("_", " ")}: ${formatCompact(t.views_counted)} of ${formatCompact(t.target_views)} ${basis} · ${formatShare(t.share_done)} done${t.target_at ? ` · due ${t.target_at.slice(0, 10)}` : ""}${t.required_per_day !== null ? ` · needs ${formatCompact(t.required_per_day)} views/day` : ""}`;
}

export function CampaignScreen({
  projectId,
  campaignId,
  height,
}: {
  projectId: string;
  campaignId: string;
  height: number;
}) {
  const app = useApp();
  const report = useWorkflow<CampaignPerformanceReport>("campaign_performance", {
    campaign_id: campaignId,
    project_id: projectId,
    ...rangeParams(app.range),
  });
  const under = useUnderperformers(projectId);
  const campaigns = useCampaigns(projectId);
  const target =
    report.status === "done"
      ? { kind: "campaign" as const, id: campaignId, projectId, name: report.data.campaign.name }
      : null;
  const note = useNote(target);
  const notes = useNoteActions();
  useReportMeta(report.status === "done" ? report.data.meta : null);
  const creators = report.status === "done" ? report.data.top_creators : [];
  const [selected, cursor] = useCursor(creators.length);
  useScreenKeys(["list", "notes"], (action) => {
    if (cursor(action)) return true;
    if (action === "edit_notes" && target && note.status === "done") {
      notes.edit(target, note.data);
      return true;
    }
    if (action === "save_report" && report.status === "done") {
      void notes.saveReport(report.data);
      return true;
    }
    const c = creators[selected];
    if (action === "open" && c) {
      app.navigate({
        screen: "creator",
        projectId,
        creatorId: c.creator_id,
        handle: c.tiktok_handle ?? c.creator_id,
      });
      return true;
    }
    return false;
  });
  if (report.status !== "done") return <LoadStatus state={report} what="campaign performance" />;
  const r = report.data;
  const w = app.width;
  const flagged = new Map(
    under.status === "done"
      ? under.data.underperformers.map((u) => [u.creator_id, u.reasons.join(", ").replaceAll("_", " ")])
      : [],
  );
  const half = Math.floor((w - 2) / 2);
  const creatorRows: Row[] = creators.map((c) => ({
    key: c.creator_id,
    tone: flagged.has(c.creator_id) ? "bad" : undefined,
    cells: [
      `@${c.tiktok_handle ?? c.creator_id}`,
      formatCompact(c.view_count),
      formatInt(c.video_count),
      flagged.has(c.creator_id) ? `⚑ ${flagged.get(c.creator_id)}` : "",
    ],
  }));
  const t = r.totals;
  return (
    <Box flexDirection="column">
      <Text>
        {fit(
          `Totals (lifetime, counted videos incl. sub-campaigns): ${formatCompact(t.view_count)} views · ${formatCompact(t.like_count)} likes · ${formatInt(t.video_count)} videos · ${formatInt(t.creator_count)} creators`,
          w,
        )}
      </Text>
      <Text color={tone(r.target.status === "behind" || r.target.status === "missed" ? "bad" : "good")}>
        {fit(`Target: ${targetLine(r.target)}`, w)}
      </Text>
      <Box>
        <Box width={half} flexDirection="column">
          <Sparkline
            label="Views gained per day"
            values={r.pacing.daily.map((d) => d.value)}
            width={half - 2}
            caption={gainCaption(r.pacing.gained, r.pacing, r.pacing.direction.replace("_", " "))}
          />
        </Box>
        <Box width={half} flexDirection="column">
          <Text>
            <Text bold>Posts per day</Text>
            <Text
              color={tone("dim")}
            >{`  ${r.posting.range_post_count} posts on ${r.posting.active_day_count} days`}</Text>
          </Text>
          <Text color={tone("accent")}>{barChars(dailyCounts(r)).slice(-(half - 2))}</Text>
        </Box>
      </Box>
      <Box>
        <Box width={half} flexDirection="column">
          <Section title="Top creators (lifetime views) · enter opens">
            <Table
              columns={[
                { title: "Creator", width: 16 },
                { title: "Views", width: 7, align: "right" },
                { title: "Vids", width: 4, align: "right" },
                { title: "Flag", width: Math.max(4, half - 34) },
              ]}
              rows={creatorRows}
              selected={selected}
              height={Math.max(3, Math.min(6, height - 18))}
            />
          </Section>
        </Box>
        <Box width={half} flexDirection="column">
          <Section title="Top videos (lifetime views)">
            {r.top_videos.slice(0, Math.max(3, Math.min(6, height - 18))).map((v) => (
              <Text key={v.video_id}>
                {fit(
                  `${formatCompact(v.view_count).padStart(6)} ${formatPercent(v.engagement_rate).padStart(6)} @${v.tiktok_handle ?? "?"} ${v.title ?? ""}`,
                  half - 1,
                )}
              </Text>
            ))}
          </Section>
        </Box>
      </Box>
      <SubCampaigns
        campaignId={campaignId}
        campaigns={campaigns.status === "done" ? campaigns.data : []}
        tree={r.tree}
        width={w}
      />
      {r.highlights.length ? (
        <Section title="Highlights">
          <Lines lines={r.highlights} width={w} max={2} />
        </Section>
      ) : null}
      <Caveats meta={r.meta} width={w} max={2} />
      <NotesBlock note={note} width={w} readOnly={app.readOnly !== null} max={1} />
      {under.status === "loading" ? (
        <Text color={tone("dim")}>checking creators for underperformance…</Text>
      ) : null}
    </Box>
  );
}

/** The campaign's sub-campaigns, two levels deep, from the API's item lists (cached: the report read them). */
function SubCampaigns({
  campaignId,
  campaigns,
  tree,
  width,
}: {
  campaignId: string;
  campaigns: Campaign[];
  tree: CampaignPerformanceReport["tree"];
  width: number;
}) {
  const app = useApp();
  const children = useLoad<{ id: string; depth: number }[]>(
    `subtree:${campaignId}`,
    async ({ signal, cache }) => {
      const out: { id: string; depth: number }[] = [];
      const walk = async (id: string, depth: number) => {
        if (depth > 2) return;
        const items: CampaignItem[] = await fetchAll(
          app.session.client.campaigns.items(id, { limit: 100 }, { signal, cache }),
        );
        for (const it of items.filter((i) => i.item_type === "campaign")) {
          out.push({ id: it.item_id, depth });
          await walk(it.item_id, depth + 1);
        }
      };
      await walk(campaignId, 1);
      return out;
    },
  );
  if (children.status !== "done" || children.data.length === 0) return null;
  const names = new Map(campaigns.map((c) => [c.id, c.name]));
  return (
    <Section
      title={`Sub-campaigns${tree ? ` (${tree.campaign_count - 1}; ${tree.duplicates_removed_count} shared videos counted once)` : ""}`}
    >
      {children.data.slice(0, 4).map((c) => (
        <Text key={c.id}>{fit(`${"  ".repeat(c.depth - 1)}└ ${names.get(c.id) ?? c.id}`, width)}</Text>
      ))}
    </Section>
  );
}
