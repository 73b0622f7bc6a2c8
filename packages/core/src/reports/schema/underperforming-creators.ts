/** Report of {@link runUnderperformingCreators}: flagged creators with their reasons, gaps and stale data. @module */
import { z } from "zod";
import {
  BacklogEntry,
  CannotJudgeCreator,
  CreatorEvaluation,
  Gaps,
  ProjectBaseline,
  StaleCreator,
  UnderperformanceReason,
} from "../../analysis/results/underperformers.js";
import { ReportMeta } from "./meta.js";

const Int = z.number().int().nonnegative();

export const UnderperformingCreatorsReport = z.object({
  kind: z.literal("underperforming_creators").describe("The report kind."),
  meta: ReportMeta.describe(
    "When, over what range and from what data the report was computed, with its caveats.",
  ),
  project_id: z.string().describe("The project screened."),
  evaluated_count: Int.describe("Creators of the project evaluated."),
  underperformer_count: Int.describe(
    "Creators flagged, all of them; `underperformers` may list fewer (limit).",
  ),
  underperformers: z
    .array(CreatorEvaluation)
    .describe("Flagged creators, most severe first (furthest below the project norm), cut to `limit`."),
  reason_counts: z
    .record(UnderperformanceReason, Int)
    .describe("Flagged creators per reason (a creator can have several reasons)."),
  baselines: z.array(ProjectBaseline).describe("The project norm low_views_per_post is judged against."),
  posting_gaps: Gaps,
  stale_creators: z
    .array(StaleCreator)
    .describe(
      "Creators last scraped more than 12 h before the analysis instant (or never): their counters may lag.",
    ),
  backlog: z
    .array(BacklogEntry)
    .describe(
      "The Tracking Inbox backlog, most first: creators with posts of the range waiting for review (selective mode). " +
        "They are the team's to review: such a creator is not called not_posting, and a week with one is no gap.",
    ),
  cannot_judge: z
    .array(CannotJudgeCreator)
    .describe(
      "Creators some checks could not be made for, by handle: no follower count (not ranked on views per follower), " +
        "or tracked for under 14 days (not judged on not posting).",
    ),
  highlights: z.array(z.string()).describe("The findings in plain sentences, most important first."),
  evaluations: z
    .array(CreatorEvaluation)
    .optional()
    .describe(
      "Every evaluated creator's figures, flagged or not, by handle; present only with include_all_creators.",
    ),
});
export type UnderperformingCreatorsReport = z.infer<typeof UnderperformingCreatorsReport>;
