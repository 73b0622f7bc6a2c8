/**
 * Campaign trees per project. Shapes follow the campaigns guide: a yearly program split into quarters and
 * month pushes (three levels, "2026 Program → Q2 → May Push"), flat brand partnerships, an always-on
 * roster split into tiers, and an empty draft. Membership deliberately overlaps — the same creator in two
 * month pushes, a video added directly and through its creator, a creator in both tiers — so a roll-up
 * that sums items instead of de-duplicating videos gets a different (wrong) total.
 */

import { DAY_MS, HOUR_MS } from "@goatkit/core/analysis";
import type { CreatorPlan } from "./creators.js";
import { uuid } from "./ids.js";
import { monthName } from "./names.js";
import { BRANDS, type CampaignKind, campaignNote } from "./notes.js";
import type { Rng } from "./prng.js";
import { isCounted, type ProjectBuild, postedMs } from "./project.js";
import { iso, MINUTE_MS, SECOND_MS } from "./time.js";
import type { CampaignItemRecord, CampaignRecord, CreatorRecord, VideoRecord } from "./types.js";

interface Month {
  year: number;
  month: number; // 0-based
  startMs: number;
  endMs: number; // exclusive
}

function monthsOfSpan(fromMs: number, toMs: number): Month[] {
  const months: Month[] = [];
  const d = new Date(fromMs);
  let y = d.getUTCFullYear();
  let m = d.getUTCMonth();
  for (;;) {
    const startMs = Date.UTC(y, m, 1);
    if (startMs > toMs) break;
    months.push({ year: y, month: m, startMs, endMs: Date.UTC(y, m + 1, 1) });
    m++;
    if (m === 12) {
      m = 0;
      y++;
    }
  }
  return months;
}

function niceRound(x: number): number {
  if (x <= 0) return 0;
  const p = 10 ** Math.max(0, Math.floor(Math.log10(x)) - 1);
  return Math.round(x / p) * p;
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, x));
}

