/**
 * Underperforming creators, by four documented reasons, from list data only (creators + videos):
 *
 * - low_views_per_post: R = median views of the creator's counted videos posted in the window at least
 *   3 days before asOf, divided by follower_count; flagged when R < 0.4 × the median R of the
 *   project's creators that have such videos. Normalising by followers compares a 5k-follower creator
 *   with a 500k one fairly; the 3-day floor lets new posts collect their first views.
 * - falling_engagement: ER = Σ(likes+comments+shares+saves) / Σ views over the creator's posts of the
 *   last 14 days vs the earlier part of the window; flagged when both have ≥ 2 posts and the recent ER
 *   is < 0.6 × the earlier one.
 * - posting_gaps: ISO weeks (Monday start) that lie fully inside the window with no counted post, for a
 *   creator who did post in the window.
 * - not_posting: counted posts before the window, none in it; or no counted post ever.
 *
 * Creators are judged only for what is theirs (issue 12, case 4); each rule that applied is stated on
 * the creator it affects (`basis_notes`, `cannot_judge`):
 * - tracking starts at the creator's `created_at`: only full weeks from then on can be gaps;
 * - posts waiting in the Tracking Inbox (`pending_review`) are the team's backlog: a week with one is
 *   no gap, a creator with one in the window is not `not_posting`, and the backlog is listed;
 * - without a follower count (0 or missing) there is no R: the creator is not ranked on views per
 *   follower, stays out of the project baseline and is listed as "cannot judge";
 * - not_posting needs 14 days of tracking (`MIN_TRACKED_DAYS`); then a creator without any counted post
 *   is `not_posting` ("no counted post since tracking started on …"); before, "cannot judge".
 *
 * Stale scrapes are reported per creator as a caveat, never as a reason: an old counter is a data
 * problem, not a performance one.
 * @module
 */
import {
  DAY_MS,
  type DayRange,
  dayNumber,
  dayString,
  fullWeekStarts,
  type Instant,
  instantMs,
  isoWeekStart,
  parseInstantMs,
  resolveWindow,
} from "./dates.js";
import { formatFixed, formatInt, formatShare, plural } from "./format.js";
import { isStale, STALE_AFTER_HOURS } from "./freshness.js";
import type { CreatorInput, VideoInput } from "./inputs.js";
import {
  type BacklogEntry,
  type CannotJudge,
  type CannotJudgeCreator,
  type CreatorEvaluation,
  type PostingGaps,
  type ProjectBaseline,
  type StaleCreator,
  UnderperformanceReason,
} from "./results/underperformers.js";
import { median, medianOfSorted, round, safeRatio } from "./stats-math.js";
import { asIndex, creatorRange, type VideoIndex } from "./video-index.js";

// The result types are inferred from the report part schemas (results/underperformers.ts): one definition each.
export type { CannotJudge, CreatorEvaluation, ProjectBaseline, UnderperformanceReason };

/** Days of tracking before a creator without posts is called not posting. */
export const MIN_TRACKED_DAYS = 14;

export const UNDERPERFORMANCE_REASONS: readonly UnderperformanceReason[] = UnderperformanceReason.options;

export interface UnderperformerOptions {
  /** The analysis window; default the 30 days ending on asOf's UTC day. */
  range?: DayRange;
  /** Posts younger than this are left out of the views-per-post median (default 3 days). */
  minAgeDays?: number;
  /** low_views_per_post fires below this multiple of the project baseline (default 0.4). */
  lowViewsFactor?: number;
  /** Length of the "recent" part of the window for falling_engagement (default 14 days). */
  recentDays?: number;
  /** falling_engagement fires below this multiple of the earlier ER (default 0.6). */
  engagementDropFactor?: number;
  /** Posts each half needs before ER is compared (default 2). */
  minPostsPerHalf?: number;
  staleHours?: number;
}

export interface UnderperformerAnalysis {
  range: DayRange;
  /** Creators evaluated (every creator given, flagged or not). */
  evaluated_count: number;
  baselines: ProjectBaseline[];
  /** Flagged creators, most severe first. */
  underperformers: CreatorEvaluation[];
  /** Every evaluated creator (flagged or not), by handle; useful for drill-down. */
  evaluations: CreatorEvaluation[];
  posting_gaps: PostingGaps;
  stale_creators: StaleCreator[];
  /** Counted videos left out: no creator (direct adds) or unparseable dates. */
  unattributed_videos: number;
  pending_review: number;
  /** Creators with posts of the window waiting in the Tracking Inbox, most first. */
  backlog: BacklogEntry[];
  /** Creators with a check that could not be made, by handle. */
  cannot_judge: CannotJudgeCreator[];
}

