/**
 * Payouts: per org the three built-in methods plus a custom one; per project structures of all four rule
 * types, their assignments to creators, the accruals those rules produce over the snapshot span, and the
 * payments that settled them. Accrual amounts are computed from the world's own snapshots, so they can be
 * re-derived: recurring = amount per period (prorated by day where the structure says so); cpm = views
 * gained by the creator's counted videos within the period × amount / 1,000; view_threshold = amount per
 * counted video whose views crossed the threshold that day; goals = amount per goal period met, accrued
 * 48 h after the period closed.
 */

import { DAY_MS, HOUR_MS } from "@goatkit/core/analysis";
import { uuid } from "./ids.js";
import { monthName } from "./names.js";
import { paymentNote, structureNote } from "./notes.js";
import type { Rng } from "./prng.js";
import { isCounted, type ProjectBuild } from "./project.js";
import type { Snapshots } from "./snapshots.js";
import { iso, MINUTE_MS, SECOND_MS, type Timeline } from "./time.js";
import type {
  CreatorRecord,
  GoalRecord,
  PayoutAccrualRecord,
  PayoutAssignmentRecord,
  PayoutMethodRecord,
  PayoutPaymentRecord,
  PayoutStructureRecord,
  VideoRecord,
} from "./types.js";

const BUILT_IN = ["Venmo", "Cash App", "PayPal"];

export function buildPayoutMethods(
  rng: Rng,
  orgId: string,
  custom: string,
  tl: Timeline,
): PayoutMethodRecord[] {
  const orgCreated = tl.day0Ms - rng.int(300, 500) * DAY_MS;
  const methods: PayoutMethodRecord[] = BUILT_IN.map((name, k) => ({
    id: uuid(rng),
    org_id: orgId,
    name,
    icon_url: `https://www.trackagoat.com/icons/payout/${name.toLowerCase().replace(/\s+/g, "-")}.svg`,
    is_default: true,
    is_active: true,
    metadata: {},
    readme: null,
    created_at: iso(orgCreated + k * SECOND_MS),
    updated_at: iso(orgCreated + k * SECOND_MS),
  }));
  const customCreated = orgCreated + rng.int(30, 200) * DAY_MS;
  methods.push({
    id: uuid(rng),
    org_id: orgId,
    name: custom,
    icon_url: null,
    is_default: false,
    is_active: true,
    metadata: { added_by: "ops", currency: custom === "Wise" ? "multi" : "USD" },
    readme:
      custom === "Wise"
        ? "For creators outside the US (UK, EU, Canada)."
        : "ACH; needs routing details on file.",
    created_at: iso(customCreated),
    updated_at: iso(customCreated + rng.int(0, 30) * DAY_MS),
  });
  return methods;
}

export interface ProjectPayouts {
  structures: PayoutStructureRecord[];
  assignments: PayoutAssignmentRecord[];
  accruals: PayoutAccrualRecord[];
  payments: PayoutPaymentRecord[];
}

interface Period {
  a: number;
  b: number;
}

/** Whole periods (day indices, inclusive) that end by `hi` and overlap [lo, hi]. */
function periods(tl: Timeline, kind: "daily" | "weekly" | "monthly", lo: number, hi: number): Period[] {
  const out: Period[] = [];
  if (kind === "daily") {
    for (let d = lo; d <= hi; d++) out.push({ a: d, b: d });
  } else if (kind === "weekly") {
    for (let m = tl.weekStart(lo); m <= hi; m += 7) if (m + 6 <= hi) out.push({ a: m, b: m + 6 });
  } else {
    const d = new Date(tl.start(lo));
    for (let y = d.getUTCFullYear(), mo = d.getUTCMonth(); ; mo++) {
      const a = tl.index(Date.UTC(y, mo, 1));
      const b = tl.index(Date.UTC(y, mo + 1, 1)) - 1;
      if (a > hi) break;
      if (b <= hi) out.push({ a, b });
    }
  }
  return out;
}

function niceRound(x: number): number {
  if (x <= 0) return 0;
  const p = 10 ** Math.max(0, Math.floor(Math.log10(x)) - 1);
  return Math.round(x / p) * p;
}

