/**
 * What a campaign's videos gained since the campaign was created, the figure its `target_views` is
 * judged on (see analysis/campaign-target.ts for why not the lifetime totals).
 *
 * The count starts from the cumulative level at the end of the day before `created_at` and ends at
 * the current snapshot, or at the end of `target_at`'s day once that has passed. When those days lie
 * inside the history the workflow already read (from the day before the range on), nothing more is
 * fetched; otherwise one more history request covers them. When the history cannot give them (the
 * data starts later, or the plan's retention answers 402 `retention_exceeded`), the target is judged
 * on lifetime totals and a caveat says why.
 * @module
 */
import {
  createdBaselineDay,
  targetEndDay,
  type ViewsSinceCreated,
  viewsSinceCreated,
} from "../analysis/campaign-target.js";
import { addDays, type DayRange } from "../analysis/dates.js";
import { formatInt } from "../analysis/format.js";
import type { DatedValue } from "../analysis/inputs.js";
import type { CampaignData } from "./campaign-data.js";
import { isRetentionExceeded } from "./fetch.js";
import type { WorkflowRun } from "./run.js";

export interface SinceCreated {
  /** The views gained since created; `null` when they could not be measured. */
  since_created: ViewsSinceCreated | null;
  /** Why they could not, in words; `null` when they were. */
  reason: string | null;
}

/** Cumulative views of the campaign at each day's end over exactly `days`, on whichever API generation answers. */
function fetchViewsHistory(run: WorkflowRun, campaignId: string, days: DayRange): Promise<DatedValue[]> {
  return run.stats(
    async () => {
      const s = await run.client.campaigns.stats(campaignId, days, run.requestOptions);
      return s.history.map((h) => ({ date: h.date, value: h.view_count }));
    },
    async () => {
      const query = {
        entity: "campaign",
        entity_id: campaignId,
        metric: "views",
        mode: "cumulative",
      } as const;
      const a = await run.client.analytics.get({ ...query, ...days }, run.requestOptions);
      return a.series.flatMap((p) => (p.value === null ? [] : [{ date: p.bucket_start, value: p.value }]));
    },
  );
}

/**
 * Measures the views gained since the campaign was created, spending at most one request, and adds
 * the caveat when the target has to be judged on lifetime totals instead.
 */
export async function measureSinceCreated(
  run: WorkflowRun,
  data: CampaignData,
  range: DayRange,
  lifetimeViews: number,
): Promise<SinceCreated> {
  const { campaign } = data;
  // Without a target nothing is judged, so no request is spent on it.
  if (campaign.target_views === null || campaign.target_views <= 0)
    return { since_created: null, reason: "the campaign has no view target" };
  const result = await measure(run, data, range, lifetimeViews);
  if (result.since_created === null) {
    run.caveats.add(
      "lifetime_basis",
      `The target of ${campaign.name} is judged on lifetime totals (${formatInt(lifetimeViews)} views, including ` +
        `views its videos had before the campaign was created on ${campaign.created_at.slice(0, 10)}) because ` +
        `${result.reason}; it may read as further along than the campaign really got.`,
    );
  }
  return result;
}

async function measure(
  run: WorkflowRun,
  data: CampaignData,
  range: DayRange,
  lifetimeViews: number,
): Promise<SinceCreated> {
  const { campaign } = data;
  const baselineDay = createdBaselineDay(campaign.created_at);
  if (baselineDay === null)
    return { since_created: null, reason: `its created_at (${campaign.created_at}) is not a date` };
  const endDay = targetEndDay(campaign.target_at, run.asOfMs);
  const known = new Set(data.views.map((p) => p.date));
  const missing = [baselineDay, endDay].filter((d): d is string => d !== null && !known.has(d)).sort();
  let history: readonly DatedValue[] = data.views;
  if (missing.length > 0) {
    const first = data.views[0]?.date;
    // The history was asked for from the day before the range; starting later, it has nothing earlier.
    if (first !== undefined && first > addDays(range.from, -1) && missing.every((d) => d < first)) {
      return {
        since_created: null,
        reason: `its views history does not reach back to ${missing[0]} (it starts on ${first})`,
      };
    }
    try {
      const fetched = await fetchViewsHistory(run, campaign.id, { from: missing[0]!, to: missing.at(-1)! });
      history = [...fetched, ...data.views];
    } catch (err) {
      if (!isRetentionExceeded(err)) throw err;
      return {
        since_created: null,
        reason: `the plan's history does not reach back to ${missing[0]} (402 retention_exceeded)`,
      };
    }
  }
  const since = viewsSinceCreated(history, campaign, lifetimeViews, run.asOfMs);
  if (since !== null) return { since_created: since, reason: null };
  const lacking = [
    history.some((p) => p.date === baselineDay) ? null : `${baselineDay} (the day before it was created)`,
    endDay === null || history.some((p) => p.date === endDay) ? null : `${endDay} (target_at's day)`,
  ].filter((d) => d !== null);
  return { since_created: null, reason: `its views history has no value for ${lacking.join(" or ")}` };
}