interface Window {
  from: number;
  to: number;
  recentFrom: number;
  /** Mondays of the ISO weeks fully inside the window. */
  fullWeeks: number[];
}

/** Scratch buffer for the eligible views of one creator; grown on demand, reused across creators. */
let eligibleScratch = new Float64Array(256);

function measureCreator(
  creator: CreatorInput,
  index: VideoIndex,
  w: Window,
  eligibleBeforeMs: number,
  o: Required<Omit<UnderperformerOptions, "range">>,
  asOfMs: number,
): CreatorEvaluation {
  let inWindow = 0;
  let recent = 0;
  let earlier = 0;
  let recentActions = 0;
  let recentViews = 0;
  let earlierActions = 0;
  let earlierViews = 0;
  let eligible = 0;
  let before = 0;
  let lastMs: number | null = null;
  const [from, to] = creatorRange(index, creator.id);
  if (eligibleScratch.length < to - from) eligibleScratch = new Float64Array((to - from) * 2);
  const postedWeeks = new Set<number>();
  const { day, postedMs, views, actions } = index;
  const startMs = parseInstantMs(creator.created_at);
  const followers = creator.follower_count;
  const hasFollowers = typeof followers === "number" && followers > 0;
  let pendingInWindow = 0;
  const pendingWeeks = new Set<number>();
  for (const d of index.pendingDays?.get(creator.id) ?? []) {
    if (d < w.from || d > w.to) continue;
    pendingInWindow++;
    pendingWeeks.add(isoWeekStart(d));
  }
  for (let k = from; k < to; k++) {
    const d = day[k]!;
    const posted = postedMs[k]!;
    if (lastMs === null || posted > lastMs) lastMs = posted;
    if (d < w.from) {
      before++;
      continue;
    }
    if (d > w.to) continue;
    inWindow++;
    postedWeeks.add(isoWeekStart(d));
    if (d >= w.recentFrom) {
      recent++;
      recentActions += actions[k]!;
      recentViews += views[k]!;
    } else {
      earlier++;
      earlierActions += actions[k]!;
      earlierViews += views[k]!;
    }
    if (posted <= eligibleBeforeMs) eligibleScratch[eligible++] = views[k]!;
  }
  const med = medianOfSorted(eligibleScratch.subarray(0, eligible).sort());
  const erRecent = safeRatio(recentActions, recentViews);
  const erEarlier = safeRatio(earlierActions, earlierViews);
  const gapWeeks: string[] = [];
  const notes: string[] = [];
  if (inWindow > 0) {
    let untracked = 0;
    for (const monday of w.fullWeeks) {
      // A week that began before tracking did is not the creator's to fill.
      if (startMs !== null && monday * DAY_MS < startMs) untracked++;
      else if (!postedWeeks.has(monday) && !pendingWeeks.has(monday)) gapWeeks.push(dayString(monday));
    }
    if (untracked > 0)
      notes.push(
        `tracking started on ${creator.created_at!.slice(0, 10)}: posting gaps are judged only in the ` +
          `${plural(w.fullWeeks.length - untracked, "full week")} of the window from then on`,
      );
  }
  if (pendingInWindow > 0)
    notes.push(
      `${plural(pendingInWindow, "post")} of the window ${pendingInWindow === 1 ? "waits" : "wait"} in the ` +
        "Tracking Inbox (pending review): the team's backlog, neither counted nor held against the creator",
    );
  return {
    creator_id: creator.id,
    project_id: creator.project_id,
    tiktok_handle: creator.tiktok_handle,
    display_name: creator.display_name ?? null,
    follower_count: hasFollowers ? followers : 0,
    tracking_started_at: startMs === null ? null : creator.created_at!,
    pending_review_count: pendingInWindow,
    window_post_count: inWindow,
    before_window_post_count: before,
    last_posted_at: lastMs === null ? null : new Date(lastMs).toISOString(),
    eligible_post_count: eligible,
    median_views: med,
    views_per_follower: med === null || !hasFollowers ? null : med / followers,
    project_baseline: null,
    ratio_to_baseline: null,
    recent_post_count: recent,
    earlier_post_count: earlier,
    er_recent: erRecent,
    er_earlier: erEarlier,
    er_ratio: safeRatio(erRecent, erEarlier),
    gap_weeks: gapWeeks,
    reasons: [],
    reason_texts: [],
    cannot_judge: [],
    basis_notes: notes,
    stale: isStale(creator.last_scraped_at, asOfMs, o.staleHours),
    last_scraped_at: creator.last_scraped_at ?? null,
  };
}

