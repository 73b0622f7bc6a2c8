/**
 * The underperforming-creators report built from what its workflow fetched: a pure function of the
 * project's creators and videos, the range, the thresholds and the analysis instant. No client, no
 * clock: it is tested on fixtures with hand-computed figures (underperforming-creators.test.ts).
 * @module
 */
import { leftOutCounts } from "../../analysis/counted.js";
import type { DayRange } from "../../analysis/dates.js";
import { formatInt, plural } from "../../analysis/format.js";
import { summarizeFreshness } from "../../analysis/freshness.js";
import type { CreatorInput, VideoInput } from "../../analysis/inputs.js";
import {
  findUnderperformers,
  UNDERPERFORMANCE_REASONS,
  type UnderperformerAnalysis,
  type UnderperformerOptions,
} from "../../analysis/underperformers.js";
import type { UnderperformingCreatorsReport } from "../../reports/schema/underperforming-creators.js";
import { Caveats } from "../caveats.js";
import type { BuiltReport } from "./built-report.js";

type ReasonCounts = UnderperformingCreatorsReport["reason_counts"];

const REASON_LABEL: Record<string, string> = {
  low_views_per_post: "low views per post",
  falling_engagement: "falling engagement",
  posting_gaps: "posting gaps",
  not_posting: "not posting",
};

export interface UnderperformingCreatorsInputs {
  projectId: string;
  creators: readonly CreatorInput[];
  /** Every video the API lists for the project, pending_review included. */
  videos: readonly VideoInput[];
}

export interface UnderperformingCreatorsOptions {
  /** The range creators are judged over. */
  range: DayRange;
  /** Most flagged creators listed, most severe first (all are counted). */
  limit: number;
  /** List every evaluated creator's figures in `evaluations`. */
  includeAllCreators: boolean;
  /** The rule's thresholds (range aside); absent ones take the analysis defaults. */
  thresholds: Omit<UnderperformerOptions, "range">;
}

export function buildUnderperformingCreatorsReport(
  inputs: UnderperformingCreatorsInputs,
  asOfMs: number,
  options: UnderperformingCreatorsOptions,
): BuiltReport<UnderperformingCreatorsReport> {
  const { creators, videos } = inputs;
  const { range } = options;
  const analysis = findUnderperformers(creators, videos, asOfMs, { range, ...options.thresholds });
  const listed = analysis.underperformers.slice(0, options.limit);
  const reasonCounts = countReasons(analysis);
  const freshness = summarizeFreshness(creators, asOfMs);

  const caveats = new Caveats();
  caveats.addFreshness(freshness, "creators");
  const staleFlagged = listed.filter((u) => u.stale).length;
  if (staleFlagged > 0) {
    caveats.add(
      "stale_data",
      `${plural(staleFlagged, "flagged creator")} also ${staleFlagged === 1 ? "has" : "have"} stale data (> 12 h since the last scrape); ` +
        "re-check after the next scrape before acting.",
    );
  }
  caveats.addSnapshot();
  caveats.addPending(analysis.pending_review);
  caveats.addLeftOut(leftOutCounts(videos));
  if (analysis.unattributed_videos > 0) {
    caveats.add(
      "unattributed",
      `${plural(analysis.unattributed_videos, "counted video")} without a creator (added by URL) ${analysis.unattributed_videos === 1 ? "is" : "are"} not attributed to anyone.`,
    );
  }
  if (creators.length === 0) caveats.addEmpty("creators in this project");
  else if (videos.length === 0) caveats.addEmpty("videos in this project");
  if (analysis.underperformers.length > listed.length) {
    caveats.add(
      "truncated",
      `Only the ${listed.length} most severe of ${analysis.underperformers.length} flagged creators are listed.`,
    );
  }

  return {
    caveats: caveats.list(),
    meta: {
      range,
      freshness,
      pending: analysis.pending_review,
      freshnessChecked: true,
      pendingChecked: true,
    },
    report: {
      kind: "underperforming_creators",
      project_id: inputs.projectId,
      evaluated_count: analysis.evaluated_count,
      underperformer_count: analysis.underperformers.length,
      underperformers: listed,
      reason_counts: reasonCounts,
      baselines: analysis.baselines,
      posting_gaps: analysis.posting_gaps,
      stale_creators: analysis.stale_creators,
      backlog: analysis.backlog,
      cannot_judge: analysis.cannot_judge,
      ...(options.includeAllCreators ? { evaluations: analysis.evaluations } : {}),
      highlights: highlights(analysis, reasonCounts, listed),
    },
  };
}

/** Flagged creators per reason, every reason present (a creator can have several). */
function countReasons(analysis: UnderperformerAnalysis): ReasonCounts {
  const counts = Object.fromEntries(UNDERPERFORMANCE_REASONS.map((r) => [r, 0])) as ReasonCounts;
  for (const u of analysis.underperformers) for (const r of u.reasons) counts[r]++;
  return counts;
}

function highlights(
  analysis: UnderperformerAnalysis,
  reasonCounts: ReasonCounts,
  listed: UnderperformerAnalysis["underperformers"],
): string[] {
  const flagged = analysis.underperformers.length;
  const reasons = UNDERPERFORMANCE_REASONS.filter((r) => reasonCounts[r] > 0)
    .map((r) => `${reasonCounts[r]} ${REASON_LABEL[r]}`)
    .join(", ");
  const out = [
    `${formatInt(flagged)} of ${plural(analysis.evaluated_count, "creator")} flagged${flagged > 0 ? ` (${reasons})` : ""}.`,
  ];
  for (const u of listed.slice(0, 3)) out.push(`@${u.tiktok_handle}: ${u.reason_texts.join("; ")}.`);
  // What was not held against creators, stated where the report is read first.
  const backlogPosts = analysis.backlog.reduce((s, b) => s + b.pending_review_count, 0);
  if (backlogPosts > 0) {
    out.push(
      `${plural(backlogPosts, "post")} of the range ${backlogPosts === 1 ? "waits" : "wait"} in the Tracking Inbox ` +
        `(${plural(analysis.backlog.length, "creator")}): the team's backlog, not held against the creators.`,
    );
  }
  if (analysis.cannot_judge.length > 0) {
    const noFollowers = analysis.cannot_judge.filter((c) => c.checks.includes("low_views_per_post")).length;
    const tooNew = analysis.cannot_judge.filter((c) => c.checks.includes("not_posting")).length;
    const parts = [
      noFollowers > 0
        ? `${plural(noFollowers, "creator")} without a follower count (not ranked on views per follower)`
        : null,
      tooNew > 0
        ? `${plural(tooNew, "creator")} tracked for under 14 days (not judged on not posting)`
        : null,
    ].filter((x) => x !== null);
    out.push(`Cannot judge: ${parts.join("; ")}.`);
  }
  return out;
}
