/**
 * Creator plans: everything the generator decides about a creator before any video exists — audience
 * size and growth, performance and engagement levels, cadence and posting habits, tracking mode, scrape
 * freshness, and which underperformance signal (if any) is planted on it.
 *
 * Natural variation is bounded so that the planted signals stay separable from it (see truth.ts for the
 * definitions they are measured by): a normal creator's performance multiplier is 0.7–1.6, a planted
 * low performer's 0.05–0.2; normal per-video engagement noise is ±13 %, a planted fall is ×0.30–0.42.
 *
 * Issue 12 case 4 ("judge creators only for what is theirs") is planted too ({@link plantEdgeCreators}):
 * creators added mid-window, selective backlogs, creators without a follower count, creators who never
 * posted (tracked for weeks, and just added).
 */

import { DAY_MS, HOUR_MS } from "@goatkit/core/analysis";
import { FOLLOWER_SHAPES } from "./curves.js";
import { uuid } from "./ids.js";
import { displayName, type Niche, person, uniqueHandle } from "./names.js";
import { creatorNote } from "./notes.js";
import { Rng } from "./prng.js";
import type { Snapshots } from "./snapshots.js";
import { iso, SECOND_MS, type Timeline } from "./time.js";
import type { CreatorRecord, VideoRecord } from "./types.js";

/** Posting popularity by UTC hour: quiet overnight, a lunch bump, a strong evening peak. */
export const HOUR_WEIGHTS = [
  2, 1.5, 1, 0.7, 0.5, 0.5, 0.6, 0.8, 1, 1.3, 1.6, 2, 2.4, 2.3, 2, 2, 2.3, 2.8, 3.4, 3.8, 3.9, 3.5, 3, 2.5,
];
/** Posting popularity by weekday, Monday first: midweek is busiest, Saturday quietest. */
export const WEEKDAY_WEIGHTS = [1, 1.15, 1.2, 1.15, 1.05, 0.8, 0.95];

export interface ProjectContext {
  seed: number;
  timeline: Timeline;
  orgId: string;
  projectId: string;
  /** Stable label for deriving random streams ("A0", "B0", …). */
  key: string;
  niches: Niche[];
  brand: string;
  /** Typical views per post as a share of followers, for this project's creators. */
  viewRate: number;
  handles: Set<string>;
}

/**
 * A case-4 creator: added mid-window (judged on its tracked weeks only), a selective backlog (every post
 * of the window pending review), no follower count (profile counters at 0), never posted (tracked for
 * 20–80 days without a post), just added (under 14 days, no post yet).
 */
export type EdgeCase = "mid_window" | "backlog" | "no_followers" | "never_posted" | "just_added";

export interface CreatorPlan {
  rng: Rng;
  id: string;
  handle: string;
  displayName: string | null;
  niche: Niche;
  followersStart: number;
  followersEnd: number;
  shape: number;
  /** Views multiplier for every post of this creator. */
  perf: number;
  /** Engagement rate by views, before per-video noise. */
  erLevel: number;
  /** Shares of engagement going to likes, comments, shares, saves (sum 1). */
  split: [number, number, number, number];
  /** Posts per week. */
  cadence: number;
  hourWeights: number[];
  weekdayWeights: number[];
  mode: "auto" | "selective";
  createdMs: number;
  cutoffMs: number;
  stale: boolean;
  /** Selective mode: videos younger than this many days are mostly still pending review. */
  pendingDays: number;
  likesBase: number;
  plant: {
    lowViews: boolean;
    /** Engagement multiplier on videos posted in the last 14 days, or 1. */
    fall: number;
    /** Day indices of the Mondays of planted empty weeks. */
    gapWeeks: number[];
    /** Day index of the last post of a creator that stopped posting before the window, or null. */
    lastPostDay: number | null;
    /** Day indices with a planted burst of posts (over-posting). */
    burstDays: number[];
    /** The case-4 edge case planted on this creator, or null. */
    edge: EdgeCase | null;
  };
}

