/** The campaign content page: what worked among the videos posted in the range, by video, slot and creator. @module */
import type { CampaignContentReport } from "@goatkit/core";
import { DOW_NAMES } from "@goatkit/core/analysis";
import { fmt } from "../format.js";
import { basis, type Figure, list, note, type PageContent, section, table } from "../page.js";
import { barChart } from "../svg.js";
import { outliersTable } from "./outliers-table.js";

type Ranked = CampaignContentReport["top_videos"][number];
type Cell = CampaignContentReport["posting_pattern"]["cells"][number];

const slot = (c: Cell) => `${DOW_NAMES[c.dow] ?? c.dow} ${String(c.hour).padStart(2, "0")}:00 UTC`;

function videos(vs: readonly Ranked[], id: string) {
  return table(
    [
      { label: "video" },
      { label: "creator" },
      { label: "posted" },
      { label: "lifetime views", num: true },
      { label: "engagement rate", num: true },
    ],
    vs.map((v) => [
      v.title ?? v.video_id,
      fmt.who(v.tiktok_handle, v.creator_id ?? "direct"),
      fmt.day(v.posted_at),
      fmt.int(v.view_count),
      fmt.percent(v.engagement_rate, 2),
    ]),
    id,
  );
}

export function campaignContent(r: CampaignContentReport, title: string): PageContent {
  const figures: Figure[] = [
    {
      id: "video_count",
      label: "Videos posted",
      value: fmt.int(r.video_count),
      basis: basis.postedInRange("counted videos", r.meta),
    },
    {
      id: "total_views",
      label: "Their views",
      value: fmt.int(r.total_views),
      basis: basis.lifetime("views"),
    },
    {
      id: "median_views",
      label: "Median views per video",
      value: fmt.int(r.median_views),
      basis: basis.lifetime("views"),
    },
    {
      id: "p90_views",
      label: "90th percentile",
      value: fmt.int(r.p90_views),
      basis: basis.lifetime("views per video"),
    },
    {
      id: "engagement_rate",
      label: "Engagement rate",
      value: fmt.percent(r.engagement_rate, 2),
      basis: "(likes + comments + shares + saves) / views · lifetime counters, pooled",
    },
  ];
  const pattern = r.posting_pattern;
  const slots = [...pattern.cells]
    .filter((c) => c.post_count >= 2)
    .sort((a, b) => b.avg_views - a.avg_views)
    .slice(0, 5);
  const body = [
    note(
      `Videos posted ${r.meta.range.from} → ${r.meta.range.to}; views and engagement are their lifetime counters as ` +
        "of the last scrape, so a video posted early in the range has had longer to collect them.",
    ),
    section(
      "Top videos",
      barChart({
        label: "Top videos by lifetime views",
        bars: r.top_videos.map((v) => ({ label: v.title ?? v.video_id, value: v.view_count })),
      }),
      videos(r.top_videos, "top_videos"),
    ),
    section("Bottom videos (at least 3 days old)", videos(r.bottom_videos, "bottom_videos")),
    section(
      "Outliers against each creator's norm",
      note(
        `${fmt.int(r.outliers.creators_checked_count)} creators judged (≥ 5 counted videos at least 7 days old); ` +
          `${fmt.int(r.outliers.creators_too_few_videos_count)} had too few to judge.`,
      ),
      outliersTable(r.outliers.items),
    ),
    section(
      "When they were posted (UTC)",
      list(
        [
          pattern.best
            ? `Best slot: ${slot(pattern.best)}, ${fmt.int(pattern.best.avg_views)} lifetime views per post (${pattern.best.post_count} posts).`
            : "Best slot: none with 2 posts or more.",
          pattern.busiest
            ? `Busiest slot: ${slot(pattern.busiest)}, ${pattern.busiest.post_count} posts.`
            : null,
        ].filter((s): s is string => s !== null),
      ),
      table(
        [{ label: "slot" }, { label: "posts", num: true }, { label: "lifetime views per post", num: true }],
        slots.map((c) => [slot(c), fmt.int(c.post_count), fmt.int(c.avg_views)]),
        "slots",
      ),
    ),
    section(
      "Creators",
      barChart({
        label: "Creators' share of the lifetime views",
        bars: r.creators.map((c) => ({
          label: fmt.who(c.tiktok_handle, c.creator_id),
          value: c.view_share,
          display: fmt.percent(c.view_share),
        })),
      }),
      table(
        [
          { label: "creator" },
          { label: "posts", num: true },
          { label: "lifetime views", num: true },
          { label: "median views", num: true },
          { label: "engagement rate", num: true },
          { label: "share of views", num: true },
        ],
        r.creators.map((c) => [
          fmt.who(c.tiktok_handle, c.creator_id),
          fmt.int(c.post_count),
          fmt.int(c.view_count),
          fmt.int(c.median_views),
          fmt.percent(c.engagement_rate, 2),
          fmt.percent(c.view_share),
        ]),
        "creators",
      ),
    ),
  ];
  return { kind: title, title: r.campaign.name, meta: r.meta, figures, highlights: r.highlights, body };
}
