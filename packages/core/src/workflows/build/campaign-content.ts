/**
 * The campaign content report built from what its workflow fetched: a pure function of the campaign,
 * its resolved item tree, the project's creators and videos, the range asked for, the ranking and
 * outlier options and the analysis instant. Both API generations serve the same lists, so there is
 * one path. No client, no clock: it is tested on fixtures with hand-computed figures
 * (campaign-content.test.ts).
 * @module
 */
import { analyzeContent, type ContentAnalysis } from "../../analysis/content.js";
import { type DatePreset, presetRange } from "../../analysis/date-presets.js";
import { type DayRange, dayNumber, dayNumberOfMs, dayString, utcDay } from "../../analysis/dates.js";
import { formatCompact, formatInt, formatShare, plural } from "../../analysis/format.js";
import { summarizeFreshness } from "../../analysis/freshness.js";
import type { CreatorInput } from "../../analysis/inputs.js";
import { findOutliers, type OutlierOptions, type OutlierVideo } from "../../analysis/outliers.js";
import { DOW_NAMES } from "../../analysis/posting-pattern.js";
import type { CampaignContentReport } from "../../reports/schema/campaign-content.js";
import type { Campaign } from "../../schema/campaign.js";
import type { Video } from "../../schema/video.js";
import { campaignInfo } from "../campaign-data.js";
import { type CampaignTree, campaignVideoSet } from "../campaign-tree.js";
import { Caveats } from "../caveats.js";
import type { BuiltReport } from "./built-report.js";

export interface CampaignContentInputs {
  campaign: Campaign;
  /** The campaign's item tree, sub-campaigns resolved (root first). */
  tree: CampaignTree;
  /** Every video the API lists for the campaign's project: the tree's items resolve against it. */
  videos: readonly Video[];
  creators: readonly CreatorInput[];
}

export interface CampaignContentOptions {
  /** A named range; without it `from`/`to`, each defaulting to the campaign's first post and the analysis day. */
  range?: DatePreset;
  from?: string;
  to?: string;
  /** Length of the top and bottom video lists. */
  top: number;
  /** The outlier rule's thresholds. */
  outliers: OutlierOptions;
}

export function buildCampaignContentReport(
  inputs: CampaignContentInputs,
  asOfMs: number,
  options: CampaignContentOptions,
): BuiltReport<CampaignContentReport> {
  const { tree, videos, creators } = inputs;
  const set = campaignVideoSet(tree, videos);
  const range = options.range
    ? presetRange(options.range, asOfMs)
    : postedRange(set.videos, asOfMs, options.from, options.to);
  const from = dayNumber(range.from)!;
  const to = dayNumber(range.to)!;
  const inRange = set.videos.filter((v) => {
    const d = dayNumber(utcDay(v.posted_at));
    return d !== null && d >= from && d <= to;
  });
  const content = analyzeContent(inRange, creators, asOfMs, {
    top: options.top,
    outliers: options.outliers,
  });
  // Judged against each creator's norm over the whole project, then kept when in the campaign's range.
  const ids = new Set(inRange.map((v) => v.id));
  const projectOutliers = findOutliers(videos, asOfMs, options.outliers);
  const outliers = projectOutliers.outliers.filter((o) => ids.has(o.video_id));

  const caveats = new Caveats();
  caveats.add(
    "recursive_dedup",
    `The campaign and ${plural(tree.campaign_ids.length - 1, "sub-campaign")} were resolved to one video set; ` +
      `${plural(set.duplicates_removed, "video")} reachable through several items ${set.duplicates_removed === 1 ? "is" : "are"} counted once.`,
  );
  caveats.addSnapshot();
  caveats.addPending(set.pending.length);
  caveats.addLeftOut(set.left_out);
  const outOfRange = set.videos.length - inRange.length;
  if (outOfRange > 0) {
    caveats.add(
      "out_of_range",
      `${plural(outOfRange, "campaign video")} posted outside ${range.from} → ${range.to} ` +
        `${outOfRange === 1 ? "was" : "were"} left out.`,
    );
  }
  if (inRange.length === 0) caveats.addEmpty("counted videos in this campaign");
  caveats.add(
    "method",
    "Posting times are bucketed in UTC; outliers need ≥ 5 videos at least 7 days old per creator, so young and sparse creators are not judged.",
  );
  const freshness = summarizeFreshness(inRange, asOfMs);
  caveats.addFreshness(freshness, "campaign's videos");

  return {
    caveats: caveats.list(),
    meta: {
      range,
      freshness,
      pending: set.pending.length,
      freshnessChecked: true,
      pendingChecked: true,
    },
    report: {
      kind: "campaign_content",
      campaign: campaignInfo(inputs.campaign),
      video_count: content.video_count,
      total_views: content.total_views,
      median_views: content.median_views,
      p90_views: content.p90_views,
      engagement_rate: content.engagement_rate,
      top_videos: content.top_videos,
      bottom_videos: content.bottom_videos,
      outliers: {
        items: outliers,
        creators_checked_count: projectOutliers.creators_checked,
        creators_too_few_videos_count: projectOutliers.creators_too_few_videos,
      },
      posting_pattern: content.posting_pattern,
      creators: content.creators,
      highlights: highlights(content, outliers),
    },
  };
}

/** The range without a preset: `from` defaults to the first post (if not after `to`), `to` to the analysis day. */
function postedRange(videos: readonly Video[], asOfMs: number, from?: string, to?: string): DayRange {
  let min: string | null = null;
  for (const v of videos) {
    const d = utcDay(v.posted_at);
    if (d !== null && (min === null || d < min)) min = d;
  }
  const end = to ?? dayString(dayNumberOfMs(asOfMs));
  const start = from ?? (min !== null && min <= end ? min : end);
  return { from: start, to: end };
}

function highlights(content: ContentAnalysis, outliers: readonly OutlierVideo[]): string[] {
  const out: string[] = [];
  if (content.video_count === 0) return out;
  out.push(
    `${plural(content.video_count, "video")} posted in the range: median ${formatInt(content.median_views)} lifetime ` +
      `views, top 10 % above ${formatInt(content.p90_views)}; engagement rate ${formatShare(content.engagement_rate, 1)}.`,
  );
  const top = content.top_videos[0]!;
  out.push(
    `Best: ${top.title ?? top.video_id} by @${top.tiktok_handle ?? "?"} with ${formatCompact(top.view_count)} lifetime views.`,
  );
  const highs = outliers.filter((o) => o.direction === "high").length;
  const lows = outliers.length - highs;
  if (outliers.length > 0)
    out.push(`${plural(highs, "breakout video")} and ${plural(lows, "flop")} against their creators' norms.`);
  const best = content.posting_pattern.best;
  if (best) {
    out.push(
      `Best posting slot: ${DOW_NAMES[best.dow]} ${String(best.hour).padStart(2, "0")}:00 UTC ` +
        `(${formatInt(best.avg_views)} lifetime views per post over ${plural(best.post_count, "post")}).`,
    );
  }
  const lead = content.creators[0];
  if (lead && lead.view_share !== null)
    out.push(
      `@${lead.tiktok_handle ?? lead.creator_id} brings ${formatShare(lead.view_share)} of the lifetime views.`,
    );
  return out;
}
