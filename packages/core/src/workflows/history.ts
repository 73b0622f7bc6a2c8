/**
 * Cumulative histories from `/analytics` for the gains over a range: asked for from the baseline day
 * `from − 1` (see the baseline rule in analysis/campaign-performance.ts), so the range's first day has
 * a gain of its own.
 * @module
 */
import { baselineSeries } from "../analysis/campaign-performance.js";
import type { DayRange } from "../analysis/dates.js";
import type { DatedValue } from "../analysis/inputs.js";
import type { WorkflowRun } from "./run.js";

/**
 * One cumulative `/analytics` series (day buckets) from the baseline day `from − 1` through `to`,
 * cut with {@link baselineSeries}; days without data (`value: null`) are left out.
 */
export async function cumulativeAnalytics(
  run: WorkflowRun,
  query: { entity: "campaign" | "creator"; entity_id: string; metric: "views" | "followers" },
  range: DayRange,
): Promise<DatedValue[]> {
  const a = await run.fromBaseline(range, (r) =>
    run.client.analytics.get({ ...query, mode: "cumulative", from: r.from, to: r.to }, run.requestOptions),
  );
  const out: DatedValue[] = [];
  for (const p of a.series) if (p.value !== null) out.push({ date: p.bucket_start, value: p.value });
  return baselineSeries(out, range);
}
