/**
 * Complexity guard at the large world's scale: 5,000 videos in a campaign, 90 snapshot days. The
 * bounds are several times the targets (creator < 5 ms, campaign < 50 ms) so a loaded CI machine does
 * not flake, while an O(videos × days × entities) blowup still fails.
 */
import { describe, expect, it } from "vitest";
import { fixtureWorld } from "../test-helpers/stats-fixture.js";
import type { CreatorRecord, VideoRecord, VideoSnapshot, World } from "../world/types.js";
import { analytics } from "./analytics.js";
import { campaignStats } from "./campaign-stats.js";
import { creatorStats } from "./creator-stats.js";
import { parseDateRange } from "./range.js";

const DAYS = 90;
const VIDEOS = 5000;
const PER_CREATOR = 50;

function largeWorld(): { world: World; videos: VideoRecord[]; creators: CreatorRecord[] } {
  const base = fixtureWorld();
  const days = Array.from({ length: DAYS }, (_, i) =>
    new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10),
  );
  // Counters live in typed arrays like a real snapshot store; each read allocates a snapshot object.
  const views = new Int32Array(VIDEOS * DAYS);
  const first = new Int32Array(VIDEOS);
  const template = base.videos[0]!;
  const videos: VideoRecord[] = [];
  for (let k = 0; k < VIDEOS; k++) {
    first[k] = k % DAYS;
    for (let d = first[k]!; d < DAYS; d++) views[k * DAYS + d] = (d - first[k]! + 1) * (100 + (k % 37));
    const posted = days[first[k]!]!;
    videos.push({
      ...template,
      id: `v${k}`,
      creator_id: `c${Math.floor(k / PER_CREATOR)}`,
      posted_at: `${posted}T12:00:00Z`,
      _snap: k,
    });
  }
  const creators = Array.from({ length: VIDEOS / PER_CREATOR }, (_, i) => ({
    ...base.creators[0]!,
    id: `c${i}`,
    _snap: i,
  }));
  const world: World = {
    ...base,
    days,
    now: `${days.at(-1)}T12:00:00Z`,
    videos,
    creators,
    videoSnapshot(video, d): VideoSnapshot | null {
      const k = video._snap;
      if (d < first[k]!) return null;
      const v = views[k * DAYS + d]!;
      return {
        view_count: v,
        like_count: v >> 3,
        comment_count: v >> 6,
        share_count: v >> 7,
        save_count: v >> 7,
      };
    },
    creatorSnapshot: (c, d) => ({
      follower_count: 1000 + c._snap + d,
      total_likes_count: 0,
      video_count: PER_CREATOR,
    }),
  };
  return { world, videos, creators };
}

/** Median time of `runs` calls: robust against other processes stealing the CPU for a moment. */
function time(fn: () => void, runs = 21): number {
  fn(); // warm up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return samples.sort((a, b) => a - b)[runs >> 1]!;
}

describe("performance at large-world scale", () => {
  const { world, videos, creators } = largeWorld();
  const range = parseDateRange({}, world);

  it("creator stats (50 videos, 30 days) stay in the low milliseconds", () => {
    const creatorVideos = videos.slice(0, PER_CREATOR);
    const ms = time(() => creatorStats(world, creators[0]!, creatorVideos, range), 201);
    expect(ms).toBeLessThan(25);
  });

  it("campaign stats over 5,000 videos and 30 days", () => {
    const ms = time(() => campaignStats(world, world.campaigns[0]!, videos, () => creators[0], range));
    expect(ms).toBeLessThan(250);
  });

  it("campaign analytics with compare and breakdown over 5,000 videos", () => {
    const target = { entity: "campaign" as const, id: "k", videos, creators };
    const ms = time(() =>
      analytics(world, target, {
        metric: "engagement_rate_by_views",
        compare: "prior_period",
        breakdown: "video",
      }),
    );
    expect(ms).toBeLessThan(500);
  });
});
