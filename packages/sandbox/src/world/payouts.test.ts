import { describe, expect, it } from "vitest";
import { isCounted } from "../stats/counted.js";
import { generateWorld } from "./index.js";
import type { VideoRecord, World } from "./types.js";

const DAY = 86_400_000;

const WORLDS: Array<[string, World]> = [
  ["small", generateWorld({ seed: 42, scale: "small", now: "2026-06-17T15:30:00Z" })],
  ["medium", generateWorld({ seed: 5, scale: "medium", now: "2026-03-01T00:20:00Z" })],
];

describe.each(WORLDS)("payouts (%s)", (_, w) => {
  const index = (day: string) =>
    Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${w.days[0]}T00:00:00Z`)) / DAY);
  const structures = new Map(w.payoutStructures.map((s) => [s.id, s]));
  const accruals = new Map(w.payoutAccruals.map((a) => [a.id, a]));
  const methods = new Map(w.payoutMethods.map((m) => [m.id, m]));
  const counted = new Map<string, VideoRecord[]>();
  for (const v of w.videos) {
    if (v.creator_id && isCounted(v)) counted.set(v.creator_id, [...(counted.get(v.creator_id) ?? []), v]);
  }
  const views = (v: VideoRecord, d: number) => w.videoSnapshot(v, d)?.view_count ?? 0;
  const gained = (creatorId: string, a: number, b: number) =>
    (counted.get(creatorId) ?? []).reduce(
      (s, v) => s + (w.videoSnapshot(v, b) ? views(v, b) - views(v, a - 1) : 0),
      0,
    );

  it("has the three built-in methods and a custom one per org", () => {
    for (const org of w.orgs) {
      const mine = w.payoutMethods.filter((m) => m.org_id === org.id);
      expect(
        mine
          .filter((m) => m.is_default)
          .map((m) => m.name)
          .sort(),
      ).toEqual(["Cash App", "PayPal", "Venmo"]);
      expect(mine.filter((m) => !m.is_default)).toHaveLength(1);
    }
  });

  it("has structures of all four rule types in every project, assigned to its creators", () => {
    const creatorProject = new Map(w.creators.map((c) => [c.id, c.project_id]));
    for (const p of w.projects) {
      const types = new Set(w.payoutStructures.filter((s) => s.project_id === p.id).map((s) => s.rule_type));
      expect(types).toEqual(new Set(["recurring", "goals", "cpm", "view_threshold"]));
    }
    for (const a of w.payoutAssignments) {
      expect(creatorProject.get(a.creator_id)).toBe(structures.get(a.structure_id)!.project_id);
      if (a.end_date) expect(a.start_date <= a.end_date).toBe(true);
    }
    const goals = new Map(w.goals.map((g) => [g.id, g]));
    for (const s of w.payoutStructures.filter((x) => x.rule_type === "goals")) {
      const g = goals.get(s.goal_id!)!;
      expect(w.payoutAssignments.some((a) => a.structure_id === s.id && a.creator_id === g.creator_id)).toBe(
        true,
      );
    }
  });

  it("accrues amounts that follow from each rule and the snapshots", () => {
    const kinds = new Set<string>();
    for (const a of w.payoutAccruals) {
      const s = structures.get(a.structure_id)!;
      const assignment = w.payoutAssignments.find(
        (x) => x.structure_id === s.id && x.creator_id === a.creator_id,
      )!;
      expect(assignment).toBeDefined();
      expect(a.period_start <= a.period_end).toBe(true);
      expect(a.period_end < w.days.at(-1)!).toBe(true);
      expect(Date.parse(a.created_at)).toBeGreaterThan(Date.parse(`${a.period_end}T23:59:59Z`));
      const [lo, hi] = [index(a.period_start), index(a.period_end)];
      kinds.add(`${s.rule_type}/${s.period}`);
      if (s.rule_type === "recurring" && s.period === "weekly") {
        // Whole weeks, except where the assignment starts or ends mid-week (prorated by day).
        const dow = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay();
        expect(dow(a.period_end) === 0 || a.period_end === assignment.end_date).toBe(true);
        expect(dow(a.period_start) === 1 || a.period_start === assignment.start_date).toBe(true);
        expect(hi - lo).toBeLessThan(7);
        expect(a.amount_cents).toBe(Math.round((s.amount_cents * (hi - lo + 1)) / 7));
      } else if (s.rule_type === "recurring") {
        expect(a.period_start.endsWith("-01")).toBe(true);
        const history = s.metadata.version_history as Array<{ amount_cents: number }>;
        expect(a.amount_cents).toBe(
          a.structure_version === s.version ? s.amount_cents : history[0]!.amount_cents,
        );
      } else if (s.rule_type === "cpm") {
        expect(a.amount_cents).toBe(Math.round((gained(a.creator_id, lo, hi) * s.amount_cents) / 1000));
      } else if (s.rule_type === "view_threshold") {
        expect(lo).toBe(hi);
        const crossed = (counted.get(a.creator_id) ?? []).filter(
          (v) => views(v, hi) >= s.threshold_views! && views(v, hi - 1) < s.threshold_views!,
        );
        expect(crossed.length).toBeGreaterThan(0);
        expect(a.amount_cents).toBe(s.amount_cents);
      } else {
        const g = w.goals.find((x) => x.id === s.goal_id)!;
        expect(g.creator_id).toBe(a.creator_id);
        expect(Date.parse(a.created_at) - Date.parse(`${a.period_end}T23:59:59Z`)).toBeGreaterThanOrEqual(
          48 * 3_600_000,
        );
        const actual =
          g.metric === "posts"
            ? (counted.get(a.creator_id) ?? []).filter(
                (v) => v.posted_at.slice(0, 10) >= a.period_start && v.posted_at.slice(0, 10) <= a.period_end,
              ).length
            : gained(a.creator_id, lo, hi);
        expect(actual).toBeGreaterThanOrEqual(g.target_value);
        expect(a.amount_cents).toBe(s.amount_cents);
      }
    }
    expect([...kinds].filter((k) => !k.startsWith("goals/")).sort()).toEqual([
      "cpm/weekly",
      "recurring/monthly",
      "recurring/weekly",
      "view_threshold/one_time",
    ]);
    expect(new Set(w.payoutAccruals.map((a) => a.status))).toEqual(new Set(["paid", "unpaid", "void"]));
  });

  it("records payments that settle exactly the paid accruals", () => {
    const paidBy = new Map<string, number>();
    for (const p of w.payoutPayments) {
      const m = methods.get(p.method_id)!;
      expect(m.org_id).toBe(p.org_id);
      expect(p.method_name).toBe(m.name);
      expect(Date.parse(p.paid_at)).toBeLessThanOrEqual(Date.parse(w.now));
      if (p.accrual_ids.length === 0) continue;
      const list = p.accrual_ids.map((id) => accruals.get(id)!);
      expect(p.amount_cents).toBe(list.reduce((s, a) => s + a.amount_cents, 0));
      for (const a of list) {
        expect(a.creator_id).toBe(p.creator_id);
        expect(Date.parse(p.paid_at)).toBeGreaterThanOrEqual(Date.parse(a.created_at));
        expect(a.status).toBe("paid");
      }
      if (p.status === "recorded") for (const id of p.accrual_ids) paidBy.set(id, (paidBy.get(id) ?? 0) + 1);
    }
    for (const a of w.payoutAccruals) expect(paidBy.get(a.id) ?? 0).toBe(a.status === "paid" ? 1 : 0);
    expect(w.payoutPayments.some((p) => p.accrual_ids.length === 0)).toBe(true);
  });
});

it("voids a few payments and re-sends them", () => {
  const w = WORLDS[1]![1];
  const voided = w.payoutPayments.filter((p) => p.status === "void");
  expect(voided.length).toBeGreaterThan(0);
  for (const v of voided) {
    const resent = w.payoutPayments.find(
      (p) => p.status === "recorded" && p.accrual_ids.join() === v.accrual_ids.join(),
    );
    expect(resent).toBeDefined();
    expect(v.paid_at <= resent!.paid_at).toBe(true);
  }
});
