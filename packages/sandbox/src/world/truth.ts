/**
 * The planted truth, computed by applying the binding definitions to the generated records by brute
 * force. It is deliberately independent of how the generator planted things: whatever the data says is
 * the truth, and the generator's tests check that the planted signals are what the data says.
 *
 * A DELIBERATE SECOND IMPLEMENTATION: every rule here (which videos count, over-posting confirmation,
 * provisional goals, …) is written again from the docs instead of imported from @goatkit/core, so that a
 * bug in core's one definition shows up as a truth mismatch instead of agreeing with itself. Do not
 * replace these copies with core's functions.
 *
 * D = the as-of day, window = [D−29, D]. A video is counted when its status is auto_tracked, included or
 * direct_add, it is not deleted and its tracking is enabled (`tracking_enabled` not false); only counted
 * videos with a creator count for that creator.
 *
 * Creators are judged only for what is theirs (issue 12, case 4): a creator's tracking starts at its
 * `created_at`, so only full weeks starting at or after it can be posting gaps; posts of the window
 * waiting in the Tracking Inbox (`pending_review`, not deleted, tracking on) are the team's backlog, so a
 * week with one is no gap and a creator with one is not `not_posting`; without a follower count (0) a
 * creator has no views-per-follower ratio and is "cannot judge" on low views; `not_posting` (no counted
 * post in the window, after earlier ones or none ever) needs 14 days of tracking, before which it is
 * "cannot judge".
 */
import { DAY_MS, HOUR_MS } from "@goatkit/core/analysis";
import { parseIso, Timeline } from "./time.js";
import type { PlantedTruth, TrackingStatus, VideoRecord, World } from "./types.js";

type Reason = PlantedTruth["underperformers"][number]["reasons"][number];
type Totals = PlantedTruth["campaign_totals"][string];

/** Median with the two middle values averaged for even counts. */
export function median(xs: number[]): number {
  const s = Float64Array.from(xs).sort();
  const n = s.length;
  if (n === 0) return Number.NaN;
  return n % 2 === 1 ? s[n >> 1]! : (s[(n >> 1) - 1]! + s[n >> 1]!) / 2;
}

/** The counted statuses, spelled out again on purpose (see the header). */
const COUNTED: ReadonlySet<TrackingStatus> = new Set(["auto_tracked", "included", "direct_add"]);

