/**
 * First-generation stats (api-contract A.3): per-creator, per-campaign and per-video time series.
 * With `--api-generation current` these routes answer 410 and `/analytics` replaces them.
 *
 * The contract documents two shapes for each (Part A's decision and Part B's emulator defaults, §4.6,
 * §6.1, §5.2) plus a bare `{ series }` answer when a `metric` is asked for. The strict readers accept
 * Part A only; the tolerant readers accept all three and normalise to Part A's shape, so workflows see
 * one shape. What the other shapes do not carry is filled with a placeholder (0, "", []) and named in
 * `incomplete`: never compute on a field listed there.
 * @module
 */
import { z } from "zod";
import { Count, Day, Id, Timestamp } from "./primitives.js";
import { arrayOf, core, documented, readers } from "./readers.js";
import {
  CampaignStatsInput,
  CreatorStatsInput,
  normaliseCampaignStats,
  normaliseCreatorStats,
  normaliseVideoStats,
  VideoStatsInput,
} from "./stats-shapes.js";

/**
 * Where a normalised stats answer came from, and what it lacked. Absent on a Part A answer. A type, not
 * an interface, so a stats answer still casts to `Record<string, unknown>` to read unknown fields.
 */
export type StatsProvenance = {
  /** `part_b`: the docs' emulator-default shape; `series`: a bare `{ series }` answer. */
  source_shape?: "part_b" | "series" | undefined;
  /** Dotted paths of Part A fields the answer did not carry (filled with 0, "" or []). */
  incomplete?: string[] | undefined;
};

const dayValue = readers({ date: core(Day), value: core(Count) });

const creatorStats = readers({
  creator_id: core(Id),
  from: core(Day),
  to: core(Day),
  /** One profile snapshot per day (carried forward); days before the first snapshot are absent. */
  history: core(
    arrayOf(
      readers({
        date: core(Day),
        follower_count: core(Count),
        total_likes_count: core(Count),
        video_count: core(Count),
      }),
    ),
  ),
  /** Cumulative views of the creator's counted videos at each day's end. */
  total_video_views: core(arrayOf(dayValue)),
  /** Counted posts per ISO week (Monday start); zero weeks included, which is how gaps show. */
  posting_frequency: core(arrayOf(readers({ week_start: core(Day), video_count: core(Count) }))),
});

/** Part A's creator stats, every field required: for tests and the parity check. */
export const StrictCreatorStats = creatorStats.strict;
export type StrictCreatorStats = z.infer<typeof StrictCreatorStats>;
/** The Part A shape every tolerant answer is normalised to. */
export type CreatorStats = z.infer<typeof creatorStats.tolerant> & StatsProvenance;
/** Tolerant: Part A, Part B (§4.6) or `{ series }`, normalised to Part A. */
export const CreatorStats: z.ZodType<CreatorStats> = CreatorStatsInput.transform(normaliseCreatorStats);

const campaignTotals = readers({
  view_count: core(Count),
  like_count: core(Count),
  comment_count: core(Count),
  share_count: core(Count),
  save_count: documented(Count, 0),
  video_count: core(Count),
  creator_count: core(Count),
});
export const CampaignTotals = campaignTotals.tolerant;
export type CampaignTotals = z.infer<typeof CampaignTotals>;

const campaignTopVideo = readers({
  id: core(Id),
  creator_id: core(Id.nullable()),
  tiktok_handle: core(z.string().nullable()),
  title: core(z.string().nullable()),
  url: core(z.string()),
  posted_at: core(Timestamp),
  view_count: core(Count),
  like_count: core(Count),
  comment_count: core(Count),
  share_count: core(Count),
});
export const CampaignTopVideo = campaignTopVideo.tolerant;
export type CampaignTopVideo = z.infer<typeof CampaignTopVideo>;

const campaignTopCreator = readers({
  id: core(Id),
  tiktok_handle: core(z.string()),
  video_count: core(Count),
  view_count: core(Count),
});
export const CampaignTopCreator = campaignTopCreator.tolerant;
export type CampaignTopCreator = z.infer<typeof CampaignTopCreator>;

const dailyTotals = readers({
  date: core(Day),
  view_count: core(Count),
  like_count: core(Count),
  comment_count: core(Count),
  share_count: core(Count),
});
export const DailyTotals = dailyTotals.tolerant;
export type DailyTotals = z.infer<typeof DailyTotals>;

/** Recursive over sub-campaigns; each counted video once. */
const campaignStats = readers({
  campaign_id: core(Id),
  from: core(Day),
  to: core(Day),
  totals: core(campaignTotals),
  top_videos: core(arrayOf(campaignTopVideo)),
  top_creators: core(arrayOf(campaignTopCreator)),
  /** Cumulative daily totals. */
  history: core(arrayOf(dailyTotals)),
  /** Videos posted each day of the range. */
  video_count_by_day: core(arrayOf(readers({ date: core(Day), count: core(Count) }))),
});

export const StrictCampaignStats = campaignStats.strict;
export type StrictCampaignStats = z.infer<typeof StrictCampaignStats>;
export type CampaignStats = z.infer<typeof campaignStats.tolerant> & StatsProvenance;
/** Tolerant: Part A, Part B (§6.1) or `{ series }`, normalised to Part A. */
export const CampaignStats: z.ZodType<CampaignStats> = CampaignStatsInput.transform(normaliseCampaignStats);

/**
 * `GET /videos/{id}/stats`. The public docs leave the shape open; goatkit's decision: without `metric`,
 * a cumulative daily history; with `metric=`, a derived series (`value` null where undefined).
 */
const videoStats = readers({
  video_id: core(Id),
  from: core(Day),
  to: core(Day),
  history: documented(
    arrayOf(
      readers({
        date: core(Day),
        view_count: core(Count),
        like_count: core(Count),
        comment_count: core(Count),
        share_count: core(Count),
        save_count: documented(Count, 0),
      }),
    ),
  ),
  metric: documented(z.string()),
  unit: documented(z.string()),
  series: documented(arrayOf(readers({ date: core(Day), value: core(z.number().nullable()) }))),
});

/** Part A's video stats; `history` or `metric`/`unit`/`series` may be absent (one or the other is sent). */
export const StrictVideoStats = z.union([
  videoStats.strict.partial({ metric: true, unit: true, series: true }),
  videoStats.strict.partial({ history: true }),
]);
export type StrictVideoStats = z.infer<typeof StrictVideoStats>;
export type VideoStats = z.infer<typeof videoStats.tolerant> & StatsProvenance;
/** Tolerant: Part A or a bare `{ series }` (§5.2); the client fills `video_id`, `from`, `to` from the request. */
export const VideoStats: z.ZodType<VideoStats> = VideoStatsInput.transform(normaliseVideoStats);