function followerPath(rng: Rng, end: number): { start: number; shape: number } {
  const shape = rng.weighted([45, 25, 15, 15]);
  switch (FOLLOWER_SHAPES[shape]) {
    case "flat":
      return { start: Math.round(end * rng.range(0.98, 1.02)), shape };
    case "declining":
      return { start: Math.round(end / rng.range(0.75, 0.95)), shape };
    case "accelerating":
      return { start: Math.round(end / (1 + rng.range(0.3, 1.2))), shape };
    default:
      return { start: Math.round(end / (1 + rng.range(0.04, 0.5))), shape };
  }
}

function normalize4(a: number, b: number, c: number, d: number): [number, number, number, number] {
  const s = a + b + c + d;
  return [a / s, b / s, c / s, d / s];
}

export function planCreator(
  ctx: ProjectContext,
  index: number,
  cadenceMax: number,
  cadenceSkew: number,
): CreatorPlan {
  const tl = ctx.timeline;
  const rng = Rng.derive(ctx.seed, "creator", ctx.key, index);
  const who = person(rng);
  const niche = rng.pick(ctx.niches);
  const handle = uniqueHandle(rng, who, niche, ctx.handles);
  const name = displayName(rng, who, niche);

  const followersEnd = Math.round(Math.min(5_000_000, Math.max(1_000, rng.logNormal(35_000, 1.5))));
  const { start: followersStart, shape } = followerPath(rng, followersEnd);

  const fav = rng.weighted(HOUR_WEIGHTS);
  const hourWeights = HOUR_WEIGHTS.map((w, h) => {
    const d = Math.min(Math.abs(h - fav), 24 - Math.abs(h - fav));
    return w * (1 + 3 * Math.exp(-(d * d) / 4));
  });
  const weekdayWeights = WEEKDAY_WEIGHTS.map((w) => w * rng.range(0.6, 1.4));

  // Most creators were added before the snapshot span; some joined during it, but never within 5 weeks
  // of the as-of day, so a creator's first weeks are never mistaken for posting gaps in the window.
  const joinedDuringSpan = rng.chance(0.15) && tl.asOf - 37 > 2;
  const createdMs = joinedDuringSpan
    ? tl.start(rng.int(2, tl.asOf - 37)) + rng.int(8 * 3600, 20 * 3600) * SECOND_MS
    : tl.nowMs - Math.round(rng.range(95, 500) * 86_400) * SECOND_MS;

  const stale = rng.chance(0.04);
  const ageHours = stale ? rng.range(13, 60) : rng.range(0.2, 6);
  const cutoffMs = Math.floor((tl.nowMs - ageHours * HOUR_MS) / SECOND_MS) * SECOND_MS;

  const u = rng.float();
  return {
    rng,
    id: uuid(rng),
    handle,
    displayName: name,
    niche,
    followersStart,
    followersEnd,
    shape,
    perf: rng.range(0.7, 1.6),
    erLevel: Math.exp(rng.range(Math.log(0.03), Math.log(0.12))),
    split: normalize4(
      rng.range(0.78, 0.88),
      rng.range(0.02, 0.06),
      rng.range(0.03, 0.08),
      rng.range(0.04, 0.1),
    ),
    cadence: 2 * (cadenceMax / 2) ** (u ** cadenceSkew),
    hourWeights,
    weekdayWeights,
    mode: rng.chance(0.15) ? "selective" : "auto",
    createdMs,
    cutoffMs,
    stale,
    pendingDays: rng.range(3, 7),
    likesBase: Math.round(followersStart * rng.range(4, 20)),
    plant: { lowViews: false, fall: 1, gapWeeks: [], lastPostDay: null, burstDays: [], edge: null },
  };
}

/** Moves a creator's creation back so it has posted for a while before `dayIndex`. */
function joinedBefore(plan: CreatorPlan, tl: Timeline, dayIndex: number): void {
  const latest = tl.start(dayIndex) - 21 * DAY_MS;
  if (plan.createdMs > latest) plan.createdMs = Math.min(latest, tl.start(0) - 10 * DAY_MS);
}

/** A creator big enough that rounding of small counters cannot blur its planted signal. */
function atLeastFollowers(plan: CreatorPlan, min: number): void {
  if (plan.followersEnd >= min) return;
  const f = (min * plan.rng.range(1, 3)) / plan.followersEnd;
  plan.followersEnd = Math.round(plan.followersEnd * f);
  plan.followersStart = Math.round(plan.followersStart * f);
  plan.likesBase = Math.round(plan.likesBase * f);
}

