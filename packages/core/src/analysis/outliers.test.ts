import { describe, expect, it } from "vitest";
import { video } from "../test-helpers/analysis-fixtures.js";
import { assertJsonSafe } from "../test-helpers/json-safe.js";
import { findOutliers } from "./outliers.js";

const AS_OF = "2026-03-15T12:00:00Z";
const OLD = "2026-03-01T12:00:00Z"; // 14 days before asOf

const set = (creatorId: string, views: number[], posted = OLD) =>
  views.map((v, i) =>
    video({ id: `${creatorId}-${i}`, creator_id: creatorId, posted_at: posted, view_count: v }),
  );

describe("findOutliers", () => {
  it("flags a high outlier by robust z of ln(views) and the 5× ratio", () => {
    const views = [100, 110, 120, 130, 140, 10_000];
    const logs = views.map(Math.log);
    const medLog = (logs[2]! + logs[3]!) / 2;
    const devs = logs.map((l) => Math.abs(l - medLog)).sort((a, b) => a - b);
    const madLog = (devs[2]! + devs[3]!) / 2;
    const z = (Math.log(10_000) - medLog) / (1.4826 * madLog);
    const r = findOutliers(set("c", views), AS_OF);
    expect(r.outliers).toHaveLength(1);
    expect(r.outliers[0]).toMatchObject({ video_id: "c-5", direction: "high", creator_median_views: 125 });
    expect(r.outliers[0]!.z).toBeCloseTo(z, 2);
    expect(r.outliers[0]!.ratio_to_median).toBe(80);
  });

  it("needs both the z and the ratio: a big z with a small ratio is not an outlier", () => {
    // Tight cluster: 200 is a huge z but only 2× the median.
    const r = findOutliers(set("c", [100, 100, 101, 100, 99, 200]), AS_OF);
    expect(r.outliers).toEqual([]);
  });

  it("lets the ratio decide alone when the MAD is 0", () => {
    expect(findOutliers(set("c", [100, 100, 100, 100, 100, 500]), AS_OF).outliers[0]).toMatchObject({
      direction: "high",
      z: null,
    });
    expect(findOutliers(set("c", [100, 100, 100, 100, 100, 499]), AS_OF).outliers).toEqual([]);
    expect(findOutliers(set("c", [100, 100, 100, 100, 100, 20]), AS_OF).outliers[0]).toMatchObject({
      direction: "low",
    });
    expect(findOutliers(set("c", [100, 100, 100, 100, 100, 21]), AS_OF).outliers).toEqual([]);
  });

  it("treats 0 views as 1 so ln stays finite", () => {
    const r = findOutliers(set("c", [100, 100, 100, 100, 100, 0]), AS_OF);
    expect(r.outliers[0]).toMatchObject({ direction: "low", view_count: 0, ratio_to_median: 0.01 });
    assertJsonSafe(r);
  });

  it("needs 5 videos at least 7 days old per creator", () => {
    const young = set("c", [100, 100, 100, 100, 100, 10_000], "2026-03-09T12:00:01Z");
    expect(findOutliers(young, AS_OF).creators_checked).toBe(0);
    const exactly7 = set("c", [100, 100, 100, 100, 10_000], "2026-03-08T12:00:00Z");
    expect(findOutliers(exactly7, AS_OF).outliers).toHaveLength(1);
    const four = findOutliers(set("c", [100, 100, 100, 10_000]), AS_OF);
    expect(four).toMatchObject({ creators_checked: 0, creators_too_few_videos: 1, outliers: [] });
    expect(findOutliers([], AS_OF).outliers).toEqual([]);
  });

  it("ignores pending videos and direct adds without a creator", () => {
    const vids = [
      ...set("c", [100, 100, 100, 100, 100]),
      video({ creator_id: "c", posted_at: OLD, view_count: 100_000, tracking_status: "pending_review" }),
      video({ creator_id: null, posted_at: OLD, view_count: 100_000, tracking_status: "direct_add" }),
    ];
    expect(findOutliers(vids, AS_OF).outliers).toEqual([]);
  });
});