export function counts(v: VideoRecord): boolean {
  return COUNTED.has(v.tracking_status) && !v._deleted && v.tracking_enabled !== false;
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * `postedMs` may supply posting instants the caller already has (the generator does), saving a parse of
 * every `posted_at`; by default they are parsed from the records.
 */
export function computeTruth(
  world: Omit<World, "truth">,
  postedMs: (v: VideoRecord) => number = (v) => parseIso(v.posted_at),
): PlantedTruth {
  const nowMs = parseIso(world.now);
  const tl = new Timeline(nowMs, world.days.length);
  const D = tl.asOf;
  const ws = tl.windowStart;
  const weeks = tl.fullWindowWeeks();

  // Counted, attributed videos per creator, with their posting instants.
  const creators = world.creators.filter((c) => !c._deleted);
  const slot = new Map<string, number>();
  creators.forEach((c, k) => {
    slot.set(c.id, k);
  });
  const videos: VideoRecord[][] = creators.map(() => []);
  const posted: number[][] = creators.map(() => []);
  for (const v of world.videos) {
    if (v.creator_id === null || !counts(v)) continue;
    const k = slot.get(v.creator_id);
    if (k === undefined) continue;
    videos[k]!.push(v);
    posted[k]!.push(postedMs(v));
  }

  // The Tracking Inbox backlog: each creator's pending posts of the window, by day index.
  const pendingDays: number[][] = creators.map(() => []);
  for (const v of world.videos) {
    if (v.creator_id === null || v.tracking_status !== "pending_review") continue;
    if (v._deleted || v.tracking_enabled === false) continue;
    const k = slot.get(v.creator_id);
    if (k === undefined) continue;
    const day = tl.index(postedMs(v));
    if (day >= ws && day <= D) pendingDays[k]!.push(day);
  }
  const backlogs: PlantedTruth["backlogs"] = [];
  const cannotJudge: PlantedTruth["cannot_judge"] = [];

  const reasons: Array<Set<Reason>> = creators.map(() => new Set());
  const ratios = new Map<string, Array<{ k: number; r: number }>>();
  const gaps: PlantedTruth["posting_gaps"] = [];
  const outliers: PlantedTruth["outlier_videos"] = [];
  const overPosting: PlantedTruth["over_posting"] = [];
  const unconfirmed: PlantedTruth["over_posting_unconfirmed"] = [];

  creators.forEach((c, k) => {
    const vs = videos[k]!;
    const ms = posted[k]!;
    const windowViews: number[] = [];
    const recent = { n: 0, eng: 0, views: 0 };
    const earlier = { n: 0, eng: 0, views: 0 };
    const weekPosts = new Array<number>(weeks.length).fill(0);
    let inWindow = 0;
    const oldViews: number[] = [];
    const oldVideos: VideoRecord[] = [];
    const days: number[] = [];
    for (let j = 0; j < vs.length; j++) {
      const v = vs[j]!;
      const t = ms[j]!;
      const day = tl.index(t);
      days.push(day);
      if (day >= ws && day <= D) {
        inWindow++;
        // (a) posts old enough to have settled
        if (nowMs - t >= 3 * DAY_MS) windowViews.push(v.view_count);
        // (b) engagement, recent half against earlier half
        const half = day >= D - 13 ? recent : earlier;
        half.n++;
        half.eng += v.like_count + v.comment_count + v.share_count + v.save_count;
        half.views += v.view_count;
        // (c) posts per full week
        for (let w = 0; w < weeks.length; w++) if (day >= weeks[w]! && day <= weeks[w]! + 6) weekPosts[w]!++;
      }
      // (f) candidates for outliers
      if (nowMs - t >= 7 * DAY_MS) {
        oldViews.push(Math.max(v.view_count, 1));
        oldVideos.push(v);
      }
    }

    // (a) the ratio is compared with the project's median below
    const checks: Reason[] = [];
    if (c.follower_count <= 0)
      checks.push("low_views_per_post"); // no follower count: no ratio
    else if (windowViews.length > 0) {
      const r = median(windowViews) / c.follower_count;
      const list = ratios.get(c.project_id);
      if (list) list.push({ k, r });
      else ratios.set(c.project_id, [{ k, r }]);
    }
    // (b) falling engagement
    if (recent.n >= 2 && earlier.n >= 2 && recent.views > 0 && earlier.views > 0) {
      if (recent.eng / recent.views < 0.6 * (earlier.eng / earlier.views))
        reasons[k]!.add("falling_engagement");
    }
    // (c) posting gaps, (d) not posting: only what is the creator's (see the header)
    const createdMs = parseIso(c.created_at);
    const pending = pendingDays[k]!;
    if (pending.length > 0) backlogs.push({ creator_id: c.id, pending_review_count: pending.length });
    if (inWindow > 0) {
      const empty = weeks.filter(
        (m, w) =>
          weekPosts[w] === 0 && tl.start(m) >= createdMs && !pending.some((d) => d >= m && d <= m + 6),
      );
      if (empty.length > 0) {
        reasons[k]!.add("posting_gaps");
        gaps.push({ creator_id: c.id, weeks: empty.map((m) => tl.day(m)) });
      }
    } else if (pending.length === 0) {
      if (nowMs - createdMs < 14 * DAY_MS) checks.push("not_posting");
      else reasons[k]!.add("not_posting"); // after earlier posts, or none since tracking started
    }
    if (checks.length > 0) cannotJudge.push({ creator_id: c.id, checks });
    // (f) outliers: robust z of log views among the creator's videos at least 7 days old
    if (oldViews.length >= 5) {
      const logs = oldViews.map(Math.log);
      const med = median(logs);
      const mad = median(logs.map((x) => Math.abs(x - med)));
      const medViews = median(oldViews);
      for (let j = 0; j < oldViews.length; j++) {
        const v = oldViews[j]!;
        const z = mad > 0 ? (logs[j]! - med) / (1.4826 * mad) : null;
        if ((z === null || z > 3.5) && v >= 5 * medViews) {
          outliers.push({ video_id: oldVideos[j]!.id, creator_id: c.id, direction: "high" });
        } else if ((z === null || z < -3.5) && v <= 0.2 * medViews) {
          outliers.push({ video_id: oldVideos[j]!.id, creator_id: c.id, direction: "low" });
        }
      }
    }
    // (g) over-posting: ≥ 7 posts in a UTC day, ≥ 2 under 100 views at the first daily snapshot
    // taken at least 2 h after posting, which exists only when the video was read (scraped) at least
    // 2 h after posting; a low count read earlier (or never) is unconfirmed
    const perDay = new Map<number, number[]>();
    days.forEach((d, j) => {
      const list = perDay.get(d);
      if (list) list.push(j);
      else perDay.set(d, [j]);
    });
    for (const [day, js] of perDay) {
      if (js.length < 7) continue;
      let low = 0;
      let early = 0;
      for (const j of js) {
        const v = vs[j]!;
        const read = v.last_scraped_at === null ? null : parseIso(v.last_scraped_at);
        if (read === null || read - ms[j]! < 2 * HOUR_MS) {
          if (v.view_count < 100) early++;
          continue;
        }
        const snapDay = tl.snapshotTime(day) - ms[j]! >= 2 * HOUR_MS ? day : day + 1;
        const snap = world.videoSnapshot(v, snapDay);
        if (snap !== null && snap.view_count < 100) low++;
      }
      if (low >= 2) overPosting.push({ creator_id: c.id, date: tl.day(day) });
      else if (low + early >= 2) unconfirmed.push({ creator_id: c.id, date: tl.day(day) });
    }
  });

  // (a) low views per post: under 0.4 × the median ratio of the creator's project
  for (const list of ratios.values()) {
    const baseline = median(list.map((x) => x.r));
    for (const x of list) if (x.r < 0.4 * baseline) reasons[x.k]!.add("low_views_per_post");
  }

  const order: Reason[] = ["low_views_per_post", "falling_engagement", "posting_gaps", "not_posting"];
  const underperformers: PlantedTruth["underperformers"] = [];
  creators.forEach((c, k) => {
    const rs = reasons[k]!;
    if (rs.size > 0)
      underperformers.push({
        creator_id: c.id,
        project_id: c.project_id,
        reasons: order.filter((r) => rs.has(r)),
      });
  });

  // (e) stale scrapes (never scraped counts as stale)
  const stale = creators
    .filter((c) => c.last_scraped_at === null || nowMs - parseIso(c.last_scraped_at) > 12 * HOUR_MS)
    .map((c) => c.id);

  return {
    seed: world.seed,
    scale: world.scale,
    as_of: world.now,
    window: { from: tl.day(ws), to: tl.day(D) },
    underperformers: underperformers.sort((x, y) => byString(x.creator_id, y.creator_id)),
    posting_gaps: gaps.sort((x, y) => byString(x.creator_id, y.creator_id)),
    stale_creators: stale.sort(byString),
    backlogs: backlogs.sort((x, y) => byString(x.creator_id, y.creator_id)),
    cannot_judge: cannotJudge.sort((x, y) => byString(x.creator_id, y.creator_id)),
    outlier_videos: outliers.sort((x, y) => byString(x.video_id, y.video_id)),
    over_posting: overPosting.sort(
      (x, y) => byString(x.creator_id, y.creator_id) || byString(x.date, y.date),
    ),
    over_posting_unconfirmed: unconfirmed.sort(
      (x, y) => byString(x.creator_id, y.creator_id) || byString(x.date, y.date),
    ),
    tracking_disabled_videos: world.videos
      .filter((v) => v.tracking_enabled === false)
      .map((v) => v.id)
      .sort(byString),
    provisional_goals: provisionalGoals(world, nowMs),
    campaign_totals: campaignTotals(world),
  };
}

/**
 * Goal periods that closed less than 48 h before `nowMs` (goals guide, "Data advisories"). Periods are
 * UTC days, ISO weeks (Monday start) and calendar months; they close at a midnight, so only the two
 * midnights before `nowMs` (today's and yesterday's) can be that recent. A goal counts for a period
 * when it is active, its creator is not deleted, it started by the period's last day and did not end
 * before the period's first.
 */
export function provisionalGoals(
  world: Pick<World, "goals" | "creators">,
  nowMs: number,
): PlantedTruth["provisional_goals"] {
  const live = new Set(world.creators.filter((c) => !c._deleted).map((c) => c.id));
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const today = Math.floor(nowMs / DAY_MS) * DAY_MS;
  const out: PlantedTruth["provisional_goals"] = [];
  for (const close of [today, today - DAY_MS]) {
    if (nowMs - close >= 48 * HOUR_MS) continue;
    const last = close - DAY_MS; // the closed period's last day
    const d = new Date(last);
    const starts: Record<string, number> = {
      daily: last,
      weekly: last - ((d.getUTCDay() + 6) % 7) * DAY_MS,
      monthly: Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1),
    };
    const closesHere: Record<string, boolean> = {
      daily: true,
      weekly: new Date(close).getUTCDay() === 1,
      monthly: new Date(close).getUTCDate() === 1,
    };
    for (const g of world.goals) {
      if (!g.is_active || !live.has(g.creator_id) || !closesHere[g.period]) continue;
      const start = day(starts[g.period]!);
      if (g.start_date !== null && g.start_date > day(last)) continue;
      if (g.end_date !== null && g.end_date < start) continue;
      out.push({ goal_id: g.id, creator_id: g.creator_id, period_start: start, period_end: day(last) });
    }
  }
  return out.sort((x, y) => byString(x.goal_id, y.goal_id) || byString(x.period_start, y.period_start));
}