/**
 * Plants the underperformance signals on a project's creators: ~6 % low views per post, ~5 % falling
 * engagement, ~6 % posting gaps, ~4 % not posting. Projects under 8 creators get none (a median over a
 * handful would be too fragile a baseline).
 */
export function plantUnderperformers(ctx: ProjectContext, plans: CreatorPlan[]): void {
  const n = plans.length;
  if (n < 8) return;
  const tl = ctx.timeline;
  const rng = Rng.derive(ctx.seed, "plants", ctx.key);
  const order = rng.shuffle(plans.slice());
  const take = (count: number) => order.splice(0, count);
  const count = (rate: number) => Math.max(1, Math.round(rate * n));

  for (const p of take(count(0.04))) {
    p.plant.lastPostDay = rng.int(Math.max(10, tl.windowStart - 30), tl.windowStart - 1);
    joinedBefore(p, tl, p.plant.lastPostDay);
  }
  const weeks = tl.fullWindowWeeks();
  for (const p of take(count(0.06))) {
    const len = weeks.length > 1 && rng.chance(0.4) ? 2 : 1;
    const first = rng.int(0, weeks.length - len);
    p.plant.gapWeeks = weeks.slice(first, first + len);
  }
  const low = take(count(0.06));
  for (const p of low) {
    p.plant.lowViews = true;
    p.perf = rng.range(0.05, 0.2);
  }
  // A few low performers also lose engagement: an underperformer can have several reasons.
  const falling = take(count(0.05));
  if (n >= 100) falling.push(...rng.sample(low, Math.floor(low.length / 5)));
  for (const p of falling) {
    p.plant.fall = rng.range(0.3, 0.42);
    p.mode = "auto"; // pending videos would thin out the recent half
    atLeastFollowers(p, 8_000);
    if (p.stale) {
      p.stale = false;
      p.cutoffMs = Math.floor((tl.nowMs - rng.range(0.2, 6) * HOUR_MS) / SECOND_MS) * SECOND_MS;
    }
  }
}

/** Whether a creator carries none of the underperformance plants (nor a case-4 edge case). */
export function unplanted(p: CreatorPlan): boolean {
  return (
    !p.plant.lowViews &&
    p.plant.fall === 1 &&
    p.plant.gapWeeks.length === 0 &&
    p.plant.lastPostDay === null &&
    p.plant.edge === null
  );
}

/** Projects smaller than this get no case-4 edge creators (their baseline median is too fragile). */
const EDGE_MIN_CREATORS = 20;

/**
 * Plants issue 12's case 4 on a project's otherwise unplanted creators, deterministically: per edge
 * case about 1 % of the creators (at least one), in projects of 20 creators or more.
 */
export function plantEdgeCreators(ctx: ProjectContext, plans: CreatorPlan[]): void {
  const n = plans.length;
  if (n < EDGE_MIN_CREATORS) return;
  const tl = ctx.timeline;
  const rng = Rng.derive(ctx.seed, "edge-creators", ctx.key);
  const free = rng.shuffle(plans.filter(unplanted));
  const per = Math.max(1, Math.round(0.01 * n));
  const cases: EdgeCase[] = ["mid_window", "backlog", "no_followers", "never_posted", "just_added"];
  const at = (dayIndex: number) => tl.start(dayIndex) + rng.int(8 * 3600, 20 * 3600) * SECOND_MS;
  for (const edge of cases) {
    for (const p of free.splice(0, per)) {
      p.plant.edge = edge;
      // Freshly scraped, so the case is the only thing about the creator a reader has to explain.
      p.stale = false;
      p.cutoffMs = Math.floor((tl.nowMs - rng.range(0.2, 6) * HOUR_MS) / SECOND_MS) * SECOND_MS;
      switch (edge) {
        case "mid_window":
          // Added a few days into the window: the weeks before are not its to fill.
          p.createdMs = at(tl.windowStart + rng.int(3, 12));
          p.mode = "auto";
          break;
        case "backlog":
          // Posted through the window, but the team reviewed none of it (see applyBacklog).
          p.mode = "selective";
          joinedBefore(p, tl, tl.windowStart);
          break;
        case "never_posted":
          p.createdMs = at(tl.asOf - rng.int(20, 80));
          break;
        case "just_added":
          p.createdMs = at(tl.asOf - rng.int(2, 12));
          break;
        case "no_followers":
          break; // the profile's counters are zeroed when the creator's snapshots are stored
      }
    }
  }
}

