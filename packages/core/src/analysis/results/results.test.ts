/**
 * Each analysis result type IS the inferred type of the schema its report embeds (one definition), so a
 * field added to an analysis result without its schema field is a compile error: before, a hand-written
 * interface mirrored each schema, and a new field was silently stripped by the report's schema while
 * tsc stayed clean. The checks here are types: `tsc --noEmit` (which covers test files) fails on them.
 */
import { describe, expect, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import type {
  CampaignComparisonRow,
  CampaignTotalsLike,
  CannotJudge,
  Concentration,
  ContentAnalysis,
  CreatorContentRow,
  CreatorEvaluation,
  CreatorTrendAnalysis,
  DatedValue,
  LifetimeTotals,
  OutlierVideo,
  OverPostingIncident,
  OverPostingWarning,
  Pacing,
  PostingCell,
  PostingPattern,
  RankedVideo,
  SeriesGrowth,
  TargetBasis,
  TargetProgress,
  TargetStatus,
  TrendDirection,
  TrendWeek,
  UnconfirmedOverPostingDay,
  UnderperformanceReason,
  UnderperformerAnalysis,
} from "../index.js";
import { pacing } from "../index.js";
import type {
  BacklogEntrySchema,
  CampaignLifetimeSchema,
  CampaignSeriesComparisonSchema,
  CannotJudgeCreatorSchema,
  CannotJudgeSchema,
  ConcentrationSchema,
  ContentSummarySchema,
  CreatorContentRowSchema,
  CreatorEvaluationSchema,
  CreatorTrendSeriesSchema,
  DatedValueSchema,
  GapsSchema,
  OutlierVideoSchema,
  OverPostingIncidentSchema,
  OverPostingWarningSchema,
  PacingSchema,
  PostingCellSchema,
  PostingPatternSchema,
  ProjectBaselineSchema,
  pacingSchema,
  RankedVideoSchema,
  SeriesGrowthSchema,
  StaleCreatorSchema,
  seriesGrowthSchema,
  TargetProgressSchema,
  TotalsSchema,
  TrendDirectionSchema,
  TrendWeekSchema,
  UnconfirmedOverPostingDaySchema,
  UnderperformanceReasonSchema,
} from "./parts.js";

describe("analysis result types are their schemas' inferred types", () => {
  it("pacing and trends", () => {
    expectTypeOf<DatedValue>().toEqualTypeOf<z.infer<typeof DatedValueSchema>>();
    expectTypeOf<TrendDirection>().toEqualTypeOf<z.infer<typeof TrendDirectionSchema>>();
    expectTypeOf<Pacing>().toEqualTypeOf<z.infer<typeof PacingSchema>>();
    // The unit only changes the descriptions, never the shape.
    expectTypeOf<Pacing>().toEqualTypeOf<z.infer<ReturnType<typeof pacingSchema>>>();
    expectTypeOf<SeriesGrowth>().toEqualTypeOf<z.infer<typeof SeriesGrowthSchema>>();
    expectTypeOf<SeriesGrowth>().toEqualTypeOf<z.infer<ReturnType<typeof seriesGrowthSchema>>>();
    expectTypeOf<TrendWeek>().toEqualTypeOf<z.infer<typeof TrendWeekSchema>>();
    expectTypeOf<Omit<CreatorTrendAnalysis, "range" | "highlights">>().toEqualTypeOf<
      z.infer<typeof CreatorTrendSeriesSchema>
    >();
  });

  it("campaigns: totals, concentration, comparison, target", () => {
    expectTypeOf<CampaignTotalsLike>().toEqualTypeOf<z.infer<typeof TotalsSchema>>();
    expectTypeOf<Concentration>().toEqualTypeOf<z.infer<typeof ConcentrationSchema>>();
    expectTypeOf<LifetimeTotals>().toEqualTypeOf<z.infer<typeof CampaignLifetimeSchema>>();
    expectTypeOf<CampaignComparisonRow>().toEqualTypeOf<z.infer<typeof CampaignSeriesComparisonSchema>>();
    expectTypeOf<TargetProgress>().toEqualTypeOf<z.infer<typeof TargetProgressSchema>>();
    expectTypeOf<TargetStatus>().toEqualTypeOf<z.infer<typeof TargetProgressSchema>["status"]>();
    expectTypeOf<TargetBasis>().toEqualTypeOf<z.infer<typeof TargetProgressSchema>["basis"]>();
  });

  it("content: ranked videos, creators, outliers, posting pattern", () => {
    expectTypeOf<RankedVideo>().toEqualTypeOf<z.infer<typeof RankedVideoSchema>>();
    expectTypeOf<CreatorContentRow>().toEqualTypeOf<z.infer<typeof CreatorContentRowSchema>>();
    expectTypeOf<OutlierVideo>().toEqualTypeOf<z.infer<typeof OutlierVideoSchema>>();
    expectTypeOf<PostingCell>().toEqualTypeOf<z.infer<typeof PostingCellSchema>>();
    expectTypeOf<PostingPattern>().toEqualTypeOf<z.infer<typeof PostingPatternSchema>>();
    expectTypeOf<Omit<ContentAnalysis, "outliers" | "pending_review">>().toEqualTypeOf<
      z.infer<typeof ContentSummarySchema>
    >();
  });

  it("underperformers and over-posting", () => {
    expectTypeOf<UnderperformanceReason>().toEqualTypeOf<z.infer<typeof UnderperformanceReasonSchema>>();
    expectTypeOf<CannotJudge>().toEqualTypeOf<z.infer<typeof CannotJudgeSchema>>();
    expectTypeOf<CreatorEvaluation>().toEqualTypeOf<z.infer<typeof CreatorEvaluationSchema>>();
    expectTypeOf<UnderperformerAnalysis["baselines"][number]>().toEqualTypeOf<
      z.infer<typeof ProjectBaselineSchema>
    >();
    expectTypeOf<UnderperformerAnalysis["posting_gaps"]>().toEqualTypeOf<z.infer<typeof GapsSchema>>();
    expectTypeOf<UnderperformerAnalysis["stale_creators"][number]>().toEqualTypeOf<
      z.infer<typeof StaleCreatorSchema>
    >();
    expectTypeOf<UnderperformerAnalysis["backlog"][number]>().toEqualTypeOf<
      z.infer<typeof BacklogEntrySchema>
    >();
    expectTypeOf<UnderperformerAnalysis["cannot_judge"][number]>().toEqualTypeOf<
      z.infer<typeof CannotJudgeCreatorSchema>
    >();
    expectTypeOf<OverPostingIncident>().toEqualTypeOf<z.infer<typeof OverPostingIncidentSchema>>();
    expectTypeOf<OverPostingWarning>().toEqualTypeOf<z.infer<typeof OverPostingWarningSchema>>();
    expectTypeOf<UnconfirmedOverPostingDay>().toEqualTypeOf<
      z.infer<typeof UnconfirmedOverPostingDaySchema>
    >();
  });
});

describe("the original bug: a field the schema lacks", () => {
  it("cannot be returned as an analysis result (tsc rejects the object literal)", () => {
    const withExtra = (): Pacing => ({
      ...pacing([]),
      // @ts-expect-error `trend` is not a field of PacingSchema, so not of Pacing: add it to the schema first.
      trend: "up",
    });
    // At run time the literal is built as written; the compiler is what keeps it out of the report.
    expect(withExtra()).toMatchObject({ day_count: 0, gained: null, trend: "up" });
  });

  it("cannot be added to a nested part either", () => {
    const evaluation = (check: UnderperformanceReason): Pick<CreatorEvaluation, "cannot_judge"> => ({
      cannot_judge: [
        {
          check,
          reason: "no follower count",
          // @ts-expect-error `since` is not a field of CannotJudgeSchema.
          since: "2026-03-01",
        },
      ],
    });
    expect(evaluation("low_views_per_post").cannot_judge).toHaveLength(1);
  });
});
