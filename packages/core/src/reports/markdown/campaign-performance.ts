/** Markdown for a {@link CampaignPerformanceReport}. @module */
import { formatInt } from "../../analysis/format.js";
import type { CampaignPerformanceReport } from "../schema/campaign-performance.js";
import { bullets, metaFooter, sections, table, who } from "./common.js";
import { percent } from "./units.js";

export function renderCampaignPerformance(r: CampaignPerformanceReport): string {
  const t = r.totals;
  const p = r.pacing;
  const pace =
    p.direction === "insufficient_data"
      ? "too little growth to judge the pace"
      : p.direction.replace("_", " ");
  const g = r.target;
  return sections(
    `# Campaign: ${r.campaign.name}`,
    bullets(r.highlights),
    `**Lifetime totals** (counted videos, as of their last scrape)\n${table(
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
    )}`,
    `**In the range** ${
      p.gained === null && p.gain_unknown_reason !== null
        ? `views gained unknown (${p.gain_unknown_reason})`
        : `${formatInt(p.gained)} views gained over ${p.day_count} days · ${formatInt(p.avg_per_day)}/day`
    } · ` +
      `last 7 days ${formatInt(p.recent_per_day)}/day · ${pace} · ${r.posting.range_post_count} posts on ` +
      `${r.posting.active_day_count} days`,
    g.status === "no_target"
      ? null
      : `**Target**\n${table(
          ["target views", "by", "counted on", "views counted", "of target", "lifetime views", "status"],
          [
            [
              formatInt(g.target_views),
              g.target_at?.slice(0, 10) ?? "–",
              g.basis === "since_created"
                ? `gained since ${g.baseline_date === null ? "creation" : `the end of ${g.baseline_date}`}${g.end_date ? ` to ${g.end_date}` : ""}`
                : "lifetime totals",
              formatInt(g.views_counted),
              percent(g.share_done),
              formatInt(g.lifetime_views),
              g.status.replace("_", " "),
            ],
          ],
        )}`,
    `**Top creators**\n${table(
      ["creator", "videos", "lifetime views", "share of lifetime views"],
      r.top_creators
        .slice(0, 5)
        .map((c) => [
          who(c.tiktok_handle, c.creator_id),
          c.video_count,
          formatInt(c.view_count),
          percent(t.view_count ? c.view_count / t.view_count : null),
        ]),
    )}`,
    `**Top videos**\n${table(
      ["video", "creator", "lifetime views", "engagement rate"],
      r.top_videos
        .slice(0, 5)
        .map((v) => [
          v.title ?? v.video_id,
          who(v.tiktok_handle, v.creator_id ?? "direct"),
          formatInt(v.view_count),
          percent(v.engagement_rate, 2),
        ]),
    )}`,
    metaFooter(r.meta),
  );
}
