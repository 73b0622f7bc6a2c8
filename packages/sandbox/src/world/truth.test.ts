import { describe, expect, it } from "vitest";
import { buildWorld, type PlantedIntent } from "./generate.js";
import { truthJson } from "./index.js";
import { computeTruth, counts } from "./truth.js";
import type { PlantedTruth, World } from "./types.js";

type Reason = PlantedTruth["underperformers"][number]["reasons"][number];

const CASES: Array<[string, Parameters<typeof buildWorld>[0]]> = [
  ["tiny seed 42", { seed: 42, scale: "tiny", now: "2026-06-17T15:30:00Z" }],
  ["small seed 42", { seed: 42, scale: "small", now: "2026-06-17T15:30:00Z" }],
  ["small seed 11 (Sunday 00:20)", { seed: 11, scale: "small", now: "2026-03-01T00:20:00Z" }],
  ["small seed 2024 (Monday 23:50)", { seed: 2024, scale: "small", now: "2026-09-14T23:50:00Z" }],
  ["medium seed 5", { seed: 5, scale: "medium", now: "2026-06-17T15:30:00Z" }],
];

const DAY = 86_400_000;

function found(truth: PlantedTruth, reason: Reason): Set<string> {
  return new Set(truth.underperformers.filter((u) => u.reasons.includes(reason)).map((u) => u.creator_id));
}

describe.each(CASES)("planted truth (%s)", (_, options) => {
  const { world: w, intent } = buildWorld(options);
  const t = w.truth;
  const n = w.creators.length;

  const planted: Record<Reason, Set<string>> = {
    low_views_per_post: intent.lowViews,
    falling_engagement: intent.falling,
    posting_gaps: new Set(intent.gaps.keys()),
    not_posting: intent.notPosting,
  };

  it.each(Object.keys(planted) as Reason[])(
    "finds every creator planted with %s, and hardly any other",
    (reason) => {
      const hits = found(t, reason);
      const want = planted[reason];
      if (n >= 50) expect(want.size).toBeGreaterThan(0);
      for (const id of want) expect(hits.has(id), `${reason} planted on ${id}`).toBe(true);
      const extra = [...hits].filter((id) => !want.has(id));
      expect(extra.length).toBeLessThanOrEqual(Math.floor(0.02 * n));
    },
  );

  it("plants underperformers at about the intended rates", () => {
    if (n < 50) return;
    const share = (s: Set<string>) => s.size / n;
    expect(share(intent.lowViews)).toBeGreaterThan(0.03);
    expect(share(intent.lowViews)).toBeLessThan(0.1);
    expect(share(intent.falling)).toBeGreaterThan(0.03);
    expect(share(new Set(intent.gaps.keys()))).toBeGreaterThan(0.03);
    expect(share(intent.notPosting)).toBeGreaterThan(0.02);
  });

  it("lists the planted empty weeks exactly", () => {
    const byCreator = new Map(t.posting_gaps.map((g) => [g.creator_id, g.weeks]));
    for (const [id, weeks] of intent.gaps) expect(byCreator.get(id)).toEqual(weeks);
    for (const g of t.posting_gaps) {
      for (const week of g.weeks) {
        expect(new Date(`${week}T00:00:00Z`).getUTCDay()).toBe(1);
        expect(week >= t.window.from).toBe(true);
        expect(
          new Date(Date.parse(`${week}T00:00:00Z`) + 6 * DAY).toISOString().slice(0, 10) <= t.window.to,
        ).toBe(true);
      }
    }
  });

  it("lists every underperformer with all of its reasons", () => {
    const all = new Set([...Object.values(planted)].flatMap((s) => [...s]));
    const listed = new Map(t.underperformers.map((u) => [u.creator_id, u]));
    for (const id of all) expect(listed.has(id)).toBe(true);
    for (const [reason, ids] of Object.entries(planted)) {
      for (const id of ids) expect(listed.get(id)?.reasons).toContain(reason);
    }
    for (const u of t.underperformers) {
      expect(u.reasons.length).toBeGreaterThan(0);
      expect(w.creators.find((c) => c.id === u.creator_id)?.project_id).toBe(u.project_id);
    }
    if (n >= 500) expect(t.underperformers.some((u) => u.reasons.length > 1)).toBe(true);
  });

  it("finds exactly the stale creators", () => {
    expect(new Set(t.stale_creators)).toEqual(intent.stale);
    const nowMs = Date.parse(w.now);
    for (const c of w.creators) {
      expect(t.stale_creators.includes(c.id)).toBe(nowMs - Date.parse(c.last_scraped_at!) > 12 * 3_600_000);
    }
  });

  it("finds every planted outlier that can be judged, and few others", () => {
    const nowMs = Date.parse(w.now);
    const eligible = new Map<string, number>();
    for (const v of w.videos) {
      if (v.creator_id && counts(v) && nowMs - Date.parse(v.posted_at) >= 7 * DAY) {
        eligible.set(v.creator_id, (eligible.get(v.creator_id) ?? 0) + 1);
      }
    }
    const hits = new Map(t.outlier_videos.map((o) => [o.video_id, o.direction]));
    let judged = 0;
    for (const v of w.videos) {
      const dir = intent.outliers.get(v.id);
      if (!dir || !counts(v) || nowMs - Date.parse(v.posted_at) < 7 * DAY) continue;
      if ((eligible.get(v.creator_id!) ?? 0) < 5) continue;
      judged++;
      expect(hits.get(v.id), `outlier ${v.id}`).toBe(dir);
    }
    expect(judged).toBeGreaterThan(0);
    const extra = t.outlier_videos.filter((o) => !intent.outliers.has(o.video_id)).length;
    expect(extra).toBeLessThanOrEqual(Math.ceil(0.002 * w.videos.length));
    expect(t.outlier_videos.some((o) => o.direction === "high")).toBe(true);
    expect(t.outlier_videos.some((o) => o.direction === "low")).toBe(true);
  });

  it("finds exactly the planted over-posting days, recent and older", () => {
    const key = (o: { creator_id: string; date: string }) => `${o.creator_id}/${o.date}`;
    expect(new Set(t.over_posting.map(key))).toEqual(new Set(intent.overPosting.map(key)));
    expect(t.over_posting.length).toBeGreaterThanOrEqual(2);
    const asOf = Date.parse(`${w.days.at(-1)}T00:00:00Z`);
    const age = (d: string) => (asOf - Date.parse(`${d}T00:00:00Z`)) / DAY;
    expect(t.over_posting.some((o) => age(o.date) < 7)).toBe(true);
    expect(t.over_posting.some((o) => age(o.date) >= 7)).toBe(true);
  });

  it("keeps every list sorted and the window at the last 30 days", () => {
    const sorted = (xs: string[]) => xs.every((x, k) => k === 0 || xs[k - 1]! <= x);
    expect(sorted(t.underperformers.map((u) => u.creator_id))).toBe(true);
    expect(sorted(t.posting_gaps.map((g) => g.creator_id))).toBe(true);
    expect(sorted(t.stale_creators)).toBe(true);
    expect(sorted(t.outlier_videos.map((o) => o.video_id))).toBe(true);
    expect(sorted(t.over_posting.map((o) => `${o.creator_id}/${o.date}`))).toBe(true);
    expect(t.window).toEqual({ from: w.days.at(-30), to: w.days.at(-1) });
    expect(t.as_of).toBe(w.now);
    expect(JSON.parse(truthJson(w))).toEqual(t);
  });
});