function judge(
  ev: CreatorEvaluation,
  o: Required<Omit<UnderperformerOptions, "range">>,
  range: DayRange,
  trackedUntilMs: number,
): void {
  if (ev.follower_count === 0) {
    ev.cannot_judge.push({
      check: "low_views_per_post",
      reason:
        "no follower count (0 or missing): views per follower cannot be computed, so the creator is not " +
        "ranked on them nor part of the project's norm",
    });
  }
  if (ev.ratio_to_baseline !== null && ev.ratio_to_baseline < o.lowViewsFactor) {
    ev.reasons.push("low_views_per_post");
    ev.reason_texts.push(
      `median ${formatInt(ev.median_views)} views/post over ${plural(ev.eligible_post_count, "post")} at ` +
        `${formatInt(ev.follower_count)} followers = ${formatFixed(ev.ratio_to_baseline)}× the project's norm ` +
        `for its follower size (flagged below ${o.lowViewsFactor}×)`,
    );
  }
  if (
    ev.recent_post_count >= o.minPostsPerHalf &&
    ev.earlier_post_count >= o.minPostsPerHalf &&
    ev.er_recent !== null &&
    ev.er_earlier !== null &&
    ev.er_recent < o.engagementDropFactor * ev.er_earlier
  ) {
    ev.reasons.push("falling_engagement");
    ev.reason_texts.push(
      `engagement rate fell from ${formatShare(ev.er_earlier, 1)} (${plural(ev.earlier_post_count, "earlier post")}) to ` +
        `${formatShare(ev.er_recent, 1)} (${plural(ev.recent_post_count, "post")} of the last ${o.recentDays} days) = ` +
        `${formatFixed(ev.er_ratio)}× (flagged below ${o.engagementDropFactor}×)`,
    );
  }
  if (ev.gap_weeks.length > 0) {
    ev.reasons.push("posting_gaps");
    ev.reason_texts.push(
      `no counted post in ${plural(ev.gap_weeks.length, "full week")} of the window (weeks of ${ev.gap_weeks.join(", ")})`,
    );
  }
  if (ev.window_post_count > 0 || ev.pending_review_count > 0) return; // posted, or the team's backlog
  const started = ev.tracking_started_at;
  const trackedDays = started === null ? null : (trackedUntilMs - parseInstantMs(started)!) / DAY_MS;
  if (trackedDays !== null && trackedDays < MIN_TRACKED_DAYS) {
    ev.cannot_judge.push({
      check: "not_posting",
      reason:
        `tracked for less than ${MIN_TRACKED_DAYS} days (since ${started!.slice(0, 10)}): too early to ` +
        "call it not posting",
    });
  } else if (ev.before_window_post_count > 0) {
    ev.reasons.push("not_posting");
    ev.reason_texts.push(
      `no counted post between ${range.from} and ${range.to}; last post ${ev.last_posted_at?.slice(0, 10) ?? "unknown"} ` +
        `(${plural(ev.before_window_post_count, "earlier post")} on record)`,
    );
  } else if (started !== null) {
    ev.reasons.push("not_posting");
    ev.reason_texts.push(
      `no counted post since tracking started on ${started.slice(0, 10)} (${Math.floor(trackedDays!)} days)`,
    );
  }
}

/**
 * Severity order: the further below the project norm, the worse; a creator who stopped posting sits
 * with the worst (nothing posted = no views per post), and ties go to more reasons.
 */
function severityKey(ev: CreatorEvaluation): number {
  if (ev.reasons.includes("not_posting")) return 0;
  return ev.ratio_to_baseline ?? 1;
}

export function compareSeverity(a: CreatorEvaluation, b: CreatorEvaluation): number {
  return (
    severityKey(a) - severityKey(b) ||
    b.reasons.length - a.reasons.length ||
    (a.tiktok_handle < b.tiktok_handle ? -1 : a.tiktok_handle > b.tiktok_handle ? 1 : 0)
  );
}

/**
 * Evaluates every creator against the four reasons. `videos` should be the project's whole video list
 * (all dates): not_posting needs the posts from before the window.
 */
