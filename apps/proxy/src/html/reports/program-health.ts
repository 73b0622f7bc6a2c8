/** The program health page: one project's operational state: freshness, backlog, over-posting, goals, payouts. @module */
import type { ProgramHealthReport } from "@goatkit/core";
import { html } from "../escape.js";
import { fmt } from "../format.js";
import { basis, type Figure, list, note, type PageContent, section, table } from "../page.js";
import { barChart } from "../svg.js";
import { outliersTable } from "./outliers-table.js";

type Goal = ProgramHealthReport["goals"]["needs_attention"][number];

/** A goal figure in its unit: an engagement rate (a fraction) as a percent, counts as integers. */
const goalValue = (g: Goal, n: number) => (g.metric === "engagement" ? fmt.percent(n, 2) : fmt.int(n));

export function programHealth(r: ProgramHealthReport, title: string): PageContent {
  const g = r.goals;
  const p = r.payouts;
  const figures: Figure[] = [
    {
      id: "creators",
      label: "Creators",
      value: fmt.int(r.creators.total_count),
      basis: basis.now("creators"),
    },
    {
      id: "stale_creators",
      label: `Stale creators (${fmt.percent(r.creators.stale_share)})`,
      value: fmt.int(r.creators.stale_count),
      basis: "creators · last scraped > 12 h before the analysis, or never",
    },
    {
      id: "counted_videos",
      label: "Counted videos",
      value: fmt.int(r.videos.counted_count),
      basis: basis.now("videos"),
    },
    {
      id: "pending_review",
      label: "Waiting in the Tracking Inbox",
      value: fmt.int(r.pending_backlog.count),
      basis: "videos · pending_review, not counted, as of now",
    },
    {
      id: "over_posting_amber",
      label: "Over-posting days, last 7 days",
      value: fmt.int(r.over_posting.amber_count),
      basis: `days · plus ${fmt.int(r.over_posting.info_count)} older`,
    },
    {
      id: "underperformers",
      label: "Underperforming creators",
      value: fmt.int(r.underperformers.count),
      basis: `creators · judged on ${r.meta.range.from} → ${r.meta.range.to}`,
    },
    {
      id: "unpaid_total",
      label: "Unpaid payouts",
      value: p.available ? fmt.cents(p.unpaid_total_cents) : "not available",
      basis: p.available
        ? `USD · ${fmt.int(p.unpaid_count)} accruals for ${fmt.int(p.creators_owed_count)} creators, as of now`
        : `USD · not checked: ${p.unavailable_reason ?? "unavailable"}`,
    },
  ];
  const body = [
    section(
      "Over-posting (≥ 7 posts a day, ≥ 2 under 100 views after 2 h)",
      table(
        [
          { label: "day" },
          { label: "creator" },
          { label: "posts", num: true },
          { label: "low-view", num: true },
          { label: "severity" },
          { label: "day's median views vs usual", num: true },
        ],
        r.over_posting.incidents.map((i) => [
          i.date,
          fmt.who(i.tiktok_handle, i.creator_id),
          fmt.int(i.post_count),
          fmt.int(i.low_view_count),
          i.severity === "amber" ? html`<span class="flag">⚠ amber</span>` : "info",
          fmt.multiple(i.reach_ratio),
        ]),
        "over_posting",
        "No over-posting day.",
      ),
      r.over_posting.warnings.length > 0
        ? note(
            `Close to the rule today: ${r.over_posting.warnings
              .map(
                (w) =>
                  `${w.creator_id} (${w.post_count} posts, ${w.posts_until_rule_count} more would trigger it)`,
              )
              .join("; ")}.`,
          )
        : null,
    ),
    g.available
      ? section(
          "Goals",
          barChart({
            label: "Goal periods per status",
            bars: Object.entries(g.status_counts).map(([status, count]) => ({
              label: fmt.words(status),
              value: count,
            })),
          }),
          table(
            [
              { label: "creator" },
              { label: "goal" },
              { label: "actual / target", num: true },
              { label: "status" },
              { label: "needed per day (goal's unit)", num: true },
            ],
            g.needs_attention.map((a) => [
              `@${a.tiktok_handle}`,
              `${a.metric} ${a.period}`,
              `${goalValue(a, a.actual)} / ${goalValue(a, a.target)}`,
              fmt.words(a.status),
              fmt.fixed(a.required_per_day, 1),
            ]),
            "goals",
            "No goal period is at risk, behind pace or missed.",
          ),
          note(
            `${fmt.int(g.entry_count)} goal periods. Local recomputation agrees with ${g.cross_check.status_agreed_count} of ` +
              `${g.cross_check.checked_count} statuses and ${g.cross_check.posts_actual_agreed_count} of ` +
              `${g.cross_check.posts_actual_checked_count} post counts.`,
          ),
        )
      : section("Goals", note(`Not available: ${g.unavailable_reason ?? "unknown reason"}.`)),
    section(
      "Underperforming creators",
      list(r.underperformers.top.map((u) => `@${u.tiktok_handle}: ${u.reason_texts.join("; ")}`)),
      note(
        `${Object.entries(r.underperformers.reason_counts)
          .map(([reason, n]) => `${fmt.words(reason)} ${n}`)
          .join(" · ")} (a creator can have several reasons).`,
      ),
    ),
    section(
      "Outliers (lifetime views of videos at least 7 days old)",
      note(`${fmt.int(r.outliers.high_count)} breakouts, ${fmt.int(r.outliers.low_count)} flops.`),
      outliersTable(r.outliers.items),
    ),
    section(
      "Tracking Inbox backlog",
      note(
        r.pending_backlog.count === 0
          ? "Nothing waiting."
          : `${fmt.int(r.pending_backlog.count)} videos waiting; the oldest posted ${fmt.day(r.pending_backlog.oldest_posted_at)}.`,
      ),
      r.pending_backlog.by_creator.length > 0
        ? table(
            [{ label: "creator" }, { label: "waiting", num: true }],
            r.pending_backlog.by_creator.map((c) => [
              fmt.who(c.tiktok_handle, c.creator_id),
              fmt.int(c.pending_count),
            ]),
            "pending",
          )
        : null,
    ),
    section(
      "Payouts",
      note(
        p.available
          ? `${fmt.cents(p.unpaid_total_cents)} unpaid in ${fmt.int(p.unpaid_count)} accruals for ` +
              `${fmt.int(p.creators_owed_count)} creators; the oldest unpaid period ended ${p.oldest_unpaid_period_end ?? "–"}.`
          : `Not available: ${p.unavailable_reason ?? "unknown reason"}.`,
      ),
    ),
  ];
  return {
    kind: title,
    title: r.project.name ?? r.project.id,
    meta: r.meta,
    figures,
    highlights: r.highlights,
    body,
  };
}
