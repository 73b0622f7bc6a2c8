/**
 * The project's creators: a sortable table of the API's creator records (followers, videos) with core's
 * evaluation of each (median views per post, recent engagement: the underperforming_creators report with
 * `include_all_creators`), flagged creators first with their reasons, stale creators with their last
 * scrape, and Tracking Inbox counts for selective creators (program health). The UI computes no figure.
 * @module
 */
import {
  type Creator,
  fetchAll,
  type ProgramHealthReport,
  type UnderperformingCreatorsReport,
} from "@goatkit/core";
import { formatCompact, formatInt, formatPercent } from "@goatkit/core/reports";
import { Box, Text } from "ink";
import { useState } from "react";
import { useFilter } from "../components/filter-box.js";
import { LoadStatus } from "../components/loading.js";
import { type Row, Table } from "../components/table.js";
import { fit } from "../components/text-utils.js";
import { tone } from "../components/theme.js";
import { useApp } from "../hooks/app-context.js";
import { useLoad } from "../hooks/use-load.js";
import { useCursor, useScreenKeys } from "../hooks/use-screen.js";
import { useUnderperformers } from "../hooks/use-underperformers.js";

export const CREATOR_SORTS = [
  "flagged",
  "followers",
  "videos",
  "views/post",
  "engagement",
  "handle",
] as const;
type Sort = (typeof CREATOR_SORTS)[number];

const REASON: Record<string, string> = {
  low_views_per_post: "low views/post",
  falling_engagement: "falling engagement",
  posting_gaps: "posting gaps",
  not_posting: "not posting",
};

type Evaluation = UnderperformingCreatorsReport["underperformers"][number];

export interface CreatorRow {
  creator: Creator;
  flagged: Evaluation | undefined;
  /** Core's figures for this creator (flagged or not); undefined when core did not evaluate them. */
  evaluation: Evaluation | undefined;
  severity: number;
  stale: boolean;
  pending: number | "?" | null;
}

/** Rows in the chosen order; flagged (most severe first, as core ranks them) is the default. */
export function sortCreators(rows: CreatorRow[], sort: Sort): CreatorRow[] {
  const num = (v: number | null | undefined) => v ?? Number.NEGATIVE_INFINITY;
  const by: Record<Sort, (a: CreatorRow, b: CreatorRow) => number> = {
    flagged: (a, b) => a.severity - b.severity || b.creator.follower_count - a.creator.follower_count,
    followers: (a, b) => b.creator.follower_count - a.creator.follower_count,
    videos: (a, b) => b.creator.video_count - a.creator.video_count,
    "views/post": (a, b) => num(b.evaluation?.median_views) - num(a.evaluation?.median_views),
    engagement: (a, b) => num(b.evaluation?.er_recent) - num(a.evaluation?.er_recent),
    handle: (a, b) => a.creator.tiktok_handle.localeCompare(b.creator.tiktok_handle),
  };
  return [...rows].sort(by[sort]);
}

