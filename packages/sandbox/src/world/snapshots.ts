/**
 * Procedural daily snapshots. Storing 90 daily rows for 250,000 videos would cost hundreds of megabytes,
 * so each video keeps a few numbers in typed arrays (posting instant, last scrape, curve time constant,
 * eventual counters) and any day's snapshot is recomputed from them on demand. Creators likewise keep
 * their follower path parameters and the range of their videos in the video store.
 *
 * A snapshot of day i is the value at 23:59:59 UTC that day, or at the last scrape if that came earlier;
 * after the last scrape values are carried forward. Current counters on the records are computed by the
 * same functions, so they equal the snapshot of the last-scraped day exactly.
 */

import { DAY_MS } from "@goatkit/core/analysis";
import { followerProgress, viewCurve } from "./curves.js";
import { signedNoise } from "./prng.js";
import type { Timeline } from "./time.js";
import type { CreatorRecord, CreatorSnapshot, VideoRecord, VideoSnapshot } from "./types.js";

/** Counters a video ends up with; its snapshots approach them along its view curve. */
export interface VideoFinals {
  views: number;
  likes: number;
  comments: number;
  shares: number;
  saves: number;
}

/** Growable typed columns, one row per generated video; a row index is a video's `_snap`. */
export class VideoStore {
  size = 0;
  posted = new Float64Array(1024);
  /** When the video entered tracking (its created_at); only used to order the video list. */
  created = new Float64Array(1024);
  cutoff = new Float64Array(1024);
  firstDay = new Int32Array(1024);
  tau = new Float64Array(1024);
  /** Eventual views, likes, comments, shares, saves: five per row. */
  finals = new Float64Array(5 * 1024);

  add(
    postedMs: number,
    createdMs: number,
    cutoffMs: number,
    firstDay: number,
    tau: number,
    f: VideoFinals,
  ): number {
    if (this.size === this.posted.length) this.grow();
    const i = this.size++;
    this.posted[i] = postedMs;
    this.created[i] = createdMs;
    this.cutoff[i] = cutoffMs;
    this.firstDay[i] = firstDay;
    this.tau[i] = tau;
    const o = 5 * i;
    this.finals[o] = f.views;
    this.finals[o + 1] = f.likes;
    this.finals[o + 2] = f.comments;
    this.finals[o + 3] = f.shares;
    this.finals[o + 4] = f.saves;
    return i;
  }

  /** Drops the spare capacity once generation is done. */
  trim(): void {
    this.posted = this.posted.slice(0, this.size);
    this.created = this.created.slice(0, this.size);
    this.cutoff = this.cutoff.slice(0, this.size);
    this.firstDay = this.firstDay.slice(0, this.size);
    this.tau = this.tau.slice(0, this.size);
    this.finals = this.finals.slice(0, 5 * this.size);
  }

  private grow(): void {
    const n = this.posted.length * 2;
    const widen = <T extends Float64Array | Int32Array>(a: T, len: number): T => {
      const b = new (a.constructor as new (n: number) => T)(len);
      b.set(a);
      return b;
    };
    this.posted = widen(this.posted, n);
    this.created = widen(this.created, n);
    this.cutoff = widen(this.cutoff, n);
    this.firstDay = widen(this.firstDay, n);
    this.tau = widen(this.tau, n);
    this.finals = widen(this.finals, 5 * n);
  }
}

/** Per-creator follower path and the contiguous, posting-ordered range of its videos in the VideoStore. */
export class CreatorStore {
  size = 0;
  followersStart: number[] = [];
  followersEnd: number[] = [];
  shape: number[] = [];
  cutoff: number[] = [];
  firstDay: number[] = [];
  likesBase: number[] = [];
  videoFrom: number[] = [];
  videoTo: number[] = [];
  noiseKey: number[] = [];

  add(row: {
    followersStart: number;
    followersEnd: number;
    shape: number;
    cutoffMs: number;
    firstDay: number;
    likesBase: number;
    videoFrom: number;
    videoTo: number;
    noiseKey: number;
  }): number {
    this.followersStart.push(row.followersStart);
    this.followersEnd.push(row.followersEnd);
    this.shape.push(row.shape);
    this.cutoff.push(row.cutoffMs);
    this.firstDay.push(row.firstDay);
    this.likesBase.push(row.likesBase);
    this.videoFrom.push(row.videoFrom);
    this.videoTo.push(row.videoTo);
    this.noiseKey.push(row.noiseKey);
    return this.size++;
  }
}

