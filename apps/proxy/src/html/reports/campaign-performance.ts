/** The campaign performance page: lifetime totals, the range's daily gains, target progress, top creators and videos. @module */
import type { CampaignPerformanceReport } from "@goatkit/core";
import { html } from "../escape.js";
import { fmt } from "../format.js";
import { basis, type Figure, note, type PageContent, section, table } from "../page.js";
import { barChart, columnChart, progressBar } from "../svg.js";

type Target = CampaignPerformanceReport["target"];

/** What the target was judged on, always said (views before the campaign existed must not count unseen). */
function targetBasis(t: Target, createdAt: string): string {
  if (t.basis === "since_created") {
    const from = t.baseline_date === null ? "creation" : `the end of ${t.baseline_date}`;
    return `views gained since the campaign was created on ${fmt.day(createdAt)} (counted from ${from}${t.end_date ? ` to ${t.end_date}` : ""})`;
  }
  return `lifetime totals, because ${t.basis_reason ?? "no baseline was available"}`;
}

export function campaignPerformance(r: CampaignPerformanceReport, title: string): PageContent {
  const t = r.totals;
  const p = r.pacing;
  const g = r.target;
  const range = `${r.meta.range.from} → ${r.meta.range.to}`;
  const figures: Figure[] = [
    { id: "lifetime_views", label: "Views", value: fmt.int(t.view_count), basis: basis.lifetime("views") },
    {
      id: "views_gained",
      label: "Views gained",
      value: fmt.int(p.gained),
      basis: basis.inRange("views", r.meta),
    },
    {
      id: "avg_per_day",
      label: "Gained per day",
      value: fmt.int(p.avg_per_day),
      basis: `views/day · mean over ${p.day_count} days, ${range}`,
    },
    { id: "video_count", label: "Counted videos", value: fmt.int(t.video_count), basis: basis.now("videos") },
    { id: "creator_count", label: "Creators", value: fmt.int(t.creator_count), basis: basis.now("creators") },
  ];
  if (g.status !== "no_target") {
    figures.push({
      id: "target_share",
      label: `Of the ${fmt.int(g.target_views)}-view target (${fmt.words(g.status)})`,
      value: fmt.percent(g.share_done),
      basis:
        g.basis === "since_created"
          ? `of target · views gained since the campaign was created (${fmt.day(r.campaign.created_at)})`
          : "of target · judged on lifetime totals: see why under Target",
    });
  }
  const pace =
    p.direction === "insufficient_data"
      ? "too little growth to judge the pace"
      : `pace ${fmt.words(p.direction)}`;
  const body = [
    g.status === "no_target"
      ? null
      : section(
          "Target",
          progressBar({
            label: `Views counted against the target: ${fmt.percent(g.share_done)}`,
            share: g.share_done,
            caption: `${fmt.int(g.views_counted)} of ${fmt.int(g.target_views)} views`,
          }),
          barChart({
            label: "Views counted and lifetime views against the target",
            bars: [
              {
                label: `counted (${g.basis === "since_created" ? "since created" : "lifetime"})`,
                value: g.views_counted,
              },
              { label: "lifetime views (not judged)", value: g.lifetime_views },
            ],
            reference:
              g.target_views === null
                ? undefined
                : { value: g.target_views, label: `target ${fmt.compact(g.target_views)}` },
          }),
          note(`Counted on ${targetBasis(g, r.campaign.created_at)}.`),
          table(
            [
              { label: "target views", num: true },
              { label: "by" },
              { label: "views counted", num: true },
              { label: "of target", num: true },
              { label: "needed per day", num: true },
              { label: "recent pace per day", num: true },
              { label: "projected by the deadline", num: true },
              { label: "status" },
            ],
            [
              [
                fmt.int(g.target_views),
                fmt.day(g.target_at),
                fmt.int(g.views_counted),
                fmt.percent(g.share_done),
                fmt.int(g.required_per_day),
                fmt.int(g.pace_per_day),
                fmt.int(g.projected_at_target),
                fmt.words(g.status),
              ],
            ],
            "target",
          ),
        ),
    section(
      "Views gained per day",
      columnChart({ label: `Views gained per day, ${range}`, points: p.daily, unit: "views" }),
      note(
        `${fmt.int(p.gained)} views gained over ${p.day_count} days · ${fmt.int(p.avg_per_day)}/day · last 7 days ` +
          `${fmt.int(p.recent_per_day)}/day · ${pace} · ${r.posting.range_post_count} posts on ${r.posting.active_day_count} days.`,
      ),
    ),
    section(
      "Posts per day",
      columnChart({
        label: `Counted videos posted per day, ${range}`,
        points: r.posting.by_day.map((d) => ({ date: d.date, value: d.post_count })),
        unit: "posts",
      }),
    ),
    section(
      "Lifetime totals",
      note("Counted videos of the campaign and its sub-campaigns, each once, as of their last scrape."),
      table(
        ["views", "likes", "comments", "shares", "saves", "videos", "creators"].map((label) => ({
          label,
          num: true,
        })),
        [
          [
            fmt.int(t.view_count),
            fmt.int(t.like_count),
            fmt.int(t.comment_count),
            fmt.int(t.share_count),
            fmt.int(t.save_count),
            fmt.int(t.video_count),
            fmt.int(t.creator_count),
          ],
        ],
        "totals",
      ),
      r.tree
        ? note(
            `Resolved from ${r.tree.campaign_count} campaigns, ${r.tree.creator_item_count} creator items and ` +
              `${r.tree.video_item_count} video items; ${r.tree.duplicates_removed_count} duplicates counted once.`,
          )
        : null,
    ),
    section(
      "Top creators",
      barChart({
        label: "Top creators by lifetime views",
        bars: r.top_creators.map((c) => ({
          label: fmt.who(c.tiktok_handle, c.creator_id),
          value: c.view_count,
        })),
      }),
      note(
        html`Top creator: ${fmt.percent(r.concentration.top_creator_share)} of the lifetime views; top 3: ${fmt.percent(
          r.concentration.top3_creator_share,
        )}; top video: ${fmt.percent(r.concentration.top_video_share)}.`,
      ),
      table(
        [{ label: "creator" }, { label: "videos", num: true }, { label: "lifetime views", num: true }],
        r.top_creators.map((c) => [
          fmt.who(c.tiktok_handle, c.creator_id),
          fmt.int(c.video_count),
          fmt.int(c.view_count),
        ]),
        "top_creators",
      ),
    ),
    section(
      "Top videos",
      table(
        [
          { label: "video" },
          { label: "creator" },
          { label: "posted" },
          { label: "lifetime views", num: true },
          { label: "engagement rate", num: true },
        ],
        r.top_videos.map((v) => [
          v.title ?? v.video_id,
          fmt.who(v.tiktok_handle, v.creator_id ?? "direct"),
          fmt.day(v.posted_at),
          fmt.int(v.view_count),
          fmt.percent(v.engagement_rate, 2),
        ]),
        "top_videos",
      ),
    ),
  ];
  return { kind: title, title: r.campaign.name, meta: r.meta, figures, highlights: r.highlights, body };
}
