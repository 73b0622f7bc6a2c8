/**
 * Each analysis result type IS the inferred type of the schema its report embeds (one definition), so a
 * field added to an analysis result without its schema field is a compile error: before, a hand-written
 * interface mirrored each schema, and a new field was silently stripped by the report's schema while
 * tsc stayed clean. The checks here are types: `tsc --noEmit` (which covers test files) fails on them.
 */
import { describe, expect, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import type {
  CampaignSeriesComparison,
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
import type * as schemas from "./parts.js";

describe("analysis result types are their schemas' inferred types", () => {
  it("pacing and trends", () => {
    expectTypeOf<DatedValue>().toEqualTypeOf<z.infer<typeof schemas.DatedValue>>();
    expectTypeOf<TrendDirection>().toEqualTypeOf<z.infer<typeof schemas.TrendDirection>>();
    expectTypeOf<Pacing>().toEqualTypeOf<z.infer<typeof schemas.Pacing>>();
    // The unit only changes the descriptions, never the shape.
    expectTypeOf<Pacing>().toEqualTypeOf<z.infer<ReturnType<typeof schemas.pacingSchema>>>();
    expectTypeOf<SeriesGrowth>().toEqualTypeOf<z.infer<typeof schemas.SeriesGrowth>>();
    expectTypeOf<SeriesGrowth>().toEqualTypeOf<z.infer<ReturnType<typeof schemas.seriesGrowthSchema>>>();
    expectTypeOf<TrendWeek>().toEqualTypeOf<z.infer<typeof schemas.TrendWeek>>();
    expectTypeOf<Omit<CreatorTrendAnalysis, "range" | "highlights">>().toEqualTypeOf<
      z.infer<typeof schemas.CreatorTrendSeries>
    >();
  });

  it("campaigns: totals, concentration, comparison, target", () => {
    expectTypeOf<CampaignTotalsLike>().toEqualTypeOf<z.infer<typeof schemas.Totals>>();
    expectTypeOf<Concentration>().toEqualTypeOf<z.infer<typeof schemas.Concentration>>();
    expectTypeOf<LifetimeTotals>().toEqualTypeOf<z.infer<typeof schemas.LifetimeTotals>>();
    expectTypeOf<CampaignSeriesComparison>().toEqualTypeOf<
      z.infer<typeof schemas.CampaignSeriesComparison>
    >();
    expectTypeOf<TargetProgress>().toEqualTypeOf<z.infer<typeof schemas.TargetProgress>>();
    expectTypeOf<TargetStatus>().toEqualTypeOf<z.infer<typeof schemas.TargetProgress>["status"]>();
    expectTypeOf<TargetBasis>().toEqualTypeOf<z.infer<typeof schemas.TargetProgress>["basis"]>();
  });

  it("content: ranked videos, creators, outliers, posting pattern", () => {
    expectTypeOf<RankedVideo>().toEqualTypeOf<z.infer<typeof schemas.RankedVideo>>();
    expectTypeOf<CreatorContentRow>().toEqualTypeOf<z.infer<typeof schemas.CreatorContentRow>>();
    expectTypeOf<OutlierVideo>().toEqualTypeOf<z.infer<typeof schemas.OutlierVideo>>();
    expectTypeOf<PostingCell>().toEqualTypeOf<z.infer<typeof schemas.PostingCell>>();
    expectTypeOf<PostingPattern>().toEqualTypeOf<z.infer<typeof schemas.PostingPattern>>();
    expectTypeOf<Omit<ContentAnalysis, "outliers" | "pending_review">>().toEqualTypeOf<
      z.infer<typeof schemas.ContentSummary>
    >();
  });

  it("underperformers and over-posting", () => {
    expectTypeOf<UnderperformanceReason>().toEqualTypeOf<z.infer<typeof schemas.UnderperformanceReason>>();
    expectTypeOf<CannotJudge>().toEqualTypeOf<z.infer<typeof schemas.CannotJudge>>();
    expectTypeOf<CreatorEvaluation>().toEqualTypeOf<z.infer<typeof schemas.CreatorEvaluation>>();
    expectTypeOf<UnderperformerAnalysis["baselines"][number]>().toEqualTypeOf<
      z.infer<typeof schemas.ProjectBaseline>
    >();
    expectTypeOf<UnderperformerAnalysis["posting_gaps"]>().toEqualTypeOf<z.infer<typeof schemas.Gaps>>();
    expectTypeOf<UnderperformerAnalysis["stale_creators"][number]>().toEqualTypeOf<
      z.infer<typeof schemas.StaleCreator>
    >();
    expectTypeOf<UnderperformerAnalysis["backlog"][number]>().toEqualTypeOf<
      z.infer<typeof schemas.BacklogEntry>
    >();
    expectTypeOf<UnderperformerAnalysis["cannot_judge"][number]>().toEqualTypeOf<
      z.infer<typeof schemas.CannotJudgeCreator>
    >();
    expectTypeOf<OverPostingIncident>().toEqualTypeOf<z.infer<typeof schemas.OverPostingIncident>>();
    expectTypeOf<OverPostingWarning>().toEqualTypeOf<z.infer<typeof schemas.OverPostingWarning>>();
    expectTypeOf<UnconfirmedOverPostingDay>().toEqualTypeOf<
      z.infer<typeof schemas.UnconfirmedOverPostingDay>
    >();
  });
});

describe("the original bug: a field the schema lacks", () => {
  it("cannot be returned as an analysis result (tsc rejects the object literal)", () => {
    const withExtra = (): Pacing => ({
      ...pacing([]),
      // @ts-expect-error `trend` is not a field of Pacing, so not of Pacing: add it to the schema first.
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
          // @ts-expect-error `since` is not a field of CannotJudge.
          since: "2026-03-01",
        },
      ],
    });
    expect(evaluation("low_views_per_post").cannot_judge).toHaveLength(1);
  });
});