describe("the truth follows the data, not the plan", () => {
  const fresh = () => buildWorld({ seed: 42, scale: "small", now: "2026-06-17T15:30:00Z" });
  const ordinary = (w: World, intent: PlantedIntent) =>
    w.creators.find(
      (c) =>
        !w.truth.underperformers.some((u) => u.creator_id === c.id) &&
        !intent.overPosting.some((o) => o.creator_id === c.id) &&
        c.tracking_mode === "auto",
    )!;

  it("turns a creator whose recent videos are excluded into a non-poster", () => {
    const { world: w, intent } = fresh();
    const c = ordinary(w, intent);
    const from = w.truth.window.from;
    for (const v of w.videos)
      if (v.creator_id === c.id && v.posted_at.slice(0, 10) >= from) v.tracking_status = "excluded";
    const t = computeTruth(w);
    expect(t.underperformers.find((u) => u.creator_id === c.id)?.reasons).toEqual(["not_posting"]);
  });

  it("sees a gap when one week's videos are deleted, and an outlier when views jump", () => {
    const { world: w, intent } = fresh();
    const c = ordinary(w, intent);
    const week = w.days.at(-14)!; // some day in a full week of the window
    const monday = new Date(
      Date.parse(`${week}T00:00:00Z`) - ((new Date(`${week}T00:00:00Z`).getUTCDay() + 6) % 7) * DAY,
    );
    const start = monday.toISOString().slice(0, 10);
    const end = new Date(monday.getTime() + 6 * DAY).toISOString().slice(0, 10);
    const mine = w.videos.filter((v) => v.creator_id === c.id);
    for (const v of mine)
      if (v.posted_at.slice(0, 10) >= start && v.posted_at.slice(0, 10) <= end) v._deleted = true;
    const old = mine.find((v) => Date.parse(w.now) - Date.parse(v.posted_at) > 20 * DAY)!;
    old.view_count *= 100;
    const t = computeTruth(w);
    expect(t.posting_gaps.find((g) => g.creator_id === c.id)?.weeks).toEqual([start]);
    expect(t.outlier_videos.find((o) => o.video_id === old.id)?.direction).toBe("high");
  });
});
