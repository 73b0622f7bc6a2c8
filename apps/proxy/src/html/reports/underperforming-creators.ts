/** The underperforming creators page: who is flagged and why, against the project's norm. @module */
import type { UnderperformingCreatorsReport } from "@goatkit/core";
import { html } from "../escape.js";
import { fmt } from "../format.js";
import { basis, type Figure, list, note, type PageContent, section, table } from "../page.js";
import { barChart } from "../svg.js";

export function underperformingCreators(r: UnderperformingCreatorsReport, title: string): PageContent {
  const range = `${r.meta.range.from} → ${r.meta.range.to}`;
  const baseline = r.baselines.find((b) => b.project_id === r.project_id) ?? r.baselines[0];
  const figures: Figure[] = [
    {
      id: "underperformer_count",
      label: "Creators flagged",
      value: fmt.int(r.underperformer_count),
      basis: `creators · judged on ${range}`,
    },
    {
      id: "evaluated_count",
      label: "Creators evaluated",
      value: fmt.int(r.evaluated_count),
      basis: basis.now("creators"),
    },
    ...Object.entries(r.reason_counts).map(([reason, count]) => ({
      id: `reason_${reason}`,
      label: fmt.words(reason),
      value: fmt.int(count),
      basis: `creators · flagged for this reason, judged on ${range}`,
    })),
  ];
  if (baseline) {
    figures.push({
      id: "baseline_views_per_follower",
      label: "Project norm",
      value: fmt.fixed(baseline.baseline_views_per_follower, 3),
      basis: `views per follower · median of ${baseline.creators_with_data_count} creators' median lifetime views per post, posted ${range}`,
    });
  }
  const flagged = r.underperformers;
  const handles = new Map([...(r.evaluations ?? []), ...flagged].map((u) => [u.creator_id, u.tiktok_handle]));
  const unlisted = r.underperformer_count - flagged.length;
  const body = [
    section(
      "Flagged creators",
      flagged.some((u) => u.ratio_to_baseline !== null)
        ? barChart({
            label: "Flagged creators' views per follower as a multiple of the project norm",
            bars: flagged.map((u) => ({
              label: `@${u.tiktok_handle}`,
              value: u.ratio_to_baseline,
              display: fmt.multiple(u.ratio_to_baseline),
            })),
            reference: { value: 1, label: "project norm 1.00×" },
          })
        : null,
      table(
        [
          { label: "creator" },
          { label: "why" },
          { label: "posts in range", num: true },
          { label: "median views", num: true },
          { label: "followers", num: true },
          { label: "× project norm", num: true },
          { label: "engagement recent / earlier", num: true },
          { label: "stale data" },
        ],
        flagged.map((u) => [
          `@${u.tiktok_handle}`,
          u.reason_texts.join("; "),
          fmt.int(u.window_post_count),
          fmt.int(u.median_views),
          fmt.int(u.follower_count),
          fmt.multiple(u.ratio_to_baseline),
          `${fmt.percent(u.er_recent, 2)} / ${fmt.percent(u.er_earlier, 2)}`,
          u.stale ? html`<span class="flag">⚠ yes</span>` : "no",
        ]),
        "underperformers",
      ),
      unlisted > 0 ? note(`${fmt.int(unlisted)} more flagged creators not listed (limit).`) : null,
      note(
        "Median views are lifetime counters of the posts of the range at least 3 days old; followers as of the " +
          "last scrape; engagement rates are pooled by views.",
      ),
    ),
    section(
      "Posting gaps",
      table(
        [{ label: "creator" }, { label: "weeks without a counted post (Mondays)" }],
        r.posting_gaps.map((g) => [fmt.who(handles.get(g.creator_id), g.creator_id), g.weeks.join(", ")]),
        "posting_gaps",
      ),
    ),
    section(
      "Stale data (> 12 h since the last scrape)",
      list(
        r.stale_creators.map(
          (s) =>
            `${fmt.who(handles.get(s.creator_id), s.creator_id)}: last scraped ${s.last_scraped_at ?? "never"}`,
        ),
      ),
    ),
  ];
  return {
    kind: title,
    title: `Underperforming creators`,
    meta: r.meta,
    figures,
    highlights: r.highlights,
    body,
  };
}