export function buildProjectPayouts(
  pb: ProjectBuild,
  goals: GoalRecord[],
  methods: PayoutMethodRecord[],
  snapshots: Snapshots,
  rng: Rng,
): ProjectPayouts {
  const { ctx } = pb;
  const tl = ctx.timeline;
  const out: ProjectPayouts = { structures: [], assignments: [], accruals: [], payments: [] };
  const lastClosed = tl.asOf - 1;
  const projectCreated = Date.parse(pb.project.created_at);
  const eligible = pb.creators
    .map((c, i) => ({ c, plan: pb.plans[i]!, videos: pb.byCreator[i]! }))
    .filter((e) => e.videos.length > 0);
  if (eligible.length === 0) return out;
  const counted = new Map<string, VideoRecord[]>(eligible.map((e) => [e.c.id, e.videos.filter(isCounted)]));

  /** Total views of a creator's counted videos at the end of day d (memoised: periods share ends). */
  const totals = new Map<string, Map<number, number>>();
  const totalAt = (creatorId: string, d: number): number => {
    let memo = totals.get(creatorId);
    if (!memo) {
      memo = new Map();
      totals.set(creatorId, memo);
    }
    let total = memo.get(d);
    if (total === undefined) {
      total = 0;
      for (const v of counted.get(creatorId)!) total += Math.max(0, snapshots.viewsAt(v._snap, d));
      memo.set(d, total);
    }
    return total;
  };
  /** Views gained by a creator's counted videos over days a…b. */
  const gained = (creatorId: string, a: number, b: number): number =>
    totalAt(creatorId, b) - totalAt(creatorId, a - 1);

  const structure = (
    name: string,
    rule_type: PayoutStructureRecord["rule_type"],
    amount_cents: number,
    period: PayoutStructureRecord["period"],
    proration_mode: PayoutStructureRecord["proration_mode"],
    createdMs: number,
    extra: Partial<PayoutStructureRecord> = {},
  ): PayoutStructureRecord => {
    const at = Math.max(projectCreated + DAY_MS, Math.floor(createdMs / SECOND_MS) * SECOND_MS);
    const rec: PayoutStructureRecord = {
      id: uuid(rng),
      org_id: ctx.orgId,
      project_id: ctx.projectId,
      name,
      rule_type,
      amount_cents,
      period,
      proration_mode,
      threshold_views: null,
      goal_id: null,
      version: 1,
      is_active: true,
      metadata: {},
      readme: structureNote(rng, rule_type),
      created_at: iso(at),
      updated_at: iso(at),
      ...extra,
    };
    out.structures.push(rec);
    return rec;
  };

  const assign = (st: PayoutStructureRecord, c: CreatorRecord, startIdx: number, endIdx: number | null) => {
    const created = Math.min(
      tl.nowMs - HOUR_MS,
      Math.max(Date.parse(st.created_at), Date.parse(c.created_at)) + rng.int(1, 48) * HOUR_MS,
    );
    const rec: PayoutAssignmentRecord = {
      id: uuid(rng),
      structure_id: st.id,
      creator_id: c.id,
      start_date: tl.day(startIdx),
      end_date: endIdx === null ? null : tl.day(endIdx),
      created_at: iso(created),
    };
    out.assignments.push(rec);
    return rec;
  };

  const accrue = (
    st: PayoutStructureRecord,
    c: CreatorRecord,
    p: Period,
    amount: number,
    version = st.version,
    delayHours = 0,
  ) => {
    if (amount <= 0) return;
    const createdMs = tl.snapshotTime(p.b) + (delayHours + rng.range(1, 20)) * HOUR_MS;
    if (createdMs > tl.nowMs - 5 * MINUTE_MS) return; // not evaluated yet
    const at = Math.floor(createdMs / SECOND_MS) * SECOND_MS;
    const age = tl.asOf - p.b;
    const r = rng.float();
    const status: PayoutAccrualRecord["status"] =
      age > 14 ? (r < 0.85 ? "paid" : r < 0.89 ? "void" : "unpaid") : r < 0.02 ? "void" : "unpaid";
    out.accruals.push({
      id: uuid(rng),
      org_id: ctx.orgId,
      creator_id: c.id,
      structure_id: st.id,
      structure_version: version,
      period_start: tl.day(p.a),
      period_end: tl.day(p.b),
      amount_cents: Math.round(amount),
      status,
      created_at: iso(at),
      updated_at: iso(status === "void" ? Math.min(tl.nowMs - MINUTE_MS, at + rng.int(1, 72) * HOUR_MS) : at),
    });
  };

  const startFor = (c: CreatorRecord, lo: number, hi: number) =>
    Math.max(rng.int(lo, Math.max(lo, hi)), tl.index(Date.parse(c.created_at)) + 1);
  const endFor = (s: number) => (rng.chance(0.1) ? Math.min(tl.asOf - 7, s + rng.int(21, 60)) : null);
  const pickCreators = (share: number, min: number) =>
    rng.sample(eligible, Math.min(eligible.length, Math.max(min, Math.round(eligible.length * share))));
  const structCreated = () => tl.day0Ms - rng.int(20, 90) * DAY_MS + rng.int(9, 18) * HOUR_MS;

  // Recurring, weekly, prorated by day.
  const weekly = structure(
    "Weekly base pay",
    "recurring",
    rng.int(10, 50) * 500,
    "weekly",
    "daily",
    structCreated(),
  );
  for (const e of pickCreators(0.12, 1)) {
    const s = startFor(e.c, -20, tl.asOf - 14);
    const end = endFor(s);
    assign(weekly, e.c, s, end);
    for (const p of periods(tl, "weekly", Math.max(0, s), lastClosed)) {
      if (p.a < 0 || (end !== null && p.a > end)) continue;
      const a = Math.max(p.a, s);
      const b = Math.min(p.b, end ?? p.b);
      accrue(weekly, e.c, { a, b }, (weekly.amount_cents * (b - a + 1)) / 7);
    }
  }

  // Recurring, monthly, no proration; raised once (version 2) during the span.
  const v1 = rng.int(6, 30) * 5_000;
  const change = rng.int(20, tl.asOf - 20);
  const monthly = structure(
    "Monthly retainer",
    "recurring",
    v1 + rng.int(1, 4) * 5_000,
    "monthly",
    "none",
    structCreated(),
    {
      version: 2,
      metadata: { version_history: [{ version: 1, amount_cents: v1, effective_until: tl.day(change - 1) }] },
    },
  );
  monthly.updated_at = iso(tl.start(change) + rng.int(9, 18) * HOUR_MS);
  for (const e of pickCreators(0.08, 1)) {
    const s = startFor(e.c, -30, tl.asOf - 30);
    const end = endFor(s);
    assign(monthly, e.c, s, end);
    for (const p of periods(tl, "monthly", Math.max(0, s), lastClosed)) {
      if (p.a < 0 || (end !== null && p.a > end)) continue;
      const isV2 = p.b >= change;
      accrue(monthly, e.c, p, isV2 ? monthly.amount_cents : v1, isV2 ? 2 : 1);
    }
  }

  // CPM, weekly: views gained within the (assigned part of the) week.
  const rate = rng.int(6, 16) * 25;
  const cpm = structure(`CPM $${(rate / 100).toFixed(2)}`, "cpm", rate, "weekly", "none", structCreated());
  for (const e of pickCreators(0.3, 2)) {
    const s = startFor(e.c, -10, tl.asOf - 21);
    const end = endFor(s);
    assign(cpm, e.c, s, end);
    for (const p of periods(tl, "weekly", Math.max(0, s), lastClosed)) {
      if (p.a < 0 || (end !== null && p.a > end)) continue;
      const a = Math.max(p.a, s);
      const b = Math.min(p.b, end ?? p.b);
      accrue(cpm, e.c, { a, b }, (gained(e.c.id, a, b) * cpm.amount_cents) / 1000);
    }
  }

  // View threshold: a one-off bonus per counted video on the day it crossed the threshold.
  const allViews = eligible
    .flatMap((e) => counted.get(e.c.id)!.map((v) => v.view_count))
    .sort((x, y) => x - y);
  const threshold = Math.max(1_000, niceRound(allViews[Math.floor(allViews.length * 0.9)] ?? 10_000));
  const bonus = structure(
    `${threshold >= 1_000_000 ? `${threshold / 1_000_000}M` : `${Math.round(threshold / 1000)}K`} views bonus`,
    "view_threshold",
    rng.int(2, 8) * 2_500,
    "one_time",
    "none",
    structCreated(),
    { threshold_views: threshold },
  );
  for (const e of pickCreators(0.2, 1)) {
    const s = startFor(e.c, -30, tl.asOf - 14);
    const end = endFor(s);
    assign(bonus, e.c, s, end);
    const hi = Math.min(lastClosed, end ?? lastClosed);
    for (const v of counted.get(e.c.id)!) {
      if (snapshots.viewsAt(v._snap, hi) < threshold) continue;
      let day = Math.max(0, tl.index(Date.parse(v.posted_at)));
      while (snapshots.viewsAt(v._snap, day) < threshold) day++;
      if (day >= Math.max(0, s) && day <= hi) accrue(bonus, e.c, { a: day, b: day }, bonus.amount_cents);
    }
  }

  // Goals: a bonus per period in which a posts or views goal was met.
  const goalCandidates = goals.filter(
    (g) =>
      g.is_active &&
      g.start_date !== null &&
      (g.metric === "posts" || g.metric === "views") &&
      g.period !== "daily",
  );
  for (const g of rng.sample(goalCandidates, rng.int(1, 3))) {
    const e = eligible.find((x) => x.c.id === g.creator_id);
    if (!e) continue;
    const handle = e.c.tiktok_handle;
    const st = structure(
      `Goal bonus — @${handle} ${g.period} ${g.metric}`,
      "goals",
      rng.int(1, 6) * 2_500,
      g.period === "weekly" ? "weekly" : "monthly",
      "none",
      Date.parse(g.created_at) + rng.int(1, 24) * HOUR_MS,
      { goal_id: g.id },
    );
    const goalStart = tl.index(Date.parse(`${g.start_date}T00:00:00Z`));
    const goalEnd = g.end_date === null ? null : tl.index(Date.parse(`${g.end_date}T00:00:00Z`));
    const s = Math.max(goalStart, tl.index(Date.parse(st.created_at)));
    assign(st, e.c, s, goalEnd);
    const hi = Math.min(tl.asOf - 2, goalEnd ?? tl.asOf);
    for (const p of periods(tl, g.period, Math.max(0, s), hi)) {
      if (p.a < Math.max(0, s)) continue;
      const actual =
        g.metric === "posts"
          ? counted.get(e.c.id)!.filter((v) => {
              const d = tl.index(Date.parse(v.posted_at));
              return d >= p.a && d <= p.b;
            }).length
          : gained(e.c.id, p.a, p.b);
      if (actual >= g.target_value) accrue(st, e.c, p, st.amount_cents, st.version, 48);
    }
  }

  settle(out, pb, methods, rng, tl);
  return out;
}

