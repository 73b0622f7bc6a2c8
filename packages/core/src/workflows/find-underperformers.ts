/**
 * Workflow "find underperforming creators" (agent guide), from two lists: the project's creators and
 * its videos. The guide suggests per-creator stats calls for posting gaps; they are not needed here,
 * because the video list carries every counted post's `posted_at` (so weekly posting and gaps follow
 * directly) along with the current counters the four reasons are defined on. That keeps the cost at
 * ⌈creators/100⌉ + ⌈videos/100⌉ requests instead of one more per creator, and it works unchanged on
 * both API generations.
 * @module
 */
import { type Instant, resolveWindow } from "../analysis/dates.js";
import { formatInt, plural } from "../analysis/format.js";
import { summarizeFreshness } from "../analysis/freshness.js";
import {
  findUnderperformers,
  UNDERPERFORMANCE_REASONS,
  type UnderperformerOptions,
} from "../analysis/underperformers.js";
import { projectCreators, projectVideos } from "./campaign-data.js";
import type { AnalysisClient } from "./client.js";
import type { OnProgress } from "./progress.js";
import type { UnderperformersReport } from "./reports/underperformers.js";
import { WorkflowRun } from "./run.js";

export interface FindUnderperformersParams {
  project_id: string;
  from?: string;
  to?: string;
  asOf?: Instant;
  /** Most creators listed in the report (all are counted); default 25. */
  limit?: number;
  /** Thresholds of the four rules (defaults are the documented ones). */
  thresholds?: Omit<UnderperformerOptions, "range">;
  onProgress?: OnProgress;
}

const REASON_LABEL: Record<string, string> = {
  low_views_per_post: "low views per post",
  falling_engagement: "falling engagement",
  posting_gaps: "posting gaps",
  not_posting: "not posting",
};

export async function findUnderperformingCreators(
  client: AnalysisClient,
  params: FindUnderperformersParams,
): Promise<UnderperformersReport> {
  const run = new WorkflowRun(client, "findUnderperformingCreators", params.asOf, params.onProgress);
  const range = resolveWindow(run.asOfMs, params.from, params.to);
  const [creators, videos] = await Promise.all([
    projectCreators(run, params.project_id),
    projectVideos(run, params.project_id),
  ]);
  run.phase("analyse");
  const analysis = findUnderperformers(creators, videos, run.asOfMs, { ...params.thresholds, range });
  const limit = params.limit ?? 25;
  const listed = analysis.underperformers.slice(0, limit);

  const reasonCounts = Object.fromEntries(UNDERPERFORMANCE_REASONS.map((r) => [r, 0])) as Record<
    (typeof UNDERPERFORMANCE_REASONS)[number],
    number
  >;
  for (const u of analysis.underperformers) for (const r of u.reasons) reasonCounts[r]++;

  const byId = new Map(creators.map((c) => [c.id, c]));
  for (const u of listed) {
    const c = byId.get(u.creator_id);
    if (c) run.note("creator", c.id, c.tiktok_handle, c.description);
  }
  const freshness = summarizeFreshness(creators, run.asOfMs);
  run.caveats.addFreshness(freshness, "creators");
  const staleFlagged = listed.filter((u) => u.stale).length;
  if (staleFlagged > 0) {
    run.caveats.add(
      "stale_data",
      `${plural(staleFlagged, "flagged creator")} also ${staleFlagged === 1 ? "has" : "have"} stale data (> 12 h since the last scrape); ` +
        "re-check after the next scrape before acting.",
    );
  }
  run.caveats.addSnapshot();
  run.caveats.addPending(analysis.pending_review);
  if (analysis.unattributed_videos > 0) {
    run.caveats.add(
      "other",
      `${plural(analysis.unattributed_videos, "counted video")} without a creator (added by URL) ${analysis.unattributed_videos === 1 ? "is" : "are"} not attributed to anyone.`,
    );
  }
  if (creators.length === 0) run.caveats.addEmpty("creators in this project");
  else if (videos.length === 0) run.caveats.addEmpty("videos in this project");
  if (analysis.underperformers.length > listed.length) {
    run.caveats.add(
      "truncated",
      `Only the ${listed.length} most severe of ${analysis.underperformers.length} flagged creators are listed.`,
    );
  }

  const flagged = analysis.underperformers.length;
  const reasons = UNDERPERFORMANCE_REASONS.filter((r) => reasonCounts[r] > 0)
    .map((r) => `${reasonCounts[r]} ${REASON_LABEL[r]}`)
    .join(", ");
  const highlights = [
    `${formatInt(flagged)} of ${formatInt(analysis.evaluated)} creators flagged${flagged > 0 ? ` (${reasons})` : ""}.`,
  ];
  for (const u of listed.slice(0, 3)) highlights.push(`@${u.tiktok_handle}: ${u.reason_texts.join("; ")}.`);

  const meta = run.meta({ range, freshness, pending: analysis.pending_review });
  run.phase("done");
  return {
    kind: "underperformers",
    meta,
    project_id: params.project_id,
    evaluated: analysis.evaluated,
    total_underperformers: analysis.underperformers.length,
    underperformers: listed,
    reason_counts: reasonCounts,
    baselines: analysis.baselines,
    posting_gaps: analysis.posting_gaps,
    stale_creators: analysis.stale_creators,
    highlights,
  };
}
