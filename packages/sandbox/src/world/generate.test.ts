import { createHash } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DEMO_KEYS, generateWorld, truthJson, type World } from "./index.js";

const NOW = "2026-06-17T15:30:00Z";

function orgCounts(world: World, org: number) {
  const id = world.orgs[org]!.id;
  return {
    projects: world.projects.filter((p) => p.org_id === id).length,
    creators: world.creators.filter((c) => c._org_id === id).length,
    videos: world.videos.filter((v) => v._org_id === id).length,
  };
}

describe("determinism", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("gives the same world for the same seed and now", () => {
    const a = generateWorld({ seed: 7, scale: "small", now: NOW });
    const b = generateWorld({ seed: 7, scale: "small", now: new Date(NOW) });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(truthJson(a)).toBe(truthJson(b));
    for (let k = 0; k < a.videos.length; k += 37) {
      for (let d = 0; d < a.days.length; d += 11)
        expect(a.videoSnapshot(a.videos[k]!, d)).toEqual(b.videoSnapshot(b.videos[k]!, d));
    }
    for (const [k, c] of a.creators.entries()) {
      expect(a.creatorSnapshot(c, 45)).toEqual(b.creatorSnapshot(b.creators[k]!, 45));
    }
  });

  it("differs for another seed or another as-of instant", () => {
    const a = generateWorld({ seed: 1, scale: "tiny", now: NOW });
    const b = generateWorld({ seed: 2, scale: "tiny", now: NOW });
    const c = generateWorld({ seed: 1, scale: "tiny", now: "2026-06-18T15:30:00Z" });
    expect(a.creators.map((x) => x.id)).not.toEqual(b.creators.map((x) => x.id));
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(c));
  });

  it("defaults to seed 42, scale small and 90 days", () => {
    const w = generateWorld({ now: NOW });
    expect(w.seed).toBe(42);
    expect(w.scale).toBe("small");
    expect(w.days).toHaveLength(90);
    expect(JSON.stringify(w)).toBe(
      JSON.stringify(generateWorld({ seed: 42, scale: "small", now: NOW, days: 90 })),
    );
  });

  it("never calls Math.random, nor Date.now when now is given", () => {
    const random = vi.spyOn(Math, "random").mockImplementation(() => {
      throw new Error("Math.random called");
    });
    const dateNow = vi.spyOn(Date, "now").mockImplementation(() => {
      throw new Error("Date.now called");
    });
    expect(() => generateWorld({ seed: 3, scale: "tiny", now: NOW })).not.toThrow();
    expect(random).not.toHaveBeenCalled();
    expect(dateNow).not.toHaveBeenCalled();
  });

  it("uses the current time when now is omitted", () => {
    const before = Date.now();
    const w = generateWorld({ scale: "tiny" });
    expect(Date.parse(w.now)).toBeGreaterThanOrEqual(before);
    expect(w.days.at(-1)).toBe(w.now.slice(0, 10));
  });

  it("rejects bad options", () => {
    expect(() => generateWorld({ scale: "huge" as "large", now: NOW })).toThrow(RangeError);
    expect(() => generateWorld({ seed: Number.NaN, now: NOW })).toThrow(RangeError);
    expect(() => generateWorld({ now: "yesterday" })).toThrow(RangeError);
    expect(() => generateWorld({ now: NOW, days: 10 })).toThrow(RangeError);
  });

  it("honours a custom number of snapshot days ending on the as-of day", () => {
    const w = generateWorld({ scale: "tiny", now: NOW, days: 120 });
    expect(w.days).toHaveLength(120);
    expect(w.days.at(-1)).toBe("2026-06-17");
    expect(w.days[0]).toBe("2026-02-18");
    expect(w.truth.window).toEqual({ from: "2026-05-19", to: "2026-06-17" });
  });
});

describe("scales", () => {
  it("tiny: one project of about 8 creators and about 200 videos", () => {
    const a = orgCounts(generateWorld({ scale: "tiny", now: NOW }), 0);
    expect(a.projects).toBe(1);
    expect(a.creators).toBe(8);
    expect(a.videos).toBeGreaterThan(150);
    expect(a.videos).toBeLessThan(330);
  });

  it("small: org A with 2 projects, ~60 creators, ~3,000 videos; org B with 1 project, ~10 creators", () => {
    const w = generateWorld({ scale: "small", now: NOW });
    const a = orgCounts(w, 0);
    const b = orgCounts(w, 1);
    expect(a.projects).toBe(2);
    expect(a.creators).toBe(60);
    expect(a.videos).toBeGreaterThan(2_500);
    expect(a.videos).toBeLessThan(3_600);
    expect(b).toMatchObject({ projects: 1, creators: 10 });
  });

  it("medium: ~600 creators and ~30,000 videos", () => {
    const a = orgCounts(generateWorld({ scale: "medium", now: NOW }), 0);
    expect(a.creators).toBe(600);
    expect(a.videos).toBeGreaterThan(25_000);
    expect(a.videos).toBeLessThan(38_000);
  });

  it("large: at least 5,000 creators and 250,000 videos over 90 days, generated in seconds", () => {
    const t0 = performance.now();
    const w = generateWorld({ scale: "large", now: NOW });
    const ms = performance.now() - t0;
    const a = orgCounts(w, 0);
    expect(a.creators).toBeGreaterThanOrEqual(5_000);
    expect(a.videos).toBeGreaterThanOrEqual(250_000);
    expect(w.days).toHaveLength(90);
    // Loose bound: CI machines are slower and busier than the 5 s target measured in bench/world.ts.
    expect(ms).toBeLessThan(30_000);
    const v = w.videos[w.videos.length >> 1]!;
    expect(w.videoSnapshot(v, w.days.length - 1)).not.toBeNull();
  }, 120_000);
});

