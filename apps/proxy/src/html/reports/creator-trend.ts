/** The creator trend page: follower and views growth over the range, week by week. @module */
import type { CreatorTrendReport } from "@goatkit/core";
import { fmt } from "../format.js";
import { basis, type Figure, note, type PageContent, section, table } from "../page.js";
import { columnChart } from "../svg.js";

export function creatorTrend(r: CreatorTrendReport, title: string): PageContent {
  const range = `${r.meta.range.from} → ${r.meta.range.to}`;
  const figures: Figure[] = [
    {
      id: "followers_change",
      label: "Followers gained",
      value: fmt.int(r.followers.change),
      basis: basis.inRange("followers", r.meta),
    },
    {
      id: "followers_change_ratio",
      label: "Follower growth",
      value: fmt.signedPercent(r.followers.change_ratio),
      basis: `of the followers at the start · ${range}`,
    },
    {
      id: "followers_end",
      label: "Followers",
      value: fmt.int(r.followers.end),
      basis: `followers · at the end of the range`,
    },
    {
      id: "views_change",
      label: "Views gained",
      value: fmt.int(r.views.change),
      basis: basis.inRange("views of all counted videos", r.meta),
    },
    {
      id: "range_post_count",
      label: "Posts",
      value: fmt.int(r.range_post_count),
      basis: basis.postedInRange("counted videos", r.meta),
    },
    {
      id: "engagement_rate",
      label: "Engagement rate",
      value: fmt.percent(r.engagement_rate, 2),
      basis: `by views · lifetime counters of the posts of ${range}`,
    },
    {
      id: "days_since_last_post",
      label: "Days since the last post",
      value: fmt.fixed(r.days_since_last_post, 1),
      basis: `days · last post ${fmt.day(r.last_posted_at)}`,
    },
  ];
  const weekly = (pick: (w: CreatorTrendReport["weeks"][number]) => number | null) =>
    r.weeks.map((w) => ({ date: w.week_start, value: pick(w), partial: w.partial }));
  const body = [
    section(
      "Views gained per week",
      columnChart({
        label: `Views gained per ISO week, ${range}`,
        points: weekly((w) => w.views_gained),
        unit: "views",
      }),
      note(
        "Lighter columns are partial weeks (outside the range or missing a day). Views gained are every counted video's gains that week, whenever it was posted.",
      ),
    ),
    section(
      "Followers gained per day",
      columnChart({
        label: `Followers gained per day, ${range}`,
        points: r.followers.pacing.daily,
        unit: "followers",
      }),
    ),
    section(
      "Weeks",
      table(
        [
          { label: "week of" },
          { label: "posts", num: true },
          { label: "followers gained", num: true },
          { label: "views gained", num: true },
          { label: "views vs last week", num: true },
          { label: "gained / post", num: true },
        ],
        r.weeks.map((w) => [
          `${w.week_start}${w.partial ? " (partial)" : ""}`,
          fmt.int(w.post_count),
          fmt.int(w.followers_gained),
          fmt.int(w.views_gained),
          fmt.signedPercent(w.views_wow_change_ratio),
          fmt.int(w.views_gained_per_post),
        ]),
        "weeks",
      ),
      r.posting_gaps.length > 0 ? note(`Posting gaps: weeks of ${r.posting_gaps.join(", ")}.`) : null,
    ),
    section(
      "Top posts of the range",
      table(
        [
          { label: "video" },
          { label: "posted" },
          { label: "lifetime views", num: true },
          { label: "engagement rate", num: true },
        ],
        r.top_videos.map((v) => [
          v.title ?? v.video_id,
          fmt.day(v.posted_at),
          fmt.int(v.view_count),
          fmt.percent(v.engagement_rate, 2),
        ]),
        "top_videos",
      ),
    ),
  ];
  const name = r.creator.display_name
    ? `${r.creator.display_name} (@${r.creator.tiktok_handle})`
    : `@${r.creator.tiktok_handle}`;
  return { kind: title, title: name, meta: r.meta, figures, highlights: r.highlights, body };
}
