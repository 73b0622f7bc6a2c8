/**
 * Videos: turns planned posts into API records plus a row of the snapshot store each. A video's eventual
 * views scale with its creator's audience and performance, nudged by posting hour and weekday and by
 * bounded log-normal noise; viral videos and flops are far outside that noise on purpose. Engagement is
 * the creator's level with ±13 % per-video noise. Tracking status follows the creator's mode.
 */

import { DAY_MS, HOUR_MS, isCountedVideo } from "@goatkit/core/analysis";
import { type CreatorPlan, HOUR_WEIGHTS, type ProjectContext } from "./creators.js";
import { tiktokVideoId, uuid, videoUrl } from "./ids.js";
import { type CaptionPool, externalHandle, NICHES } from "./names.js";
import { videoNote } from "./notes.js";
import type { Rng } from "./prng.js";
import { type PlannedPost, VideoKind } from "./schedule.js";
import type { Snapshots, VideoStore } from "./snapshots.js";
import { iso, SECOND_MS, type Timeline } from "./time.js";
import type { TrackingStatus, VideoRecord } from "./types.js";

/** Posting in the evening peak earns up to +8 % views, in the small hours down to −8 %. */
const HOUR_BOOST = HOUR_WEIGHTS.map((w) => 0.92 + (0.16 * (w - 0.5)) / (3.9 - 0.5));
/** Midweek posts do slightly better than weekend ones (Monday first). */
const WEEKDAY_BOOST = [1, 1.03, 1.04, 1.03, 1, 0.96, 0.98];
/** Per-video view noise: log-normal, σ = 0.25, clamped at ±2σ. */
const VIEW_SIGMA = 0.25;

export interface VideoBuild {
  ctx: ProjectContext;
  store: VideoStore;
  snapshots: Snapshots;
  captions: CaptionPool;
  /** Issues unique TikTok ids: a world-wide counter and a seed-derived salt. */
  tiktokIds: { count: number; salt: number };
  /** Planted outliers, for the generator's own checks: video id → direction. */
  plantedOutliers: Map<string, "high" | "low">;
  /**
   * Creators (plan id → day index) whose posts of that day were last read about an hour after posting
   * and never since: an over-posting burst whose low counts stay unconfirmed (edge-plants.ts).
   */
  earlyScraped?: ReadonlyMap<string, number>;
}

function weekdayMon0(ms: number): number {
  return (Math.floor(ms / DAY_MS) + 3) % 7;
}

function nextTiktokId(b: VideoBuild, postedMs: number): string {
  return tiktokVideoId(postedMs, b.tiktokIds.count++, b.tiktokIds.salt);
}

function videoMetadata(rng: Rng, brand: string): Record<string, unknown> {
  const r = rng.float();
  if (r < 0.03) return { content_type: rng.pick(["tutorial", "review", "vlog", "skit", "unboxing"]) };
  if (r < 0.05) return { sponsored: true, product: brand };
  return {};
}

/** Eventual counters of one post. */
function finals(
  rng: Rng,
  plan: CreatorPlan,
  ctx: ProjectContext,
  post: PlannedPost,
  postedDay: number,
): { views: number; likes: number; comments: number; shares: number; saves: number; tau: number } {
  const hour = Math.floor((post.ms % DAY_MS) / HOUR_MS);
  const base =
    plan.followersEnd * ctx.viewRate * plan.perf * HOUR_BOOST[hour]! * WEEKDAY_BOOST[weekdayMon0(post.ms)]!;
  const noise = Math.exp(VIEW_SIGMA * rng.boundedNormal(2));
  let views: number;
  let tau = rng.range(0.7, 2);
  switch (post.kind) {
    case VideoKind.viral:
      views = base * rng.range(12, 60);
      tau = rng.range(2.5, 4);
      break;
    case VideoKind.flop:
      views = base * rng.range(0.02, 0.08);
      break;
    case VideoKind.suppressed:
      views = rng.range(15, 85); // throttled: well under 100 views at any snapshot
      break;
    case VideoKind.burst:
      views = base * rng.range(0.6, 1) * noise;
      break;
    default:
      views = base * noise;
  }
  views = Math.max(1, views);
  const fall = postedDay >= ctx.timeline.asOf - 13 ? plan.plant.fall : 1;
  const engagement = views * plan.erLevel * rng.range(0.87, 1.13) * fall;
  const [l, c, s, v] = plan.split;
  const jl = l * rng.range(0.9, 1.1);
  const jc = c * rng.range(0.85, 1.15);
  const js = s * rng.range(0.85, 1.15);
  const jv = v * rng.range(0.85, 1.15);
  const k = engagement / (jl + jc + js + jv);
  return { views, likes: jl * k, comments: jc * k, shares: js * k, saves: jv * k, tau };
}

function statusFor(rng: Rng, plan: CreatorPlan, tl: Timeline, postedMs: number): TrackingStatus {
  if (plan.mode === "auto") return "auto_tracked";
  if (tl.nowMs - postedMs < plan.pendingDays * DAY_MS)
    return rng.chance(0.85) ? "pending_review" : "included";
  return rng.chance(0.05) ? "excluded" : "included";
}

/**
 * Review decisions never empty a week that the creator did post in, and never hide all of a creator's
 * history: approve the latest such video. Without this a pending queue could fake a posting gap.
 */
