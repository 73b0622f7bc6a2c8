/**
 * Plants for the analysis edge cases of issue 12 that the ordinary generator never makes:
 * - an over-posting burst whose posts were read only under 2 h after posting (so the low counts are
 *   unconfirmed and the day is no incident);
 * - tracking-disabled videos (`tracking_enabled: false`), one of them a campaign's most viewed video.
 * Each plant is chosen so it does not disturb the other planted signals: a disabled video always has a
 * sibling counted post in the same ISO week (no new posting gap), and is never on a busy day.
 * Provisional goals (periods closed within 48 h) are planted by goals.ts.
 */

import { DAY_MS } from "@goatkit/core/analysis";
import { type CreatorPlan, unplanted } from "./creators.js";
import { Rng } from "./prng.js";
import { isCounted, type ProjectBuild } from "./project.js";
import type { Timeline } from "./time.js";
import type { CampaignItemRecord, CampaignRecord, VideoRecord } from "./types.js";

/**
 * Adds one more burst (7–9 posts, some suppressed) two days before the as-of day to an unplanted,
 * well-followed creator of the org; videos.ts reads those posts only about an hour after posting.
 * Two days back keeps the burst out of the "settled posts" (≥ 3 days old) that views per post are
 * judged on, and out of the outlier candidates (≥ 7 days old). Returns the creator and day, or null.
 */
export function plantEarlyScrapedBurst(
  seed: number,
  orgKey: string,
  tl: Timeline,
  plans: CreatorPlan[],
  minCadence: number,
): { planId: string; day: number } | null {
  const rng = Rng.derive(seed, "early-scraped-burst", orgKey);
  const day = tl.asOf - 2;
  const candidates = plans.filter(
    (p) =>
      unplanted(p) &&
      !p.stale &&
      p.plant.burstDays.length === 0 &&
      p.followersEnd >= 20_000 &&
      p.createdMs <= tl.start(day) - 21 * DAY_MS,
  );
  if (candidates.length === 0) return null;
  const p = rng.pick(candidates);
  p.plant.burstDays.push(day);
  p.mode = "auto";
  p.cadence = Math.max(p.cadence, rng.range(minCadence, minCadence * 1.8));
  return { planId: p.id, day };
}

/** A video whose disabling moves no other planted signal: not alone in its week, not on a busy day. */
function safeToDisable(pb: ProjectBuild, v: VideoRecord, tl: Timeline): boolean {
  if (!isCounted(v)) return false;
  if (v.creator_id === null) return true;
  const i = pb.plans.findIndex((p) => p.id === v.creator_id);
  if (i < 0) return false;
  const posted = Date.parse(v.posted_at);
  const day = tl.index(posted);
  const week = tl.weekStart(day);
  let sameWeek = 0;
  let sameDay = 0;
  for (const o of pb.byCreator[i]!) {
    if (o === v || !isCounted(o)) continue;
    const d = tl.index(Date.parse(o.posted_at));
    if (tl.weekStart(d) === week) sameWeek++;
    if (d === day) sameDay++;
  }
  return sameWeek >= 1 && sameDay < 4;
}

/**
 * Disables tracking of a few videos of a project: the most viewed counted video of its first campaign
 * (in creation order) where that is safe, and two more safe videos at random. Returns their ids.
 */
export function plantDisabledVideos(
  pb: ProjectBuild,
  campaigns: readonly CampaignRecord[],
  items: readonly CampaignItemRecord[],
  rng: Rng,
): string[] {
  const tl = pb.ctx.timeline;
  const byId = new Map<string, VideoRecord>();
  for (const vs of pb.byCreator) for (const v of vs) byId.set(v.id, v);
  for (const v of pb.direct) byId.set(v.id, v);
  const byCreator = new Map(pb.plans.map((p, i) => [p.id, pb.byCreator[i]!]));
  const itemsOf = new Map<string, CampaignItemRecord[]>();
  for (const it of items) itemsOf.set(it.campaign_id, [...(itemsOf.get(it.campaign_id) ?? []), it]);
  const resolve = (id: string, seen: Set<string>, into: Set<VideoRecord>) => {
    if (seen.has(id)) return;
    seen.add(id);
    for (const it of itemsOf.get(id) ?? []) {
      if (it.item_type === "creator") for (const v of byCreator.get(it.item_id) ?? []) into.add(v);
      else if (it.item_type === "video") {
        const v = byId.get(it.item_id);
        if (v) into.add(v);
      } else resolve(it.item_id, seen, into);
    }
  };

  const disabled: VideoRecord[] = [];
  const ordered = [...campaigns].sort((a, b) => (a.created_at < b.created_at ? -1 : 1));
  for (const c of ordered) {
    const set = new Set<VideoRecord>();
    resolve(c.id, new Set(), set);
    let top: VideoRecord | null = null;
    for (const v of set) if (isCounted(v) && (top === null || v.view_count > top.view_count)) top = v;
    if (top && set.size >= 3 && safeToDisable(pb, top, tl)) {
      disabled.push(top);
      top.tracking_enabled = false;
      break;
    }
  }
  const pool = rng.shuffle([...byId.values()]);
  for (const v of pool) {
    if (disabled.length >= 3) break;
    if (!safeToDisable(pb, v, tl)) continue;
    v.tracking_enabled = false;
    disabled.push(v);
  }
  return disabled.map((v) => v.id);
}