/** Whether a planned creator posts at all (never-posted and just-added ones do not). */
export function posts(p: CreatorPlan): boolean {
  return p.plant.edge !== "never_posted" && p.plant.edge !== "just_added";
}

/** Followers the profile snapshots store: none for a creator planted without a follower count. */
export function storedFollowers(p: CreatorPlan): { start: number; end: number } {
  return p.plant.edge === "no_followers"
    ? { start: 0, end: 0 }
    : { start: p.followersStart, end: p.followersEnd };
}

/** A planted backlog: every post of the window waits in the Tracking Inbox (`pending_review`). */
export function applyBacklog(p: CreatorPlan, videos: VideoRecord[], tl: Timeline): void {
  if (p.plant.edge !== "backlog") return;
  const from = tl.start(tl.windowStart);
  for (const v of videos) if (Date.parse(v.posted_at) >= from) v.tracking_status = "pending_review";
}

/**
 * Plants over-posting bursts (≥ 7 posts in a day, several of them suppressed) on `events` creators of an
 * org: alternately within the last week and older, so both severities exist.
 */
export function plantBursts(
  seed: number,
  orgKey: string,
  tl: Timeline,
  plans: CreatorPlan[],
  events: number,
  minCadence: number,
): void {
  const rng = Rng.derive(seed, "bursts", orgKey);
  const candidates = rng.shuffle(plans.filter((p) => unplanted(p) && !p.stale));
  for (let e = 0; e < events && e < candidates.length; e++) {
    const p = candidates[e]!;
    const day = e % 2 === 0 ? tl.asOf - rng.int(2, 6) : rng.int(Math.max(15, tl.asOf - 60), tl.asOf - 8);
    p.plant.burstDays.push(day);
    p.mode = "auto";
    // Prolific posters are the ones who over-post; their many normal posts also keep a burst from
    // dragging their median views down.
    p.cadence = Math.max(p.cadence, rng.range(minCadence, minCadence * 1.8));
    atLeastFollowers(p, 20_000);
    joinedBefore(p, tl, day);
  }
}

export function creatorMetadata(rng: Rng): Record<string, unknown> {
  const r = rng.float();
  if (r < 0.1)
    return { tier: rng.pick(["gold", "silver", "bronze"]), region: rng.pick(["US", "UK", "CA", "AU"]) };
  if (r < 0.18)
    return { agency: rng.pick(["Northstar Talent", "Bloom Mgmt"]), contract_id: `CT-${rng.int(1000, 9999)}` };
  if (r < 0.22)
    return { last_analysis: "weekly-review", engagement_score: Math.round(rng.range(40, 95)) / 10 };
  return {};
}

/** The API record of a planned creator; its counters are the snapshot of its last-scraped day. */
export function creatorRecord(
  ctx: ProjectContext,
  plan: CreatorPlan,
  snap: number,
  snapshots: Snapshots,
): CreatorRecord {
  const tl = ctx.timeline;
  const rng = plan.rng;
  const current = snapshots.creatorRow(snap, Math.min(tl.asOf, tl.index(plan.cutoffMs)));
  const nowMonth = new Date(tl.nowMs).getUTCMonth();
  const hasNote = rng.chance(plan.mode === "selective" ? 0.7 : 0.38);
  return {
    id: plan.id,
    project_id: ctx.projectId,
    tiktok_handle: plan.handle,
    display_name: plan.displayName,
    description: hasNote ? creatorNote(rng, plan.niche, plan.mode === "selective", nowMonth) : null,
    follower_count: current?.follower_count ?? 0,
    total_likes_count: current?.total_likes_count ?? 0,
    video_count: current?.video_count ?? 0,
    tracking_mode: plan.mode,
    last_scraped_at: iso(plan.cutoffMs),
    metadata: creatorMetadata(rng),
    created_at: iso(plan.createdMs),
    updated_at: iso(plan.cutoffMs),
    _org_id: ctx.orgId,
    _deleted: false,
    _snap: snap,
  };
}
