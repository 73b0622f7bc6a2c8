/**
 * Every analysis result part survives its report schema whole: parsing the real output of the analyses
 * on a small fixture gives back exactly what went in. A field an analysis returns that its schema lacks
 * would be stripped by the parse and fail here (the run-time side of results.test.ts).
 */
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { creator, dailyPosts, video } from "../../test-helpers/analysis-fixtures.js";
import {
  analyzeContent,
  analyzeCreatorTrendSeries,
  compareCampaignSeries,
  concentration,
  findOutliers,
  findOverPosting,
  findUnderperformers,
  pacing,
  targetProgress,
  totalsFromVideos,
  viewsByCreator,
  viewsSinceCreated,
  weeklyPostsFromVideos,
} from "../index.js";
import {
  BacklogEntry,
  CampaignSeriesComparison,
  CannotJudgeCreator,
  Concentration,
  ContentSummary,
  CreatorContentRow,
  CreatorEvaluation,
  CreatorTrendSeries,
  DatedValue,
  Gaps,
  LifetimeTotals,
  OutlierVideo,
  OverPostingIncident,
  OverPostingWarning,
  Pacing,
  PostingCell,
  PostingPattern,
  ProjectBaseline,
  RankedVideo,
  SeriesGrowth,
  StaleCreator,
  TargetProgress,
  Totals,
  TrendWeek,
  UnconfirmedOverPostingDay,
} from "./parts.js";

const AS_OF = "2026-03-15T12:00:00Z";
const RANGE = { from: "2026-03-02", to: "2026-03-15" };

/** The schema keeps every field of every item: parse(x) is x, deeply. */
function expectWhole<T>(schema: z.ZodType<T>, values: readonly T[]): void {
  expect(values.length).toBeGreaterThan(0);
  for (const value of values) expect(schema.parse(value)).toStrictEqual(value);
}

/** A cumulative series from the baseline day 2026-03-01 to 2026-03-15, growing by `step` a day. */
function cumulative(start: number, step: number): DatedValue[] {
  return Array.from({ length: 15 }, (_, i) => ({
    date: `2026-03-${String(i + 1).padStart(2, "0")}`,
    value: start + step * i + (i > 7 ? step * (i - 7) : 0),
  }));
}

describe("campaign parts", () => {
  const history = cumulative(1000, 100);
  // c1 posts daily (one 50,000-view hit 10 days ago), c2 every day for a week.
  const videos = [
    ...dailyPosts("c1", "2026-03-15", 14, { view_count: 200, like_count: 10 }),
    video({ id: "hit", creator_id: "c1", posted_at: "2026-03-05T12:00:00Z", view_count: 50_000 }),
    ...dailyPosts("c2", "2026-03-08", 7, { view_count: 100 }),
  ];

  it("pacing, totals, concentration", () => {
    const p = pacing(history, { range: RANGE });
    expect(p.daily).toHaveLength(14);
    expectWhole(Pacing, [p, pacing(history.slice(3), { range: RANGE })]);
    expectWhole(DatedValue, p.daily);
    const totals = totalsFromVideos(videos);
    expectWhole(Totals, [totals]);
    const tops = videos.map((v) => ({ id: v.id, view_count: v.view_count }));
    expectWhole(Concentration, [
      concentration(tops, viewsByCreator(videos), totals.view_count),
      concentration([], [], 0),
    ]);
  });

  it("comparison rows and their lifetime totals", () => {
    const rows = compareCampaignSeries(
      [
        { campaign_id: "a", name: "A", views: history, totals: totalsFromVideos(videos) },
        { campaign_id: "b", name: "B", views: history.slice(5), totals: totalsFromVideos([]) },
      ],
      RANGE,
    );
    expectWhole(CampaignSeriesComparison, rows);
    expectWhole(
      LifetimeTotals,
      rows.map((r) => r.lifetime),
    );
  });

  it("target progress, judged since created and on lifetime", () => {
    const lifetime = totalsFromVideos(videos).view_count;
    const campaign = { created_at: "2026-03-05T09:00:00Z", target_at: "2026-04-01T00:00:00Z" };
    const since = viewsSinceCreated(history, campaign, lifetime, AS_OF);
    expect(since).not.toBeNull();
    const pace = pacing(history, { range: RANGE }).recent_per_day;
    expectWhole(TargetProgress, [
      targetProgress(
        {
          target_views: 60_000,
          target_at: campaign.target_at,
          lifetime_views: lifetime,
          since_created: since,
          pace_per_day: pace,
        },
        AS_OF,
      ),
      targetProgress(
        { target_views: null, target_at: null, lifetime_views: lifetime, pace_per_day: null },
        AS_OF,
      ),
    ]);
  });

  it("content: summary, ranked videos, creators, posting pattern, outliers", () => {
    const creators = [creator({ id: "c1" }), creator({ id: "c2" })];
    const content = analyzeContent(videos, creators, AS_OF);
    const { outliers: _outliers, pending_review: _pending, ...summary } = content;
    expectWhole(ContentSummary, [summary]);
    expectWhole(RankedVideo, [...content.top_videos, ...content.bottom_videos]);
    expectWhole(CreatorContentRow, content.creators);
    expect(content.posting_pattern.best).not.toBeNull();
    expectWhole(PostingPattern, [content.posting_pattern]);
    expectWhole(PostingCell, content.posting_pattern.cells);
    // c1's hit: 50,000 views against a median of 200, among videos at least 7 days old.
    const outliers = findOutliers(videos, AS_OF).outliers;
    expect(outliers.map((o) => o.video_id)).toEqual(["hit"]);
    expectWhole(OutlierVideo, outliers);
  });
});