export function findUnderperformers(
  creators: readonly CreatorInput[],
  videos: readonly VideoInput[] | VideoIndex,
  asOf: Instant,
  options: UnderperformerOptions = {},
): UnderperformerAnalysis {
  const asOfMs = instantMs(asOf);
  const range = options.range ?? resolveWindow(asOfMs);
  const o = {
    minAgeDays: options.minAgeDays ?? 3,
    lowViewsFactor: options.lowViewsFactor ?? 0.4,
    recentDays: options.recentDays ?? 14,
    engagementDropFactor: options.engagementDropFactor ?? 0.6,
    minPostsPerHalf: options.minPostsPerHalf ?? 2,
    staleHours: options.staleHours ?? STALE_AFTER_HOURS,
  };
  const index = asIndex(videos);
  const to = dayNumber(range.to)!;
  const w: Window = {
    from: dayNumber(range.from)!,
    to,
    recentFrom: to - o.recentDays + 1,
    fullWeeks: fullWeekStarts(range),
  };
  const eligibleBeforeMs = asOfMs - o.minAgeDays * DAY_MS;

  const evaluations = creators.map((c) => measureCreator(c, index, w, eligibleBeforeMs, o, asOfMs));

  const rByProject = new Map<string, number[]>();
  for (const ev of evaluations) {
    if (ev.views_per_follower === null) continue;
    const list = rByProject.get(ev.project_id);
    if (list) list.push(ev.views_per_follower);
    else rByProject.set(ev.project_id, [ev.views_per_follower]);
  }
  const baselines = new Map<string, number | null>();
  for (const [projectId, rs] of rByProject) baselines.set(projectId, median(rs));

  // Tracking counts up to the end of the window's last day, or the analysis instant if earlier.
  const trackedUntilMs = Math.min(asOfMs, (to + 1) * DAY_MS);
  for (const ev of evaluations) {
    const baseline = baselines.get(ev.project_id) ?? null;
    ev.project_baseline = baseline;
    ev.ratio_to_baseline = safeRatio(ev.views_per_follower, baseline);
    judge(ev, o, range, trackedUntilMs);
  }

  const projectIds = [...new Set(creators.map((c) => c.project_id))].sort();
  const knownCreators = new Set(creators.map((c) => c.id));
  let attributed = 0;
  index.creatorIds.forEach((id, slot) => {
    if (knownCreators.has(id)) attributed += index.start[slot + 1]! - index.start[slot]!;
  });

  const byHandle = [...evaluations].sort((a, b) => (a.tiktok_handle < b.tiktok_handle ? -1 : 1));
  return {
    range,
    evaluated_count: evaluations.length,
    baselines: projectIds.map(
      (id): ProjectBaseline => ({
        project_id: id,
        baseline_views_per_follower: round(baselines.get(id) ?? null, 6),
        creators_with_data_count: rByProject.get(id)?.length ?? 0,
      }),
    ),
    underperformers: evaluations.filter((ev) => ev.reasons.length > 0).sort(compareSeverity),
    evaluations: byHandle,
    posting_gaps: evaluations
      .filter((ev) => ev.gap_weeks.length > 0)
      .map((ev): PostingGaps[number] => ({ creator_id: ev.creator_id, weeks: ev.gap_weeks }))
      .sort((a, b) => (a.creator_id < b.creator_id ? -1 : 1)),
    stale_creators: evaluations
      .filter((ev) => ev.stale)
      .map((ev): StaleCreator => ({ creator_id: ev.creator_id, last_scraped_at: ev.last_scraped_at }))
      .sort((a, b) => (a.creator_id < b.creator_id ? -1 : 1)),
    unattributed_videos: index.videos.length - attributed + index.undated,
    pending_review: index.pending,
    backlog: evaluations
      .filter((ev) => ev.pending_review_count > 0)
      .map(
        (ev): BacklogEntry => ({
          creator_id: ev.creator_id,
          tiktok_handle: ev.tiktok_handle,
          pending_review_count: ev.pending_review_count,
        }),
      )
      .sort(
        (a, b) =>
          b.pending_review_count - a.pending_review_count ||
          (a.tiktok_handle < b.tiktok_handle ? -1 : a.tiktok_handle > b.tiktok_handle ? 1 : 0),
      ),
    cannot_judge: byHandle
      .filter((ev) => ev.cannot_judge.length > 0)
      .map(
        (ev): CannotJudgeCreator => ({
          creator_id: ev.creator_id,
          tiktok_handle: ev.tiktok_handle,
          checks: ev.cannot_judge.map((j) => j.check),
          reason: ev.cannot_judge.map((j) => j.reason).join("; "),
        }),
      ),
  };
}