export function buildCampaigns(
  pb: ProjectBuild,
  rng: Rng,
): { campaigns: CampaignRecord[]; items: CampaignItemRecord[] } {
  const { ctx } = pb;
  const tl = ctx.timeline;
  const n = pb.creators.length;
  const campaigns: CampaignRecord[] = [];
  const items: CampaignItemRecord[] = [];
  const createdMs = new Map<string, number>();
  const lastTouch = new Map<string, number>();
  const latest = tl.nowMs - MINUTE_MS;
  const byId = new Map<string, { plan: CreatorPlan; creator: CreatorRecord; videos: VideoRecord[] }>();
  pb.creators.forEach((c, i) => {
    byId.set(c.id, { plan: pb.plans[i]!, creator: c, videos: pb.byCreator[i]! });
  });
  const active = pb.creators.filter((_, i) => pb.byCreator[i]!.length > 0);

  const campaign = (
    name: string,
    kind: CampaignKind,
    atMs: number,
    label = name,
    brand = ctx.brand,
  ): CampaignRecord => {
    const at = Math.min(Math.floor(atMs / SECOND_MS) * SECOND_MS, latest - HOUR_MS);
    const r = rng.float();
    const metadata: Record<string, unknown> =
      r < 0.35
        ? { budget_cents: rng.int(20, 400) * 10_000, owner: rng.pick(["maria", "dev", "sam", "kofi"]) }
        : r < 0.5
          ? { brief_url: `https://docs.example.com/briefs/${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}` }
          : {};
    const rec: CampaignRecord = {
      id: uuid(rng),
      project_id: ctx.projectId,
      name,
      description: campaignNote(rng, kind, { brand, label }),
      metadata,
      target_views: null,
      target_at: null,
      created_at: iso(at),
      updated_at: iso(at),
      _org_id: ctx.orgId,
    };
    campaigns.push(rec);
    createdMs.set(rec.id, at);
    lastTouch.set(rec.id, at);
    return rec;
  };

  const add = (
    c: CampaignRecord,
    item_type: CampaignItemRecord["item_type"],
    item_id: string,
    itemCreated: number,
  ) => {
    const base = Math.max(createdMs.get(c.id)!, itemCreated);
    const at = Math.min(latest, base + rng.int(1, 72) * HOUR_MS + rng.int(0, 3599) * SECOND_MS);
    items.push({ campaign_id: c.id, item_type, item_id, created_at: iso(Math.max(at, base)) });
    lastTouch.set(c.id, Math.max(lastTouch.get(c.id)!, at));
  };
  const addCreator = (c: CampaignRecord, creator: CreatorRecord) =>
    add(c, "creator", creator.id, Date.parse(creator.created_at));
  const addVideo = (c: CampaignRecord, v: VideoRecord) => add(c, "video", v.id, Date.parse(v.created_at));
  const addChild = (c: CampaignRecord, child: CampaignRecord) =>
    add(c, "campaign", child.id, createdMs.get(child.id)!);

  // --- the yearly program: program → quarters → months ------------------------------------------
  const months = monthsOfSpan(tl.day0Ms, tl.nowMs);
  const programYear = new Date(tl.nowMs).getUTCFullYear();
  const program = campaign(`${programYear} Creator Program`, "program", tl.day0Ms - rng.int(10, 40) * DAY_MS);
  program.target_views = niceRound(
    pb.creators.reduce((s, c) => s + c.follower_count, 0) * ctx.viewRate * 3 * rng.range(8, 14),
  );
  program.target_at = iso(Date.UTC(programYear, 11, 31, 23, 59, 59));

  const quarters = new Map<string, { rec: CampaignRecord; months: CampaignRecord[] }>();
  const themes = ["Launch", "Expansion", "Push", "Refresh", "Drop"];
  let previous: CreatorRecord[] = [];
  const monthCampaigns: Array<{ rec: CampaignRecord; creators: CreatorRecord[] }> = [];
  months.forEach((m, mi) => {
    const q = Math.floor(m.month / 3) + 1;
    const qKey = `${m.year}-${q}`;
    let quarter = quarters.get(qKey);
    if (!quarter) {
      const name = m.year === programYear ? `Q${q}` : `Q${q} ${m.year}`;
      const rec = campaign(
        name,
        "quarter",
        Math.max(createdMs.get(program.id)!, Date.UTC(m.year, (q - 1) * 3, 1) - 14 * DAY_MS),
      );
      quarter = { rec, months: [] };
      quarters.set(qKey, quarter);
    }
    const label = `${monthName(m.month)} ${themes[mi % themes.length]}`;
    const rec = campaign(
      label,
      "month",
      Math.max(createdMs.get(quarter.rec.id)!, m.startMs - 7 * DAY_MS),
      label,
    );
    quarter.months.push(rec);

    // Roster: 40 % carried over from last month, so creators sit in two month pushes.
    const k = clamp(Math.round(n * 0.12), 2, 60);
    const carried = rng.sample(previous, Math.round(k * 0.4));
    const fresh = rng.sample(
      active.filter((c) => !carried.includes(c)),
      k - carried.length,
    );
    const roster = [...carried, ...fresh];
    for (const c of roster) addCreator(rec, c);
    previous = roster;
    monthCampaigns.push({ rec, creators: roster });

    const inMonth = (v: VideoRecord) => {
      const t = postedMs(pb, v);
      return t >= m.startMs && t < m.endMs;
    };
    // Videos of creators outside the roster, plus a few of roster creators (counted once, not twice).
    const rosterIds = new Set(roster.map((c) => c.id));
    const outside = active.filter((c) => !rosterIds.has(c.id));
    const kv = clamp(Math.round(n * 0.05), 2, 40);
    for (const c of rng.sample(outside, kv)) {
      const vids = byId.get(c.id)!.videos.filter(inMonth);
      if (vids.length > 0) addVideo(rec, rng.pick(vids));
    }
    for (const c of rng.sample(roster, rng.int(1, 3))) {
      const vids = byId.get(c.id)!.videos.filter((v) => inMonth(v) && isCounted(v));
      if (vids.length > 0) addVideo(rec, rng.pick(vids));
    }
    const directs = pb.direct.filter(inMonth);
    if (directs.length > 0) addVideo(rec, rng.pick(directs));
    // Now and then a video that does not count (pending or excluded) sits in a campaign too.
    if (rng.chance(0.5)) {
      for (const c of rng.sample(outside, 50)) {
        const notCounted = byId.get(c.id)!.videos.filter((v) => inMonth(v) && !isCounted(v));
        if (notCounted.length > 0) {
          addVideo(rec, rng.pick(notCounted));
          break;
        }
      }
    }
    if (mi === months.length - 1) {
      rec.target_at = iso(m.endMs - SECOND_MS);
      const expected = roster.reduce((s, c) => s + c.follower_count, 0) * ctx.viewRate * 6;
      rec.target_views = niceRound(Math.max(10_000, expected * rng.range(0.8, 1.4)));
    }
  });
  for (const { rec, months: children } of quarters.values()) {
    for (const child of children) addChild(rec, child);
    // A creator of one of the months also added to the quarter directly.
    const month = monthCampaigns.find((mc) => children.includes(mc.rec));
    if (month && month.creators.length > 0 && rng.chance(0.8)) addCreator(rec, rng.pick(month.creators));
    addChild(program, rec);
  }
  // The program also lists a standout video directly, one that its creator's month push already covers.
  const covered = monthCampaigns.flatMap((mc) => mc.creators);
  if (covered.length > 0) {
    const star = rng.pick(covered);
    const vids = byId.get(star.id)!.videos.filter(isCounted);
    if (vids.length > 0)
      addVideo(
        program,
        vids.reduce((a, b) => (b.view_count > a.view_count ? b : a)),
      );
  }
  if (pb.direct.length > 0) addVideo(program, rng.pick(pb.direct));

  // --- brand partnerships: flat, creators plus some of their videos ----------------------------------
  const partnerships = clamp(1 + Math.floor(n / 40), 1, 6);
  const brands = rng.sample(
    BRANDS.filter((b) => b !== ctx.brand),
    partnerships,
  );
  for (const brand of brands) {
    const startDay = rng.int(-10, Math.max(-9, tl.asOf - 20));
    const at = tl.start(startDay) + rng.int(9, 18) * HOUR_MS;
    const rec = campaign(`${brand} × Creators`, "partnership", at, brand, brand);
    const roster = rng.sample(active, clamp(Math.round(n * 0.06), 3, 12));
    for (const c of roster) addCreator(rec, c);
    for (const c of rng.sample(roster, Math.ceil(roster.length / 2))) {
      const vids = byId.get(c.id)!.videos.filter((v) => postedMs(pb, v) >= createdMs.get(rec.id)!);
      for (const v of rng.sample(vids, rng.int(1, 2))) addVideo(rec, v);
    }
    if (rng.chance(0.7)) {
      rec.target_views = niceRound(
        roster.reduce((s, c) => s + c.follower_count, 0) * ctx.viewRate * rng.range(4, 12),
      );
      rec.target_at = iso(tl.start(startDay + rng.int(30, 75)) - SECOND_MS);
    }
  }

  // --- always-on roster split into tiers ---------------------------------------------------------------
  const alwaysOn = campaign("Always-On Ambassadors", "always_on", tl.day0Ms - rng.int(30, 120) * DAY_MS);
  const ranked = active.slice().sort((a, b) => b.follower_count - a.follower_count || (a.id < b.id ? -1 : 1));
  const t1 = ranked.slice(0, clamp(Math.round(n * 0.05), 2, 40));
  const t2 = rng.sample(ranked.slice(t1.length), clamp(Math.round(n * 0.1), 3, 80));
  const tier1 = campaign("Tier 1 — retainers", "tier", createdMs.get(alwaysOn.id)! + DAY_MS, "Tier 1");
  const tier2 = campaign("Tier 2 — CPM only", "tier", createdMs.get(alwaysOn.id)! + DAY_MS, "Tier 2");
  for (const c of t1) addCreator(tier1, c);
  for (const c of t2) addCreator(tier2, c);
  // Moved up a tier mid-quarter and never removed from the old one.
  if (t2.length > 0) addCreator(tier1, t2[0]!);
  addChild(alwaysOn, tier1);
  addChild(alwaysOn, tier2);

  // --- an empty draft ---------------------------------------------------------------------------------
  campaign(
    `Draft: ${rng.pick(["Back to School", "Holiday Teasers", "Summer Drop"])}`,
    "draft",
    tl.nowMs - rng.int(2, 10) * DAY_MS,
  );

  for (const c of campaigns) c.updated_at = iso(lastTouch.get(c.id)!);
  return { campaigns, items };
}
