/**
 * Record types are closed to typos and open to a newer API (see pass-through.ts). The type half is
 * checked by tsc: each `@ts-expect-error` line fails the build if an index signature comes back (a
 * misspelt field would then read as `unknown` instead of failing), and `HasIndexSignature` is asserted
 * false for every record type. The runtime half checks that unknown fields still reach the caller.
 */
import { describe, expect, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import { makeCreator, makeVideo, samples } from "../test-helpers/fixtures.js";
import type {
  AggregateMeta,
  Analytics,
  Annotation,
  PostingHeatmapCell,
  SeriesPoint,
  VideoLeaderboardRow,
} from "./analytics.js";
import type { ApiSchema } from "./api-schema.js";
import { Campaign, type CampaignItem } from "./campaign.js";
import { Creator } from "./creator.js";
import { type ErrorMeta, type ListMeta, listEnvelope } from "./envelope.js";
import type { Goal, GoalAdvisory, GoalCompliance, GoalComplianceEntry } from "./goals.js";
import type {
  PayoutAccrual,
  PayoutAssignment,
  PayoutMethod,
  PayoutPayment,
  PayoutStructure,
} from "./payouts.js";
import type { Project } from "./project.js";
import type { BulkUpdated, Deleted, Queued } from "./results.js";
import {
  CampaignStats,
  type CampaignTopCreator,
  type CampaignTopVideo,
  type CampaignTotals,
  CreatorStats,
  type DailyTotals,
  type VideoStats,
} from "./stats.js";
import { Video } from "./video.js";

/** `true` when any string key type-checks on `T`, i.e. `T` has a `[k: string]` index signature. */
type HasIndexSignature<T> = string extends keyof T ? true : false;

describe("record types (compile-time: tsc fails if an index signature comes back)", () => {
  it("a misspelt field on a record is a type error", () => {
    const creator = Creator.parse(makeCreator(1));
    const video = Video.parse(makeVideo(1));
    const campaign = Campaign.parse(samples.campaign);
    // @ts-expect-error typo for follower_count
    expect(creator.folower_count).toBeUndefined();
    // @ts-expect-error typo for view_count
    expect(video.view_cont).toBeUndefined();
    // @ts-expect-error typo for name (Campaign is a .transform of the reader)
    expect(campaign.nmae).toBeUndefined();
    // The real fields still read as their types.
    expectTypeOf(creator.follower_count).toEqualTypeOf<number>();
    expectTypeOf(campaign.name).toEqualTypeOf<string>();
  });

  it("a misspelt field on stats (StatsProvenance intersections) is a type error", () => {
    const stats = CreatorStats.parse({
      creator_id: "c1",
      from: "2026-03-01",
      to: "2026-03-02",
      history: [{ date: "2026-03-01", follower_count: 10, total_likes_count: 5, video_count: 1 }],
      total_video_views: [{ date: "2026-03-01", value: 100 }],
      posting_frequency: [{ week_start: "2026-02-23", video_count: 1 }],
    });
    // @ts-expect-error typo for total_video_views
    expect(stats.total_video_veiws).toBeUndefined();
    // @ts-expect-error typo for follower_count, on a nested row
    expect(stats.history[0]?.folower_count).toBeUndefined();
    expectTypeOf(stats.incomplete).toEqualTypeOf<string[] | undefined>();
    const campaignStats = { totals: {} } as CampaignStats;
    // @ts-expect-error typo for view_count
    expect(campaignStats.totals.veiw_count).toBeUndefined();
  });

  it("no record type has an index signature", () => {
    expectTypeOf<HasIndexSignature<Creator>>().toEqualTypeOf<false>();
    expectTypeOf<HasIndexSignature<Video>>().toEqualTypeOf<false>();
    expectTypeOf<HasIndexSignature<Campaign>>().toEqualTypeOf<false>();
    expectTypeOf<HasIndexSignature<CampaignItem>>().toEqualTypeOf<false>();
    expectTypeOf<HasIndexSignature<Project>>().toEqualTypeOf<false>();
    expectTypeOf<HasIndexSignature<Goal>>().toEqualTypeOf<false>();
    expectTypeOf<HasIndexSignature<GoalAdvisory>>().toEqualTypeOf<false>();
    expectTypeOf<HasIndexSignature<GoalComplianceEntry>>().toEqualTypeOf<false>();
    expectTypeOf<HasIndexSignature<GoalCompliance["creator"]>>().toEqualTypeOf<false>();
    expectTypeOf<HasIndexSignature<PayoutMethod>>().toEqualTypeOf<false>();
    expectTypeOf<HasIndexSignature<PayoutStructure>>().toEqualTypeOf<false>();
    expectTypeOf<HasIndexSignature<PayoutAssignment>>().toEqualTypeOf<false>();
    expectTypeOf<HasIndexSignature<PayoutAccrual>>().toEqualTypeOf<false>();
    expectTypeOf<HasIndexSignature<PayoutPayment>>().toEqualTypeOf<false>();
    expectTypeOf<HasIndexSignature<CreatorStats>>().toEqualTypeOf<false>();
    expectTypeOf<HasIndexSignature<CreatorStats["history"][number]>>().toEqualTypeOf<false>();
    expectTypeOf<HasIndexSignature<CampaignStats>>().toEqualTypeOf<false>();
    expectTypeOf<HasIndexSignature<VideoStats>>().toEqualTypeOf<false>();
    expectTypeOf<HasIndexSignature<CampaignTotals>>().toEqualTypeOf<false>();
    expectTypeOf<HasIndexSignature<CampaignTopVideo>>().toEqualTypeOf<false>();
    expectTypeOf<HasIndexSignature<CampaignTopCreator>>().toEqualTypeOf<false>();
    expectTypeOf<HasIndexSignature<DailyTotals>>().toEqualTypeOf<false>();
    expectTypeOf<HasIndexSignature<Analytics>>().toEqualTypeOf<false>();
    expectTypeOf<HasIndexSignature<Annotation>>().toEqualTypeOf<false>();
    expectTypeOf<HasIndexSignature<SeriesPoint>>().toEqualTypeOf<false>();
    expectTypeOf<HasIndexSignature<VideoLeaderboardRow>>().toEqualTypeOf<false>();
    expectTypeOf<HasIndexSignature<PostingHeatmapCell>>().toEqualTypeOf<false>();
    expectTypeOf<HasIndexSignature<z.infer<typeof AggregateMeta>>>().toEqualTypeOf<false>();
    expectTypeOf<HasIndexSignature<ErrorMeta>>().toEqualTypeOf<false>();
    expectTypeOf<HasIndexSignature<ListMeta>>().toEqualTypeOf<false>();
    expectTypeOf<HasIndexSignature<Deleted>>().toEqualTypeOf<false>();
    expectTypeOf<HasIndexSignature<Queued>>().toEqualTypeOf<false>();
    expectTypeOf<HasIndexSignature<BulkUpdated>>().toEqualTypeOf<false>();
    expectTypeOf<HasIndexSignature<ApiSchema>>().toEqualTypeOf<false>();
    expectTypeOf<HasIndexSignature<ApiSchema["entities"][string]>>().toEqualTypeOf<false>();
  });

  it("open maps stay maps", () => {
    expectTypeOf<Creator["metadata"]>().toEqualTypeOf<Record<string, unknown>>();
    expectTypeOf<HasIndexSignature<ApiSchema["entities"]>>().toEqualTypeOf<true>();
  });
});

describe("record types (runtime: unknown fields still pass through)", () => {
  it("Creator and Video keep a field this version does not know, readable through a cast", () => {
    const creator = Creator.parse(makeCreator(1, { brand_new_field: 42 }));
    expect((creator as Record<string, unknown>).brand_new_field).toBe(42);
    const video = Video.parse(makeVideo(1, { brand_new_field: "x" }));
    expect((video as Record<string, unknown>).brand_new_field).toBe("x");
  });

  it("Campaign's transform keeps it too", () => {
    const campaign = Campaign.parse({ ...samples.campaign, brand_new_field: true });
    expect((campaign as Record<string, unknown>).brand_new_field).toBe(true);
    // the transform's own work still happens: readme mirrored into description
    expect(campaign.description).toBe(samples.campaign.readme);
  });

  it("normalised stats keep unknown fields at the top and on nested rows", () => {
    const stats = CampaignStats.parse({
      campaign_id: "k1",
      from: "2026-03-01",
      to: "2026-03-01",
      totals: {
        view_count: 10,
        like_count: 1,
        comment_count: 0,
        share_count: 0,
        video_count: 1,
        creator_count: 1,
        reach: 7,
      },
      top_videos: [],
      top_creators: [],
      history: [{ date: "2026-03-01", view_count: 10, like_count: 1, comment_count: 0, share_count: 0 }],
      video_count_by_day: [{ date: "2026-03-01", count: 1 }],
      currency: "EUR",
    });
    expect((stats as Record<string, unknown>).currency).toBe("EUR");
    expect((stats.totals as Record<string, unknown>).reach).toBe(7);
  });

  it("list meta keeps unknown fields", () => {
    const page = listEnvelope(Creator).parse({
      data: [makeCreator(1)],
      error: null,
      meta: { nextCursor: null, hasMore: false, total: 1 },
    });
    expect((page.meta as Record<string, unknown>).total).toBe(1);
  });
});