export function CreatorsPane({
  projectId,
  health,
  height,
}: {
  projectId: string;
  health: ProgramHealthReport;
  height: number;
}) {
  const app = useApp();
  const list = useLoad<Creator[]>(`creators:${projectId}`, ({ signal, cache }) =>
    fetchAll(app.session.client.creators.list({ project_id: projectId, limit: 100 }, { signal, cache })),
  );
  const under = useUnderperformers(projectId);
  const filter = useFilter();
  const [sortIndex, setSortIndex] = useState(0);
  const sort = CREATOR_SORTS[sortIndex % CREATOR_SORTS.length]!;
  const rows =
    list.status === "done" && under.status === "done"
      ? sortCreators(buildRows(list.data, under.data, health), sort).filter((r) =>
          filter.matches(r.creator.tiktok_handle, r.creator.display_name),
        )
      : [];
  const [selected, cursor] = useCursor(rows.length);
  useScreenKeys(["list", "project", "creators"], (action) => {
    if (filter.onAction(action) || cursor(action)) return true;
    if (action === "sort") {
      setSortIndex(sortIndex + 1);
      return true;
    }
    if (action === "open") {
      const r = rows[selected];
      if (r)
        app.navigate({
          screen: "creator",
          projectId,
          creatorId: r.creator.id,
          handle: r.creator.tiktok_handle,
        });
      return true;
    }
    return false;
  });
  if (list.status !== "done") return <LoadStatus state={list} what="creators" />;
  if (under.status !== "done") return <LoadStatus state={under} what="underperformers" />;
  const w = app.width;
  const fixed = 18 + 9 + 6 + 10 + 7 + 8;
  const table: Row[] = rows.map((r) => ({
    key: r.creator.id,
    tone: r.flagged ? "bad" : r.stale ? "warn" : undefined,
    cells: [
      `@${r.creator.tiktok_handle}`,
      formatCompact(r.creator.follower_count),
      formatInt(r.creator.video_count),
      // "n/a": evaluated without the data for the figure; "—": not evaluated by core.
      r.evaluation ? formatCompact(r.evaluation.median_views) : "—",
      r.evaluation ? formatPercent(r.evaluation.er_recent) : "—",
      r.pending === null ? "" : String(r.pending),
      [
        r.flagged ? `⚑ ${r.flagged.reasons.map((x) => REASON[x] ?? x).join(", ")}` : "",
        r.stale
          ? `stale (last scrape ${r.creator.last_scraped_at?.slice(0, 16).replace("T", " ") ?? "never"})`
          : "",
      ]
        .filter(Boolean)
        .join(" · "),
    ],
  }));
  const current = rows[selected];
  return (
    <Box flexDirection="column">
      <Text>
        {fit(
          `${under.data.underperformer_count} of ${under.data.evaluated_count} creators flagged · sorted by ${sort} (s) · views/post = median views of the range's posts, engagement = posts of the last 14 days (core's evaluation; n/a: too few posts)`,
          w,
        )}
      </Text>
      {filter.box}
      <Table
        columns={[
          { title: "Creator", width: 18 },
          { title: "Followers", width: 9, align: "right" },
          { title: "Videos", width: 6, align: "right" },
          { title: "Views/post", width: 10, align: "right" },
          { title: "Eng.", width: 7, align: "right" },
          { title: "Inbox", width: 8, align: "right" },
          { title: "Flags", width: Math.max(10, w - fixed - 10) },
        ]}
        rows={table}
        selected={selected}
        height={height - 4}
      />
      {current?.flagged ? (
        <Text color={tone("bad")}>
          {fit(`@${current.creator.tiktok_handle}: ${current.flagged.reason_texts.join("; ")}`, w)}
        </Text>
      ) : (
        <Text color={tone("dim")}>
          {current ? fit(`@${current.creator.tiktok_handle}: not flagged in this range`, w) : ""}
        </Text>
      )}
    </Box>
  );
}

function buildRows(
  creators: Creator[],
  under: UnderperformingCreatorsReport,
  health: ProgramHealthReport,
): CreatorRow[] {
  const flagged = new Map(under.underperformers.map((u, i) => [u.creator_id, { u, i }]));
  const evaluated = new Map((under.evaluations ?? []).map((e) => [e.creator_id, e]));
  const stale = new Set(under.stale_creators.map((s) => s.creator_id));
  const pending = new Map(health.pending_backlog.by_creator.map((p) => [p.creator_id, p.pending_count]));
  return creators.map((c) => {
    const f = flagged.get(c.id);
    return {
      creator: c,
      flagged: f?.u,
      evaluation: evaluated.get(c.id) ?? f?.u,
      severity: f ? f.i : Number.MAX_SAFE_INTEGER,
      stale: stale.has(c.id),
      // The report lists the 10 creators with most pending videos: beyond them the count is unknown, not 0.
      pending:
        c.tracking_mode === "selective"
          ? (pending.get(c.id) ?? (health.pending_backlog.by_creator.length < 10 ? 0 : "?"))
          : null,
    };
  });
}