/** Each campaign's recursive, de-duplicated set of counted videos, summed at current counts. */
export function campaignTotals(
  world: Pick<World, "campaigns" | "campaignItems" | "videos">,
): Record<string, Totals> {
  // Index only what the items reference: at the largest scale most videos belong to no campaign, and
  // hashing every video id just to find out costs more than the rest of the roll-up. A numeric key of
  // each id's first four characters screens them cheaply first.
  const prefix = (id: string) =>
    ((id.charCodeAt(0) << 21) ^ (id.charCodeAt(1) << 14) ^ (id.charCodeAt(2) << 7) ^ id.charCodeAt(3)) >>> 0;
  const wantedVideos = new Set<string>();
  const wantedPrefixes = new Set<number>();
  const wantedCreators = new Set<string>();
  for (const it of world.campaignItems) {
    if (it.item_type === "video") {
      wantedVideos.add(it.item_id);
      wantedPrefixes.add(prefix(it.item_id));
    } else if (it.item_type === "creator") wantedCreators.add(it.item_id);
  }
  const videosById = new Map<string, VideoRecord>();
  const countedByCreator = new Map<string, VideoRecord[]>();
  for (const v of world.videos) {
    if (wantedPrefixes.has(prefix(v.id)) && wantedVideos.has(v.id)) videosById.set(v.id, v);
    if (v.creator_id === null || !wantedCreators.has(v.creator_id) || !counts(v)) continue;
    const list = countedByCreator.get(v.creator_id);
    if (list) list.push(v);
    else countedByCreator.set(v.creator_id, [v]);
  }
  const itemsOf = new Map<string, World["campaignItems"]>();
  for (const it of world.campaignItems) {
    const list = itemsOf.get(it.campaign_id);
    if (list) list.push(it);
    else itemsOf.set(it.campaign_id, [it]);
  }
  // Sets of ids rather than of records: hashing a record object would add a hidden field to all of them.
  const resolve = (id: string, seen: Set<string>, into: Map<string, VideoRecord>) => {
    if (seen.has(id)) return; // cycles cannot be created through the API, but never loop
    seen.add(id);
    for (const it of itemsOf.get(id) ?? []) {
      if (it.item_type === "creator")
        for (const v of countedByCreator.get(it.item_id) ?? []) into.set(v.id, v);
      else if (it.item_type === "video") {
        const v = videosById.get(it.item_id);
        if (v && counts(v)) into.set(v.id, v);
      } else resolve(it.item_id, seen, into);
    }
  };
  const out: Record<string, Totals> = {};
  for (const c of world.campaigns.slice().sort((a, b) => byString(a.id, b.id))) {
    const set = new Map<string, VideoRecord>();
    resolve(c.id, new Set(), set);
    const t: Totals = {
      view_count: 0,
      like_count: 0,
      comment_count: 0,
      share_count: 0,
      save_count: 0,
      video_count: set.size,
      creator_count: 0,
    };
    const creatorIds = new Set<string>();
    for (const v of set.values()) {
      t.view_count += v.view_count;
      t.like_count += v.like_count;
      t.comment_count += v.comment_count;
      t.share_count += v.share_count;
      t.save_count += v.save_count;
      if (v.creator_id !== null) creatorIds.add(v.creator_id);
    }
    t.creator_count = creatorIds.size;
    out[c.id] = t;
  }
  return out;
}
