/** Markdown for a {@link CampaignPerformanceReport}. @module */
import { formatCompact, formatInt, formatPercent, formatShare } from "../../analysis/format.js";
import type { CampaignPerformanceReport } from "../reports/campaign-performance.js";
import { bullets, metaFooter, sections, table, who } from "./common.js";

export function renderCampaignPerformance(r: CampaignPerformanceReport): string {
  const t = r.totals;
  const p = r.pacing;
  return sections(
    `# Campaign: ${r.campaign.name}`,
    bullets(r.highlights),
    table(
      ["views", "likes", "comments", "shares", "saves", "videos", "creators"],
      [
        [
          formatInt(t.view_count),
          formatInt(t.like_count),
          formatInt(t.comment_count),
          formatInt(t.share_count),
          formatInt(t.save_count),
          t.video_count,
          t.creator_count,
        ],
      ],
    ),
    `**Pacing** ${formatInt(p.gained)} views gained over ${p.days} days · ${formatInt(p.avg_per_day)}/day · last 7 days ` +
      `${formatInt(p.recent_per_day)}/day · ${p.direction.replace("_", " ")} · ${r.posting.posts_in_range} posts on ${r.posting.active_days} days`,
    r.target.status === "no_target"
      ? null
      : r.target.status === "reached" || r.target.status === "missed"
        ? `**Target** ${formatCompact(r.target.target_views)} by ${r.target.target_at?.slice(0, 10) ?? "—"}: ${r.target.status} (${formatShare(r.target.share_done)} of target)`
        : `**Target** ${formatCompact(r.target.target_views)} by ${r.target.target_at?.slice(0, 10) ?? "—"}: ${r.target.status.replace("_", " ")} ` +
          `(${formatShare(r.target.share_done)} done, needs ${formatInt(r.target.required_per_day)}/day, projected ${formatCompact(r.target.projected_at_target)})`,
    `**Top creators**\n${table(
      ["creator", "videos", "views", "share"],
      r.top_creators
        .slice(0, 5)
        .map((c) => [
          who(c.tiktok_handle, c.creator_id),
          c.video_count,
          formatInt(c.view_count),
          formatShare(t.view_count ? c.view_count / t.view_count : null),
        ]),
    )}`,
    `**Top videos**\n${table(
      ["video", "creator", "views", "ER"],
      r.top_videos
        .slice(0, 5)
        .map((v) => [
          v.title ?? v.video_id,
          who(v.tiktok_handle, v.creator_id ?? "direct"),
          formatInt(v.view_count),
          formatPercent(v.engagement_rate),
        ]),
    )}`,
    metaFooter(r.meta),
  );
}
