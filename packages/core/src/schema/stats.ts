/**
 * First-generation stats (api-contract A.3): per-creator, per-campaign and per-video time series.
 * With `--api-generation current` these routes answer 410 and `/analytics` replaces them.
 */
import { z } from "zod";
import { Count, Day, Id, Timestamp } from "./primitives.js";

export const CreatorStats = z.looseObject({
  creator_id: Id,
  from: Day,
  to: Day,
  /** One profile snapshot per day (carried forward); days before the first snapshot are absent. */
  history: z.array(
    z.looseObject({
      date: Day,
      follower_count: Count,
      total_likes_count: Count,
      video_count: Count,
    }),
  ),
  /** Cumulative views of the creator's counted videos at each day's end. */
  total_video_views: z.array(z.looseObject({ date: Day, value: Count })),
  /** Counted posts per ISO week (Monday start); zero weeks included, which is how gaps show. */
  posting_frequency: z.array(z.looseObject({ week_start: Day, video_count: Count })),
});
export type CreatorStats = z.infer<typeof CreatorStats>;

export const CampaignTotals = z.looseObject({
  view_count: Count,
  like_count: Count,
  comment_count: Count,
  share_count: Count,
  save_count: Count.default(0),
  video_count: Count,
  creator_count: Count,
});
export type CampaignTotals = z.infer<typeof CampaignTotals>;

export const CampaignTopVideo = z.looseObject({
  id: Id,
  creator_id: Id.nullable(),
  tiktok_handle: z.string().nullable(),
  title: z.string().nullable(),
  url: z.string(),
  posted_at: Timestamp,
  view_count: Count,
  like_count: Count,
  comment_count: Count,
  share_count: Count,
});
export type CampaignTopVideo = z.infer<typeof CampaignTopVideo>;

export const CampaignTopCreator = z.looseObject({
  id: Id,
  tiktok_handle: z.string(),
  video_count: Count,
  view_count: Count,
});
export type CampaignTopCreator = z.infer<typeof CampaignTopCreator>;

export const DailyTotals = z.looseObject({
  date: Day,
  view_count: Count,
  like_count: Count,
  comment_count: Count,
  share_count: Count,
});
export type DailyTotals = z.infer<typeof DailyTotals>;

/** Recursive over sub-campaigns; each counted video once. */
export const CampaignStats = z.looseObject({
  campaign_id: Id,
  from: Day,
  to: Day,
  totals: CampaignTotals,
  top_videos: z.array(CampaignTopVideo),
  top_creators: z.array(CampaignTopCreator),
  /** Cumulative daily totals. */
  history: z.array(DailyTotals),
  /** Videos posted each day of the range. */
  video_count_by_day: z.array(z.looseObject({ date: Day, count: Count })),
});
export type CampaignStats = z.infer<typeof CampaignStats>;

/**
 * `GET /videos/{id}/stats`. The public docs leave the shape open; goatkit's decision: without `metric`,
 * a cumulative daily history; with `metric=`, a derived series (`value` null where undefined).
 */
export const VideoStats = z.looseObject({
  video_id: Id,
  from: Day,
  to: Day,
  history: z
    .array(
      z.looseObject({
        date: Day,
        view_count: Count,
        like_count: Count,
        comment_count: Count,
        share_count: Count,
        save_count: Count.default(0),
      }),
    )
    .optional(),
  metric: z.string().optional(),
  unit: z.string().optional(),
  series: z.array(z.looseObject({ date: Day, value: z.number().nullable() })).optional(),
});
export type VideoStats = z.infer<typeof VideoStats>;
