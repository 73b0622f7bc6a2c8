/** Markdown for a {@link CampaignContentReport}. @module */

import type { z } from "zod";
import { formatInt } from "../../analysis/format.js";
import { DOW_NAMES } from "../../analysis/posting-pattern.js";
import type { RankedVideo } from "../../analysis/results/parts.js";
import type { CampaignContentReport } from "../schema/campaign-content.js";
import { bullets, metaFooter, sections, table, who } from "./common.js";
import { multiple, percent } from "./units.js";

type Ranked = z.infer<typeof RankedVideo>;
const videoRows = (vs: Ranked[]) =>
  vs.map((v) => [
    v.title ?? v.video_id,
    who(v.tiktok_handle, v.creator_id ?? "direct"),
    v.posted_at.slice(0, 10),
    formatInt(v.view_count),
    percent(v.engagement_rate, 2),
  ]);

export function renderCampaignContent(r: CampaignContentReport): string {
  const headers = ["video", "creator", "posted", "lifetime views", "engagement rate"];
  const slots = [...r.posting_pattern.cells]
    .filter((c) => c.post_count >= 2)
    .sort((a, b) => b.avg_views - a.avg_views)
    .slice(0, 3)
    .map(
      (c) =>
        `${DOW_NAMES[c.dow]} ${String(c.hour).padStart(2, "0")}:00 UTC: ${formatInt(c.avg_views)} lifetime views per post (${c.post_count} posts)`,
    );
  return sections(
    `# Content: ${r.campaign.name}`,
    bullets(r.highlights),
    `_Videos posted ${r.meta.range.from} → ${r.meta.range.to}; views and engagement are their lifetime counters as of the last scrape._`,
    `**Top videos**\n${table(headers, videoRows(r.top_videos.slice(0, 5)))}`,
    `**Bottom videos** (at least 3 days old)\n${table(headers, videoRows(r.bottom_videos.slice(0, 5)))}`,
    `**Outliers** (robust z of ln views per creator)\n${table(
      ["video", "direction", "lifetime views", "× creator median"],
      r.outliers.items
        .slice(0, 10)
        .map((o) => [
          o.title ?? o.video_id,
          o.direction,
          formatInt(o.view_count),
          multiple(o.ratio_to_median, 1),
        ]),
    )}`,
    slots.length > 0 ? `**Best posting slots**\n${bullets(slots)}` : null,
    `**Creators**\n${table(
      ["creator", "posts", "lifetime views", "median views", "engagement rate", "share of views"],
      r.creators
        .slice(0, 10)
        .map((c) => [
          who(c.tiktok_handle, c.creator_id),
          c.post_count,
          formatInt(c.view_count),
          formatInt(c.median_views),
          percent(c.engagement_rate, 2),
          percent(c.view_share, 1),
        ]),
    )}`,
    metaFooter(r.meta),
  );
}
