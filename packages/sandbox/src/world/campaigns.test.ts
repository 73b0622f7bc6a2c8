import { describe, expect, it } from "vitest";
import { isCounted } from "../stats/counted.js";
import { generateWorld } from "./index.js";
import type { VideoRecord, World } from "./types.js";

const WORLDS: Array<[string, World]> = [
  ["small", generateWorld({ seed: 42, scale: "small", now: "2026-06-17T15:30:00Z" })],
  ["tiny", generateWorld({ seed: 8, scale: "tiny", now: "2026-01-20T09:00:00Z" })],
];

const counted = (v: VideoRecord) => isCounted(v);

describe.each(WORLDS)("campaigns (%s)", (_, w) => {
  const children = new Map<string, string[]>();
  for (const it of w.campaignItems) {
    if (it.item_type === "campaign")
      children.set(it.campaign_id, [...(children.get(it.campaign_id) ?? []), it.item_id]);
  }
  const depth = (id: string, seen = new Set<string>()): number => {
    if (seen.has(id)) throw new Error(`cycle through ${id}`);
    const next = new Set(seen).add(id);
    return 1 + Math.max(0, ...(children.get(id) ?? []).map((c) => depth(c, next)));
  };

  it("nests at least three levels deep in every project, without cycles", () => {
    for (const p of w.projects) {
      const depths = w.campaigns.filter((c) => c.project_id === p.id).map((c) => depth(c.id));
      expect(Math.max(...depths)).toBeGreaterThanOrEqual(3);
    }
    const program = w.campaigns.find((c) => / Creator Program$/.test(c.name))!;
    expect(depth(program.id)).toBe(3);
  });

  it("uses all three item types in every project, pointing at entities of the same project", () => {
    const projectOf = new Map<string, string>();
    for (const x of [...w.creators, ...w.videos, ...w.campaigns]) projectOf.set(x.id, x.project_id);
    const campaignProject = new Map(w.campaigns.map((c) => [c.id, c.project_id]));
    for (const p of w.projects) {
      const types = new Set(
        w.campaignItems
          .filter((it) => campaignProject.get(it.campaign_id) === p.id)
          .map((it) => it.item_type),
      );
      expect(types).toEqual(new Set(["creator", "video", "campaign"]));
    }
    const pairs = new Set<string>();
    for (const it of w.campaignItems) {
      expect(projectOf.get(it.item_id)).toBe(campaignProject.get(it.campaign_id));
      const key = `${it.campaign_id}/${it.item_type}/${it.item_id}`;
      expect(pairs.has(key)).toBe(false);
      pairs.add(key);
    }
  });

  it("has overlapping membership, so summing items double counts", () => {
    const videos = new Map(w.videos.map((v) => [v.id, v]));
    const byCreator = new Map<string, VideoRecord[]>();
    for (const v of w.videos)
      if (v.creator_id && counted(v))
        byCreator.set(v.creator_id, [...(byCreator.get(v.creator_id) ?? []), v]);
    // A roll-up that adds up items (and sub-campaign totals) instead of de-duplicating videos.
    const naive = (id: string): number =>
      w.campaignItems
        .filter((it) => it.campaign_id === id)
        .reduce((sum, it) => {
          if (it.item_type === "campaign") return sum + naive(it.item_id);
          if (it.item_type === "creator")
            return sum + (byCreator.get(it.item_id) ?? []).reduce((s, v) => s + v.view_count, 0);
          const v = videos.get(it.item_id)!;
          return sum + (counted(v) ? v.view_count : 0);
        }, 0);
    const differing = w.campaigns.filter((c) => naive(c.id) !== w.truth.campaign_totals[c.id]!.view_count);
    expect(differing.length).toBeGreaterThan(0);
    for (const c of w.campaigns)
      expect(naive(c.id)).toBeGreaterThanOrEqual(w.truth.campaign_totals[c.id]!.view_count);
    // The program campaign in particular reaches videos through several paths.
    const program = w.campaigns.find((c) => / Creator Program$/.test(c.name))!;
    expect(naive(program.id)).toBeGreaterThan(w.truth.campaign_totals[program.id]!.view_count);
  });

  it("has totals equal to an independent breadth-first roll-up", () => {
    const videos = new Map(w.videos.map((v) => [v.id, v]));
    for (const c of w.campaigns) {
      const queue = [c.id];
      const seen = new Set<string>();
      const set = new Set<string>();
      while (queue.length > 0) {
        const id = queue.shift()!;
        if (seen.has(id)) continue;
        seen.add(id);
        for (const it of w.campaignItems.filter((x) => x.campaign_id === id)) {
          if (it.item_type === "campaign") queue.push(it.item_id);
          else if (it.item_type === "video") {
            if (counted(videos.get(it.item_id)!)) set.add(it.item_id);
          } else for (const v of w.videos) if (v.creator_id === it.item_id && counted(v)) set.add(v.id);
        }
      }
      const vs = [...set].map((id) => videos.get(id)!);
      expect(w.truth.campaign_totals[c.id]).toEqual({
        view_count: vs.reduce((s, v) => s + v.view_count, 0),
        like_count: vs.reduce((s, v) => s + v.like_count, 0),
        comment_count: vs.reduce((s, v) => s + v.comment_count, 0),
        share_count: vs.reduce((s, v) => s + v.share_count, 0),
        save_count: vs.reduce((s, v) => s + v.save_count, 0),
        video_count: vs.length,
        creator_count: new Set(vs.map((v) => v.creator_id).filter((x) => x !== null)).size,
      });
    }
    expect(Object.keys(w.truth.campaign_totals).sort()).toEqual(w.campaigns.map((c) => c.id).sort());
  });

  it("has targets on some campaigns, an empty draft, and notes on most", () => {
    expect(w.campaigns.some((c) => c.target_views !== null && c.target_at !== null)).toBe(true);
    const withItems = new Set(w.campaignItems.map((it) => it.campaign_id));
    expect(w.campaigns.some((c) => !withItems.has(c.id))).toBe(true);
    expect(w.campaigns.filter((c) => c.description).length / w.campaigns.length).toBeGreaterThan(0.6);
    for (const c of w.campaigns) expect(c.name.length).toBeLessThanOrEqual(200);
  });
});

it("puts uncounted (pending or excluded) videos in some campaigns without counting them", () => {
  const w = generateWorld({ seed: 5, scale: "medium", now: "2026-06-17T15:30:00Z" });
  const videos = new Map(w.videos.map((v) => [v.id, v]));
  const uncounted = w.campaignItems.filter(
    (it) => it.item_type === "video" && !counted(videos.get(it.item_id)!),
  );
  expect(uncounted.length).toBeGreaterThan(0);
  for (const it of uncounted) {
    const v = videos.get(it.item_id)!;
    expect(["pending_review", "excluded"]).toContain(v.tracking_status);
    // The campaign's own creators never bring it in either: only counted videos of a creator count.
    const direct = w.campaignItems.filter((x) => x.campaign_id === it.campaign_id);
    const reachable = new Set<string>();
    for (const x of direct) {
      if (x.item_type === "video" && counted(videos.get(x.item_id)!)) reachable.add(x.item_id);
      if (x.item_type === "creator")
        for (const u of w.videos) if (u.creator_id === x.item_id && counted(u)) reachable.add(u.id);
    }
    expect(reachable.has(v.id)).toBe(false);
    expect(w.truth.campaign_totals[it.campaign_id]!.video_count).toBe(reachable.size);
  }
});