/** Payments for the paid accruals: one per creator per month of work, a few voided and re-sent. */
function settle(
  out: ProjectPayouts,
  pb: ProjectBuild,
  methods: PayoutMethodRecord[],
  rng: Rng,
  tl: Timeline,
): void {
  const { ctx } = pb;
  const active = methods.filter((m) => m.is_active);
  const preferred = new Map<string, PayoutMethodRecord>();
  const methodFor = (creatorId: string) => {
    let m = preferred.get(creatorId);
    if (!m) {
      m = active[Math.min(active.length - 1, rng.weighted([20, 30, 40, 10]))]!;
      preferred.set(creatorId, m);
    }
    return m;
  };
  const groups = new Map<string, PayoutAccrualRecord[]>();
  for (const a of out.accruals) {
    if (a.status !== "paid") continue;
    const key = `${a.creator_id}|${a.period_end.slice(0, 7)}`;
    const g = groups.get(key);
    if (g) g.push(a);
    else groups.set(key, [a]);
  }
  const payment = (
    creatorId: string,
    method: PayoutMethodRecord,
    amount: number,
    paidAt: number,
    accrualIds: string[],
    note: string | null,
    status: PayoutPaymentRecord["status"],
    updatedAt = paidAt,
  ): PayoutPaymentRecord => ({
    id: uuid(rng),
    org_id: ctx.orgId,
    creator_id: creatorId,
    method_id: method.id,
    method_name: method.name,
    amount_cents: amount,
    paid_at: iso(paidAt),
    accrual_ids: accrualIds,
    note,
    status,
    created_at: iso(paidAt),
    updated_at: iso(updatedAt),
  });
  for (const [key, accruals] of groups) {
    const creatorId = key.slice(0, key.indexOf("|"));
    const month = monthName(Number(accruals[0]!.period_end.slice(5, 7)) - 1);
    let ready = 0;
    for (const a of accruals) ready = Math.max(ready, Date.parse(a.created_at));
    const paidAt =
      Math.floor(Math.min(tl.nowMs - HOUR_MS, ready + rng.range(1, 6) * DAY_MS) / SECOND_MS) * SECOND_MS;
    const amount = accruals.reduce((s, a) => s + a.amount_cents, 0);
    const ids = accruals.map((a) => a.id);
    const method = methodFor(creatorId);
    if (rng.chance(0.06)) {
      const voidedAt = Math.max(ready + MINUTE_MS, paidAt - rng.int(1, 48) * HOUR_MS);
      out.payments.push(
        payment(
          creatorId,
          rng.pick(active),
          amount,
          voidedAt,
          ids,
          "Sent to the wrong account — voided and re-sent.",
          "void",
          paidAt - MINUTE_MS,
        ),
      );
    }
    out.payments.push(payment(creatorId, method, amount, paidAt, ids, paymentNote(rng, month), "recorded"));
    for (const a of accruals) a.updated_at = iso(paidAt);
  }
  // One ad-hoc payment with no accrual behind it (a bonus agreed in DMs).
  if (pb.creators.length >= 8) {
    const c = rng.pick(pb.creators);
    const at = Math.floor((tl.day0Ms + rng.range(0.3, 0.9) * (tl.nowMs - tl.day0Ms)) / SECOND_MS) * SECOND_MS;
    out.payments.push(
      payment(
        c.id,
        methodFor(c.id),
        rng.int(2, 8) * 2_500,
        Math.max(at, Date.parse(c.created_at) + DAY_MS),
        [],
        "Ad-hoc bonus for the viral video",
        "recorded",
      ),
    );
  }
}
