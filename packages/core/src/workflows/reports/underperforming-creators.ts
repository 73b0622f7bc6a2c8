/** Report of {@link findUnderperformingCreators}: flagged creators with their reasons, gaps and stale data. @module */
import { z } from "zod";
import { ReportMeta } from "./meta.js";
import { CreatorEvaluationSchema, GapsSchema, UnderperformanceReasonSchema } from "./parts.js";

const Int = z.number().int().nonnegative();

export const UnderperformingCreatorsReport = z.object({
  kind: z.literal("underperforming_creators"),
  meta: ReportMeta,
  project_id: z.string(),
  evaluated: Int,
  /** All flagged creators; `underperformers` may be cut to `limit`. */
  total_underperformers: Int,
  underperformers: z.array(CreatorEvaluationSchema),
  reason_counts: z.record(UnderperformanceReasonSchema, Int),
  baselines: z.array(
    z.object({
      project_id: z.string(),
      baseline_views_per_follower: z.number().nullable(),
      creators_with_data: Int,
    }),
  ),
  posting_gaps: GapsSchema,
  stale_creators: z.array(z.object({ creator_id: z.string(), last_scraped_at: z.string().nullable() })),
  highlights: z.array(z.string()),
});
export type UnderperformingCreatorsReport = z.infer<typeof UnderperformingCreatorsReport>;
