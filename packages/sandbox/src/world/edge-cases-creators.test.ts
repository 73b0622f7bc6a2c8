/**
 * Issue 12, case 4, in the generator and the planted truth: each world plants creators added
 * mid-window, selective backlogs, creators without a follower count and creators who never posted, and
 * the truth, computed from the records and snapshots, judges them by the rules:
 * - posting gaps only in full weeks from the creator's `created_at` (tracking start) on;
 * - pending posts in the window are the team's backlog: not `not_posting`, listed in `backlogs`;
 * - no follower count (0): not ranked on views per follower, listed in `cannot_judge`;
 * - tracked for at least 14 days without any counted post: `not_posting`.
 */
import { describe, expect, it } from "vitest";
import { buildWorld } from "./generate.js";
import { computeTruth, counts } from "./truth.js";
import type { PlantedTruth, VideoRecord, World } from "./types.js";

const DAY = 86_400_000;

type TruthExtra = {
  backlogs?: Array<{ creator_id: string; pending_review_count: number }>;
  cannot_judge?: Array<{ creator_id: string; checks: string[] }>;
};
const extra = (t: PlantedTruth) => t as PlantedTruth & TruthExtra;

const CASES: Array<[string, Parameters<typeof buildWorld>[0]]> = [
  ["small seed 42", { seed: 42, scale: "small", now: "2026-06-17T15:30:00Z" }],
  ["small seed 11 (Sunday 00:20)", { seed: 11, scale: "small", now: "2026-03-01T00:20:00Z" }],
  ["medium seed 5", { seed: 5, scale: "medium", now: "2026-06-17T15:30:00Z" }],
];

function byCreator(w: World): Map<string, VideoRecord[]> {
  const out = new Map<string, VideoRecord[]>();
  for (const v of w.videos) {
    if (v.creator_id === null || v._deleted) continue;
    const list = out.get(v.creator_id);
    if (list) list.push(v);
    else out.set(v.creator_id, [v]);
  }
  return out;
}

const reasonsOf = (t: PlantedTruth, id: string) =>
  t.underperformers.find((u) => u.creator_id === id)?.reasons ?? [];

describe.each(CASES)("case 4 planted (%s)", (_, options) => {
  const { world: w } = buildWorld(options);
  const t = w.truth;
  const nowMs = Date.parse(w.now);
  const videos = byCreator(w);
  const inWindow = (v: VideoRecord) =>
    v.posted_at.slice(0, 10) >= t.window.from && v.posted_at.slice(0, 10) <= t.window.to;

  it("plants creators added mid-window, and judges their gaps only from tracking start", () => {
    const mid = w.creators.filter(
      (c) =>
        c.created_at.slice(0, 10) > t.window.from &&
        (videos.get(c.id) ?? []).some((v) => counts(v) && inWindow(v)),
    );
    expect(mid.length).toBeGreaterThan(0);
    for (const c of mid) {
      const gaps = t.posting_gaps.find((g) => g.creator_id === c.id)?.weeks ?? [];
      for (const week of gaps) expect(`${week}T00:00:00.000Z` >= c.created_at, `${c.id} ${week}`).toBe(true);
      // The planted ones post every tracked week: no gap at all.
      expect(reasonsOf(t, c.id)).not.toContain("posting_gaps");
    }
  });

  it("plants selective backlogs: pending posts in the window, not not_posting, listed with their count", () => {
    const backlog = w.creators.filter((c) => {
      const vs = videos.get(c.id) ?? [];
      return (
        c.tracking_mode === "selective" &&
        vs.some((v) => v.tracking_status === "pending_review" && inWindow(v)) &&
        !vs.some((v) => counts(v) && inWindow(v))
      );
    });
    expect(backlog.length).toBeGreaterThan(0);
    for (const c of backlog) expect(reasonsOf(t, c.id)).not.toContain("not_posting");
    const listed = new Map((extra(t).backlogs ?? []).map((b) => [b.creator_id, b.pending_review_count]));
    for (const c of backlog) {
      const pending = (videos.get(c.id) ?? []).filter(
        (v) => v.tracking_status === "pending_review" && inWindow(v),
      );
      expect(listed.get(c.id)).toBe(pending.length);
    }
  });

  it("plants creators without a follower count: never low_views_per_post, listed as cannot judge", () => {
    const none = w.creators.filter((c) => c.follower_count === 0);
    expect(none.length).toBeGreaterThan(0);
    const cannot = new Map((extra(t).cannot_judge ?? []).map((c) => [c.creator_id, c.checks]));
    for (const c of none) {
      expect(reasonsOf(t, c.id)).not.toContain("low_views_per_post");
      expect(cannot.get(c.id)).toContain("low_views_per_post");
    }
  });

  it("plants creators who never posted: not_posting once tracked for 14 days", () => {
    const never = w.creators.filter((c) => !(videos.get(c.id) ?? []).some(counts));
    const long = never.filter((c) => nowMs - Date.parse(c.created_at) >= 14 * DAY);
    expect(long.length).toBeGreaterThan(0);
    for (const c of long) expect(reasonsOf(t, c.id)).toContain("not_posting");
    for (const c of never.filter((x) => nowMs - Date.parse(x.created_at) < 14 * DAY))
      expect(reasonsOf(t, c.id)).not.toContain("not_posting");
  });
});

