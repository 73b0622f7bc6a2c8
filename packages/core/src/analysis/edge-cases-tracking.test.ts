/**
 * Issue 12, edge case 1: a tracking-disabled video counts nowhere, and one rule says which videos count.
 * Hand-computed fixtures on the pure functions; the sandbox-backed half is in
 * workflows/edge-cases-tracking.test.ts.
 */
import { describe, expect, it } from "vitest";
import { video } from "../test-helpers/analysis-fixtures.js";
import * as counted from "./counted.js";
import type { VideoInput } from "./inputs.js";
import { indexVideos } from "./video-index.js";

// The rule may not exist yet: read it through the module so this file type-checks before it does.
type Rule = (v: { tracking_status: string; tracking_enabled?: boolean | null }) => boolean;
const isCountedVideo = (v: { tracking_status: string; tracking_enabled?: boolean | null }) =>
  (counted as unknown as { isCountedVideo: Rule }).isCountedVideo(v);

const at = "2026-03-10T12:00:00Z";
const on = (over: Partial<VideoInput> & Record<string, unknown>) =>
  video({ posted_at: at, ...over }) as VideoInput;

describe("isCountedVideo: the one counted rule", () => {
  it("counts auto_tracked, included and direct_add while tracking is on (absent field = on)", () => {
    expect(isCountedVideo({ tracking_status: "auto_tracked" })).toBe(true);
    expect(isCountedVideo({ tracking_status: "included", tracking_enabled: true })).toBe(true);
    expect(isCountedVideo({ tracking_status: "direct_add" })).toBe(true);
  });

  it("does not count a disabled video, a pending or excluded one, or an unknown status", () => {
    expect(isCountedVideo({ tracking_status: "auto_tracked", tracking_enabled: false })).toBe(false);
    expect(isCountedVideo({ tracking_status: "pending_review" })).toBe(false);
    expect(isCountedVideo({ tracking_status: "excluded" })).toBe(false);
    expect(isCountedVideo({ tracking_status: "auto_trackd" })).toBe(false);
    expect(isCountedVideo({ tracking_status: "archived_x" })).toBe(false);
  });
});

describe("partitionVideos and indexVideos leave disabled and unknown videos out, and count them", () => {
  const videos = [
    on({ id: "a", view_count: 100 }),
    on({ id: "b", view_count: 200, tracking_enabled: false }),
    on({ id: "c", view_count: 300, tracking_status: "pending_review" }),
    on({ id: "d", view_count: 400, tracking_status: "mystery_state" as VideoInput["tracking_status"] }),
    on({ id: "e", view_count: 500, tracking_enabled: true }),
    // Same first letter and length as auto_tracked: a shape check alone would count it.
    on({ id: "f", view_count: 600, tracking_status: "archived_odd" as VideoInput["tracking_status"] }),
  ];

  it("partition: counted a, e; disabled b; pending c; unknown d, f; two videos without the field", () => {
    const p = counted.partitionVideos(videos as never) as unknown as {
      counted: VideoInput[];
      counts: Record<string, number>;
    };
    expect(p.counted.map((v) => v.id)).toEqual(["a", "e"]);
    expect(p.counts).toMatchObject({
      counted: 2,
      pending_review: 1,
      excluded: 0,
      tracking_disabled: 1,
      unknown_status: 2,
    });
  });

  it("index: only a and e; disabled and unknown counted separately", () => {
    const index = indexVideos(videos) as unknown as Record<string, unknown> & { videos: VideoInput[] };
    expect(index.videos.map((v) => v.id)).toEqual(["a", "e"]);
    expect(index).toMatchObject({ pending: 1, disabled: 1, unknownStatus: 2 });
    // a, c, d and f carry no tracking_enabled: treated as enabled, and said so.
    expect(index.trackingUnreported).toBe(4);
  });
});