describe("creator trend parts", () => {
  it("series growth, weeks and the trend figures", () => {
    const posts = dailyPosts("c1", "2026-03-15", 10);
    const trend = analyzeCreatorTrendSeries({
      range: RANGE,
      followers: cumulative(5000, 20),
      views: cumulative(80_000, 900).slice(2),
      weeklyPosts: weeklyPostsFromVideos(posts, RANGE),
    });
    const { range: _range, highlights: _highlights, ...series } = trend;
    expectWhole(CreatorTrendSeries, [series]);
    expectWhole(SeriesGrowth, [trend.followers, trend.views]);
    expectWhole(TrendWeek, trend.weeks);
  });
});

describe("underperformer parts", () => {
  // Default window: the 30 days to 2026-03-15, full ISO weeks from Monday 2026-02-16.
  const creators = [
    creator({ id: "good", created_at: "2025-12-01T00:00:00Z" }),
    creator({ id: "quiet", created_at: "2025-12-01T00:00:00Z", last_scraped_at: null }),
    creator({ id: "gappy", created_at: "2025-12-01T00:00:00Z" }),
    creator({ id: "nofollow", follower_count: 0, created_at: "2025-12-01T00:00:00Z" }),
    creator({ id: "fresh", created_at: "2026-03-10T00:00:00Z" }),
  ];
  const videos = [
    ...dailyPosts("good", "2026-03-14", 28, { view_count: 5000 }),
    ...dailyPosts("quiet", "2026-01-20", 5, { view_count: 5000 }),
    ...dailyPosts("gappy", "2026-02-20", 3, { view_count: 100 }),
    video({ creator_id: "gappy", posted_at: "2026-03-03T12:00:00Z", tracking_status: "pending_review" }),
    ...dailyPosts("nofollow", "2026-03-10", 10, { view_count: 300 }),
  ];
  const a = findUnderperformers(creators, videos, AS_OF);

  it("evaluations and every project-level list", () => {
    expect(a.underperformers.length).toBeGreaterThan(0);
    expectWhole(CreatorEvaluation, a.evaluations);
    expectWhole(ProjectBaseline, a.baselines);
    expectWhole(Gaps, [a.posting_gaps]);
    expect(a.posting_gaps.map((g) => g.creator_id)).toContain("gappy");
    expectWhole(StaleCreator, a.stale_creators);
    expectWhole(BacklogEntry, a.backlog);
    expectWhole(CannotJudgeCreator, a.cannot_judge);
  });
});

describe("over-posting parts", () => {
  /** `n` posts of `creatorId` on `day` from 01:00, the first `low` under 100 views. */
  const burst = (creatorId: string, day: string, n: number, low: number, scraped: string | null) =>
    Array.from({ length: n }, (_, i) =>
      video({
        creator_id: creatorId,
        posted_at: `${day}T${String(i + 1).padStart(2, "0")}:00:00Z`,
        view_count: i < low ? 50 : 5000,
        last_scraped_at: scraped,
      }),
    );
  const r = findOverPosting(
    [
      ...burst("burst", "2026-03-10", 7, 2, AS_OF),
      ...burst("burst", "2026-03-01", 2, 0, AS_OF),
      ...burst("close", "2026-03-15", 5, 0, AS_OF),
      ...burst("early", "2026-03-12", 7, 2, null),
    ],
    AS_OF,
  );

  it("incidents, warnings and unconfirmed days", () => {
    expectWhole(OverPostingIncident, r.incidents);
    expectWhole(OverPostingWarning, r.warnings);
    expectWhole(UnconfirmedOverPostingDay, r.unconfirmed);
  });
});