describe("orgs and keys", () => {
  const w = generateWorld({ scale: "small", now: NOW });

  it("has an Ultra org A and a Starter org B in UTC, with every limit key", () => {
    const keys = [
      "max_creators_per_org",
      "max_tracked_videos_per_org",
      "max_projects_per_org",
      "max_members_per_org",
      "max_campaigns_per_project",
      "max_campaign_items_per_campaign",
      "max_api_keys_per_org",
      "max_api_requests_per_day",
      "max_manual_scrape_triggers_per_day",
      "max_payout_methods_per_org",
      "max_payout_structures_per_project",
      "min_video_stats_hours",
      "min_discover_videos_hours",
      "min_creator_profiles_hours",
      "stats_history_retention_days",
    ];
    const [a, b] = w.orgs;
    expect(a).toMatchObject({ name: "Goat Labs", tier: "ultra", timezone: "UTC" });
    expect(b).toMatchObject({ name: "Other Org", tier: "starter", timezone: "UTC" });
    for (const org of w.orgs) expect(Object.keys(org.limits).sort()).toEqual(keys.slice().sort());
    expect(a!.limits.max_api_requests_per_day).toBe(50_000);
    expect(b!.limits).toMatchObject({
      max_creators_per_org: 50,
      max_projects_per_org: 3,
      max_members_per_org: 5,
      max_api_requests_per_day: 1_000,
      max_manual_scrape_triggers_per_day: 10,
      max_payout_methods_per_org: 10,
      stats_history_retention_days: 365,
    });
  });

  it("keeps each org's data within its limits", () => {
    for (const org of w.orgs) {
      const projects = w.projects.filter((p) => p.org_id === org.id);
      const l = org.limits;
      expect(projects.length).toBeLessThanOrEqual(l.max_projects_per_org!);
      expect(w.creators.filter((c) => c._org_id === org.id).length).toBeLessThanOrEqual(
        l.max_creators_per_org!,
      );
      expect(w.videos.filter((v) => v._org_id === org.id).length).toBeLessThanOrEqual(
        l.max_tracked_videos_per_org!,
      );
      expect(w.payoutMethods.filter((m) => m.org_id === org.id).length).toBeLessThanOrEqual(
        l.max_payout_methods_per_org!,
      );
      expect(w.apiKeys.filter((k) => k.org_id === org.id).length).toBeLessThanOrEqual(
        l.max_api_keys_per_org!,
      );
      for (const p of projects) {
        const campaigns = w.campaigns.filter((c) => c.project_id === p.id);
        expect(campaigns.length).toBeLessThanOrEqual(l.max_campaigns_per_project!);
        for (const c of campaigns) {
          expect(w.campaignItems.filter((i) => i.campaign_id === c.id).length).toBeLessThanOrEqual(
            l.max_campaign_items_per_campaign!,
          );
        }
        expect(w.payoutStructures.filter((s) => s.project_id === p.id).length).toBeLessThanOrEqual(
          l.max_payout_structures_per_project!,
        );
      }
    }
  });

  it("serves the fixed, documented demo keys", () => {
    const sha = (label: string) => `tga_${createHash("sha256").update(label).digest("hex")}`;
    expect(DEMO_KEYS).toEqual({
      orgA: {
        readWrite: sha("goatkit-sandbox:org-a:read-write"),
        readOnly: sha("goatkit-sandbox:org-a:read-only"),
        revoked: sha("goatkit-sandbox:org-a:revoked"),
      },
      orgB: { readWrite: sha("goatkit-sandbox:org-b:read-write") },
    });
    const [a, b] = w.orgs;
    const byKey = new Map(w.apiKeys.map((k) => [k.key, k]));
    expect(byKey.get(DEMO_KEYS.orgA.readWrite)).toMatchObject({
      org_id: a!.id,
      scopes: ["read", "write"],
      revoked: false,
    });
    expect(byKey.get(DEMO_KEYS.orgA.readOnly)).toMatchObject({
      org_id: a!.id,
      scopes: ["read"],
      revoked: false,
    });
    expect(byKey.get(DEMO_KEYS.orgA.revoked)).toMatchObject({ org_id: a!.id, revoked: true });
    expect(byKey.get(DEMO_KEYS.orgB.readWrite)).toMatchObject({
      org_id: b!.id,
      scopes: ["read", "write"],
      revoked: false,
    });
    for (const k of w.apiKeys) expect(k.key).toMatch(/^tga_[0-9a-f]{64}$/);
    // Seed-independent: another world serves the same keys.
    expect(generateWorld({ seed: 9, scale: "tiny", now: NOW }).apiKeys.map((k) => k.key)).toEqual(
      w.apiKeys.map((k) => k.key),
    );
  });
});