function repairStatuses(videos: VideoRecord[], tl: Timeline, plan: CreatorPlan, posted: number[]): void {
  const approveLatest = (lo: number, hi: number) => {
    let latest = -1;
    for (let k = 0; k < videos.length; k++) {
      const d = tl.index(posted[k]!);
      if (d < lo || d > hi) continue;
      if (isCountedVideo(videos[k]!)) return;
      latest = k;
    }
    if (latest >= 0) videos[latest]!.tracking_status = "included";
  };
  for (const monday of tl.fullWindowWeeks()) approveLatest(monday, monday + 6);
  if (plan.plant.lastPostDay !== null) approveLatest(0, tl.windowStart - 1);
}

/** A creator's videos, in posting order; their snapshot rows are contiguous in the store. */
export function creatorVideos(b: VideoBuild, plan: CreatorPlan, posts: PlannedPost[]): VideoRecord[] {
  const { ctx } = b;
  const tl = ctx.timeline;
  const rng = plan.rng;
  const out: VideoRecord[] = [];
  const posted: number[] = [];
  for (const post of posts) {
    const postedDay = tl.index(post.ms);
    const f = finals(rng, plan, ctx, post, postedDay);
    // Each video's stats were refreshed a little before or with its creator's profile; an early-scraped
    // day's posts only once, 1 h to 1 h 20 min after posting.
    const jitter = rng.int(0, 1200) * SECOND_MS;
    const cutoff =
      b.earlyScraped?.get(plan.id) === postedDay ? post.ms + HOUR_MS + jitter : plan.cutoffMs - jitter;
    const created = Math.min(cutoff, post.ms + rng.int(300, 7200) * SECOND_MS);
    const snap = b.store.add(post.ms, created, cutoff, postedDay, f.tau, f);
    const id = uuid(rng);
    const tiktokId = nextTiktokId(b, post.ms);
    const current = b.snapshots.videoRow(snap, tl.index(cutoff))!;
    const scraped = iso(cutoff);
    out.push({
      id,
      project_id: ctx.projectId,
      creator_id: plan.id,
      tiktok_video_id: tiktokId,
      url: videoUrl(plan.handle, tiktokId),
      title: b.captions.next(rng, plan.niche),
      description: rng.chance(0.1) ? videoNote(rng) : null,
      view_count: current.view_count,
      like_count: current.like_count,
      comment_count: current.comment_count,
      share_count: current.share_count,
      save_count: current.save_count,
      posted_at: iso(post.ms),
      tracking_status: statusFor(rng, plan, tl, post.ms),
      last_scraped_at: scraped,
      tracking_enabled: true,
      metadata: videoMetadata(rng, ctx.brand),
      created_at: iso(created),
      updated_at: scraped,
      _org_id: ctx.orgId,
      _deleted: false,
      _snap: snap,
    });
    posted.push(post.ms);
    if (post.kind === VideoKind.viral) b.plantedOutliers.set(id, "high");
    else if (post.kind === VideoKind.flop || post.kind === VideoKind.suppressed)
      b.plantedOutliers.set(id, "low");
  }
  repairStatuses(out, tl, plan, posted);
  return out;
}

/** Videos added by URL (`direct_add`): no creator in the project, always counted. */
export function directVideos(b: VideoBuild, rng: Rng, count: number): VideoRecord[] {
  const { ctx } = b;
  const tl = ctx.timeline;
  const out: VideoRecord[] = [];
  for (let k = 0; k < count; k++) {
    const handle = externalHandle(rng, ctx.handles);
    const postedMs =
      tl.day0Ms + rng.int(3600, Math.floor((tl.nowMs - tl.day0Ms - 2 * DAY_MS) / SECOND_MS)) * SECOND_MS;
    const cutoff = Math.floor((tl.nowMs - rng.range(0.2, 6) * HOUR_MS) / SECOND_MS) * SECOND_MS;
    const created = Math.min(cutoff - HOUR_MS, postedMs + rng.int(2 * 3600, 10 * 86_400) * SECOND_MS);
    const followers = Math.min(3_000_000, Math.max(2_000, rng.logNormal(40_000, 1.3)));
    const views = Math.max(1, followers * ctx.viewRate * Math.exp(VIEW_SIGMA * rng.boundedNormal(2)));
    const er = rng.range(0.03, 0.12);
    const f = {
      views,
      likes: views * er * 0.82,
      comments: views * er * 0.05,
      shares: views * er * 0.06,
      saves: views * er * 0.07,
    };
    const snap = b.store.add(postedMs, created, cutoff, tl.index(created), rng.range(0.7, 2), f);
    const current = b.snapshots.videoRow(snap, tl.index(cutoff))!;
    const tiktokId = nextTiktokId(b, postedMs);
    const scraped = iso(cutoff);
    out.push({
      id: uuid(rng),
      project_id: ctx.projectId,
      creator_id: null,
      tiktok_video_id: tiktokId,
      url: videoUrl(handle, tiktokId),
      title: b.captions.next(rng, rng.pick(NICHES)),
      description: rng.chance(0.4)
        ? rng.pick([
            "Added by URL: not one of our creators, but the video features the product.",
            "Organic mention we want in the campaign totals.",
            "Customer video the brand team asked us to track.",
          ])
        : null,
      view_count: current.view_count,
      like_count: current.like_count,
      comment_count: current.comment_count,
      share_count: current.share_count,
      save_count: current.save_count,
      posted_at: iso(postedMs),
      tracking_status: "direct_add",
      last_scraped_at: scraped,
      tracking_enabled: true,
      metadata: videoMetadata(rng, ctx.brand),
      created_at: iso(created),
      updated_at: scraped,
      _org_id: ctx.orgId,
      _deleted: false,
      _snap: snap,
    });
  }
  return out;
}
