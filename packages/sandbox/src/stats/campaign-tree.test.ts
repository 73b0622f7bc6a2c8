import { describe, expect, it } from "vitest";
import { fixtureLookup, fixtureWorld } from "../test-helpers/stats-fixture.js";
import { resolveCampaignVideos } from "./campaign-tree.js";

const world = fixtureWorld();
const lookup = fixtureLookup(world);
const ids = (campaignId: string) => resolveCampaignVideos(campaignId, lookup).map((v) => v.id);

describe("resolveCampaignVideos", () => {
  it("unions creators, videos and sub-campaigns recursively, each counted video once", () => {
    // k1: c1's counted videos v1 v2 v3 (v7 pending, v9 disabled), v6, and via k2 → k3: v4.
    // v2 is reached twice (c1 and k2); k3 → k1 closes a cycle.
    const got = ids("k1");
    expect([...got].sort()).toEqual(["v1", "v2", "v3", "v4", "v6"]);
    expect(new Set(got).size).toBe(got.length);
  });

  it("leaves pending, excluded and disabled videos out even when added directly", () => {
    const got = ids("k2");
    expect(got).not.toContain("v7");
    expect(got).not.toContain("v8");
    expect(got).not.toContain("v9");
    // k2 → k3 → k1 reaches everything k1 has.
    expect([...got].sort()).toEqual(["v1", "v2", "v3", "v4", "v6"]);
  });

  it("terminates on cycles from any entry point, and an empty campaign has no videos", () => {
    expect([...ids("k3")].sort()).toEqual(["v1", "v2", "v3", "v4", "v6"]);
    expect(ids("nope")).toEqual([]);
    const selfLoop = {
      ...lookup,
      itemsOf: (id: string) => [
        { campaign_id: id, item_type: "campaign" as const, item_id: id, created_at: "" },
      ],
    };
    expect(resolveCampaignVideos("x", selfLoop)).toEqual([]);
  });
});