describe("case 4: the truth follows the data", () => {
  const fresh = () => buildWorld({ seed: 42, scale: "small", now: "2026-06-17T15:30:00Z" }).world;
  /** Auto-mode creators the truth does not flag, tracked for months, with counted posts. */
  const ordinaries = (w: World) =>
    w.creators.filter(
      (c) =>
        c.tracking_mode === "auto" &&
        c.follower_count > 0 &&
        Date.parse(w.now) - Date.parse(c.created_at) > 60 * DAY &&
        w.videos.some((v) => v.creator_id === c.id && counts(v)) &&
        !w.truth.underperformers.some((u) => u.creator_id === c.id) &&
        !w.truth.over_posting.some((o) => o.creator_id === c.id),
    );
  const ordinary = (w: World) => ordinaries(w)[0]!;

  it("moves a creator's tracking start mid-window: the untracked weeks are no gaps", () => {
    const w = fresh();
    const c = ordinary(w);
    // Tracking starts on the Wednesday after the window's second full week began.
    const weeks = fullWeeks(w);
    const start = Date.parse(`${weeks[1]}T00:00:00Z`) + 2 * DAY + 9 * 3_600_000;
    c.created_at = new Date(start).toISOString();
    for (const v of w.videos) if (v.creator_id === c.id && Date.parse(v.posted_at) < start) v._deleted = true;
    const t = computeTruth(w);
    // Weeks 0 and 1 began before tracking did: not the creator's gaps.
    expect(t.posting_gaps.find((g) => g.creator_id === c.id)).toBeUndefined();
    expect(reasonsOf(t, c.id)).toEqual([]);
  });

  it("turns the window's posts of a creator into a backlog: listed, not not_posting", () => {
    const w = fresh();
    const c = ordinary(w);
    let n = 0;
    for (const v of w.videos)
      if (v.creator_id === c.id && v.posted_at.slice(0, 10) >= w.truth.window.from) {
        v.tracking_status = "pending_review";
        n++;
      }
    c.tracking_mode = "selective";
    const t = computeTruth(w);
    expect(reasonsOf(t, c.id)).toEqual([]);
    expect(extra(t).backlogs?.find((b) => b.creator_id === c.id)?.pending_review_count).toBe(n);
  });

  it("cannot judge a creator whose follower count is 0, and flags one that never posted", () => {
    const w = fresh();
    const [a, b] = ordinaries(w);
    a!.follower_count = 0;
    for (const v of w.videos) if (v.creator_id === b!.id) v._deleted = true;
    const t = computeTruth(w);
    expect(extra(t).cannot_judge?.find((x) => x.creator_id === a!.id)?.checks).toEqual([
      "low_views_per_post",
    ]);
    expect(reasonsOf(t, b!.id)).toEqual(["not_posting"]);
  });
});

/** Mondays (YYYY-MM-DD) of the ISO weeks fully inside the truth's window. */
function fullWeeks(w: World): string[] {
  const from = Date.parse(`${w.truth.window.from}T00:00:00Z`);
  const to = Date.parse(`${w.truth.window.to}T00:00:00Z`);
  const out: string[] = [];
  let monday = from + ((8 - new Date(from).getUTCDay()) % 7) * DAY;
  for (; monday + 6 * DAY <= to; monday += 7 * DAY) out.push(new Date(monday).toISOString().slice(0, 10));
  return out;
}
