import { describe, expect, it } from "vitest";
import { idTag, responseTags, writeTags } from "./tags.js";

const BASE = "https://x.test/api/v1";
const C1 = "3f1c2d4e-0000-4000-8000-000000000001";
const C2 = "3f1c2d4e-0000-4000-8000-000000000002";
const P = "9a9a9a9a-0000-4000-8000-00000000000p";

describe("responseTags", () => {
  it("tags path ids and *_id query values, not route words or other params", () => {
    const tags = responseTags(`${BASE}/creators/${C1}/stats?from=2026-03-01&project_id=${P}&cursor=abc`);
    expect(tags.sort()).toEqual([idTag(C1), idTag(P)].sort());
    expect(responseTags(`${BASE}/projects/${P}/goal-compliance?creator_id=${C2}`).sort()).toEqual(
      [idTag(P), idTag(C2)].sort(),
    );
    expect(responseTags(`${BASE}/analytics/aggregate/video-leaderboard`)).toEqual([]);
  });

  it("tags every item's id and *_id fields in list data", () => {
    const tags = responseTags(`${BASE}/creators?limit=2`, [
      { id: C1, project_id: P, tiktok_handle: "a" },
      { id: C2, project_id: P, tiktok_handle: "b" },
    ]);
    expect(tags.sort()).toEqual([idTag(C1), idTag(C2), idTag(P)].sort());
  });

  it("tags a single object's id", () => {
    expect(responseTags(`${BASE}/payout-methods/m1x`, { id: "m1x", name: "Venmo" })).toContain(idTag("m1x"));
  });

  it("decodes encoded path ids", () => {
    expect(responseTags(`${BASE}/creators/a%2Fb1`)).toEqual([idTag("a/b1")]);
  });
});

describe("writeTags", () => {
  it("tags the path ids and the body's id fields", () => {
    expect(writeTags(`${BASE}/creators/${C1}`, { readme: "x" })).toEqual([idTag(C1)]);
    expect(writeTags(`${BASE}/projects/${P}/creators/bulk-remove`, { creator_ids: [C1, C2] }).sort()).toEqual(
      [idTag(P), idTag(C1), idTag(C2)].sort(),
    );
    expect(writeTags(`${BASE}/payout-structures`, { project_id: P, name: "Base" })).toEqual([idTag(P)]);
    expect(writeTags(`${BASE}/campaigns/${C1}/items`, { item_type: "video", item_id: C2 }).sort()).toEqual(
      [idTag(C1), idTag(C2)].sort(),
    );
  });
});