/** Daily jitter on follower counts: ±0.15 %, enough to look scraped rather than drawn with a ruler. */
const FOLLOWER_JITTER = 0.0015;

export class Snapshots {
  constructor(
    readonly timeline: Timeline,
    readonly videos: VideoStore,
    readonly creators: CreatorStore,
  ) {}

  /** Share of the eventual counters video row `s` shows at day i, or −1 when it has no snapshot yet. */
  curveAt(s: number, i: number): number {
    if (i < this.videos.firstDay[s]! || i < 0 || i >= this.timeline.nDays) return -1;
    const t = Math.min(this.timeline.snapshotTime(i), this.videos.cutoff[s]!);
    return viewCurve((t - this.videos.posted[s]!) / DAY_MS, this.videos.tau[s]!);
  }

  /** Views of video row `s` at day i, or −1 when it has no snapshot yet (no object allocated). */
  viewsAt(s: number, i: number): number {
    const c = this.curveAt(s, i);
    return c < 0 ? -1 : Math.round(this.videos.finals[5 * s]! * c);
  }

  videoRow(s: number, i: number): VideoSnapshot | null {
    const c = this.curveAt(s, i);
    if (c < 0) return null;
    const f = this.videos.finals;
    const o = 5 * s;
    return {
      view_count: Math.round(f[o]! * c),
      like_count: Math.round(f[o + 1]! * c),
      comment_count: Math.round(f[o + 2]! * c),
      share_count: Math.round(f[o + 3]! * c),
      save_count: Math.round(f[o + 4]! * c),
    };
  }

  video(video: VideoRecord, i: number): VideoSnapshot | null {
    const s = video._snap;
    if (Number.isInteger(s) && s >= 0 && s < this.videos.size) return this.videoRow(s, i);
    // A video the generator does not know (added later through the API): its current counters from the
    // day it was first scraped on, nothing before.
    if (i < 0 || i >= this.timeline.nDays) return null;
    const since = Date.parse(video.last_scraped_at ?? video.created_at);
    if (!(this.timeline.index(since) <= i)) return null;
    return {
      view_count: video.view_count,
      like_count: video.like_count,
      comment_count: video.comment_count,
      share_count: video.share_count,
      save_count: video.save_count,
    };
  }

  creatorRow(s: number, i: number): CreatorSnapshot | null {
    const cs = this.creators;
    if (i < 0 || i >= this.timeline.nDays || i < cs.firstDay[s]!) return null;
    const tl = this.timeline;
    const cutoff = cs.cutoff[s]!;
    const t = Math.min(tl.snapshotTime(i), cutoff);
    const day = Math.min(i, tl.index(cutoff));
    const x = Math.min(1, Math.max(0, (t - tl.day0Ms) / (tl.nowMs - tl.day0Ms)));
    const start = cs.followersStart[s]!;
    const path = start + (cs.followersEnd[s]! - start) * followerProgress(cs.shape[s]!, x);
    const follower_count = Math.max(
      0,
      Math.round(path * (1 + FOLLOWER_JITTER * signedNoise(cs.noiseKey[s]!, day))),
    );

    let video_count = 0;
    let likes = cs.likesBase[s]!;
    const vs = this.videos;
    for (let k = cs.videoFrom[s]!; k < cs.videoTo[s]!; k++) {
      if (vs.posted[k]! > t) break; // rows are in posting order
      video_count++;
      const c = this.curveAt(k, i);
      if (c > 0) likes += Math.round(vs.finals[5 * k + 1]! * c);
    }
    return { follower_count, total_likes_count: likes, video_count };
  }

  creator(creator: CreatorRecord, i: number): CreatorSnapshot | null {
    const s = creator._snap;
    if (Number.isInteger(s) && s >= 0 && s < this.creators.size) return this.creatorRow(s, i);
    if (i < 0 || i >= this.timeline.nDays) return null;
    const since = Date.parse(creator.last_scraped_at ?? creator.created_at);
    if (!(this.timeline.index(since) <= i)) return null;
    return {
      follower_count: creator.follower_count,
      total_likes_count: creator.total_likes_count,
      video_count: creator.video_count,
    };
  }
}
