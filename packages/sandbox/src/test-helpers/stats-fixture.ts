/**
 * A tiny hand-made world for the stats tests. Every snapshot is a straight line per counter, so each
 * expectation in the tests can be worked out by hand from the table below.
 *
 * Window: 24 days, 2026-03-02 (Monday, index 0) … 2026-03-25 (Wednesday, index 23, the as-of day);
 * now = 2026-03-25T12:00:00Z. ISO weeks: Mar 2–8 (idx 0–6), Mar 9–15 (7–13), Mar 16–22 (14–20),
 * Mar 23–29 (21–23 inside the window).
 *
 * Video snapshots at day index d ≥ first (null before), value = base + perDay × (d − first):
 *
 * | video | creator | status          | posted (UTC)           | first | base views/likes/comments/shares/saves | per day          |
 * |-------|---------|-----------------|------------------------|-------|----------------------------------------|------------------|
 * | v1    | c1      | auto_tracked    | 2026-02-20 10:00 (pre) | 0     | 1000 / 100 / 10 / 5 / 5                | 100 / 20 / 1 / 0 / 1 |
 * | v2    | c1      | included        | 2026-03-05 14:30 (d3)  | 3     | 200 / 20 / 2 / 1 / 1                   | 200 / 20 / 2 / 1 / 1 |
 * | v3    | c1      | auto_tracked    | 2026-03-18 09:15 (d16) | 16    | 0 / 0 / 0 / 0 / 0                      | 0 (never viewed) |
 * | v4    | c2      | auto_tracked    | 2026-03-13 20:00 (d11) | 12    | 1000 / 50 / 10 / 5 / 5 (scraped a day late) | 500 / 25 / 5 / 0 / 0 |
 * | v5    | c2      | auto_tracked    | 2026-01-15 12:00 (pre) | 10    | 5000 / 500 / 50 / 20 / 30              | 50 / 5 / 0 / 0 / 0 |
 * | v6    | null    | direct_add      | 2026-03-22 23:30 (d20) | 20    | 300 / 30 / 3 / 3 / 3                   | 300 / 30 / 3 / 3 / 3 |
 * | v7    | c1      | pending_review  | 2026-03-07 10:00 (d5)  | 5     | 99999 / …                              | 0                |
 * | v8    | c2      | excluded        | 2026-03-08 10:00 (d6)  | 6     | 88888 / …                              | 0                |
 * | v9    | c1      | included, tracking disabled | 2026-03-10 10:00 (d8) | 8 | 77777 / …                      | 0                |
 * | v10   | c3      | auto_tracked    | 2026-03-23 08:00 (d21) | 21    | 100 / 10 / 0 / 0 / 0                   | 100 / 10 / 0 / 0 / 0 |
 *
 * Creator snapshots: c1 from d0: followers 1000 + 10d, total likes 5000 + 100d, video_count 10;
 * c2 from d10: followers 500 + 5(d − 10), total likes 2000, video_count 5; c3: none (no follower data).
 * last_scraped_at: c1 2026-03-25T10:00Z (fresh), c2 2026-03-24T20:00Z (16 h: stale), c3 never.
 *
 * Campaign tree: k1 = { creator c1, campaign k2, video v6 }, k2 = { video v2 (also via c1), v7 (pending),
 * v8 (excluded), campaign k3 }, k3 = { video v4, campaign k1 (a cycle) }.
 * Records' current counters equal the snapshot at d23, as the real generator keeps them.
 */

import type { CampaignLookup } from "../stats/campaign-tree.js";
import { StatsError } from "../stats/stats-error.js";
import type {
  CampaignItemRecord,
  CampaignRecord,
  CreatorRecord,
  CreatorSnapshot,
  GoalRecord,
  ProjectRecord,
  TrackingStatus,
  VideoRecord,
  VideoSnapshot,
  World,
} from "../world/types.js";

type Five = [number, number, number, number, number];

interface VideoSpec {
  id: string;
  creator: string | null;
  status: TrackingStatus;
  posted: string;
  first: number;
  base: Five;
  perDay: Five;
  title?: string | null;
  disabled?: boolean;
}

// biome-ignore format: one row per video, like the table above
const VIDEO_SPECS: VideoSpec[] = [
  { id: "v1", creator: "c1", status: "auto_tracked", posted: "2026-02-20T10:00:00Z", first: 0, base: [1000, 100, 10, 5, 5], perDay: [100, 20, 1, 0, 1] },
  { id: "v2", creator: "c1", status: "included", posted: "2026-03-05T14:30:00Z", first: 3, base: [200, 20, 2, 1, 1], perDay: [200, 20, 2, 1, 1] },
  { id: "v3", creator: "c1", status: "auto_tracked", posted: "2026-03-18T09:15:00Z", first: 16, base: [0, 0, 0, 0, 0], perDay: [0, 0, 0, 0, 0] },
  { id: "v4", creator: "c2", status: "auto_tracked", posted: "2026-03-13T20:00:00Z", first: 12, base: [1000, 50, 10, 5, 5], perDay: [500, 25, 5, 0, 0], title: "Dance, part 2" },
  { id: "v5", creator: "c2", status: "auto_tracked", posted: "2026-01-15T12:00:00Z", first: 10, base: [5000, 500, 50, 20, 30], perDay: [50, 5, 0, 0, 0] },
  { id: "v6", creator: null, status: "direct_add", posted: "2026-03-22T23:30:00Z", first: 20, base: [300, 30, 3, 3, 3], perDay: [300, 30, 3, 3, 3], title: null },
  { id: "v7", creator: "c1", status: "pending_review", posted: "2026-03-07T10:00:00Z", first: 5, base: [99999, 9999, 999, 99, 99], perDay: [0, 0, 0, 0, 0] },
  { id: "v8", creator: "c2", status: "excluded", posted: "2026-03-08T10:00:00Z", first: 6, base: [88888, 8888, 888, 88, 88], perDay: [0, 0, 0, 0, 0] },
  { id: "v9", creator: "c1", status: "included", posted: "2026-03-10T10:00:00Z", first: 8, base: [77777, 7777, 777, 77, 77], perDay: [0, 0, 0, 0, 0], disabled: true },
  { id: "v10", creator: "c3", status: "auto_tracked", posted: "2026-03-23T08:00:00Z", first: 21, base: [100, 10, 0, 0, 0], perDay: [100, 10, 0, 0, 0] },
];

export const DAYS = Array.from({ length: 24 }, (_, i) => {
  const d = new Date(Date.UTC(2026, 2, 2 + i));
  return d.toISOString().slice(0, 10);
});
export const NOW = "2026-03-25T12:00:00Z";
const LAST = DAYS.length - 1;

function videoSnap(spec: VideoSpec, d: number): VideoSnapshot | null {
  if (d < spec.first || d > LAST) return null;
  const k = d - spec.first;
  const [v, l, c, s, sv] = spec.base.map((b, i) => b + spec.perDay[i]! * k) as Five;
  return { view_count: v, like_count: l, comment_count: c, share_count: s, save_count: sv };
}

const CREATOR_SNAPS: Array<(d: number) => CreatorSnapshot | null> = [
  (d) => ({ follower_count: 1000 + 10 * d, total_likes_count: 5000 + 100 * d, video_count: 10 }),
  (d) => (d < 10 ? null : { follower_count: 500 + 5 * (d - 10), total_likes_count: 2000, video_count: 5 }),
  () => null,
];

const stamps = { created_at: "2026-01-01T00:00:00Z", updated_at: "2026-01-01T00:00:00Z" };

function creator(i: number, id: string, handle: string, lastScraped: string | null): CreatorRecord {
  const snap = CREATOR_SNAPS[i]!(LAST);
  return {
    id,
    project_id: "p1",
    tiktok_handle: handle,
    display_name: handle.toUpperCase(),
    description: null,
    follower_count: snap?.follower_count ?? 0,
    total_likes_count: snap?.total_likes_count ?? 0,
    video_count: snap?.video_count ?? 0,
    tracking_mode: "auto",
    last_scraped_at: lastScraped,
    metadata: {},
    _org_id: "o1",
    _deleted: false,
    _snap: i,
    ...stamps,
  };
}

function video(spec: VideoSpec, i: number): VideoRecord {
  const now = videoSnap(spec, LAST)!;
  return {
    id: spec.id,
    project_id: "p1",
    creator_id: spec.creator,
    tiktok_video_id: `7${i}`,
    url: `https://www.tiktok.com/@x/video/7${i}`,
    title: spec.title === undefined ? `Video ${spec.id}` : spec.title,
    description: null,
    ...now,
    posted_at: spec.posted,
    tracking_status: spec.status,
    last_scraped_at: NOW,
    tracking_enabled: !(spec.disabled ?? false),
    metadata: {},
    _org_id: "o1",
    _deleted: false,
    _snap: i,
    ...stamps,
  };
}

function goal(
  id: string,
  creatorId: string,
  metric: GoalRecord["metric"],
  period: GoalRecord["period"],
  target: number,
  extra: Partial<GoalRecord> = {},
): GoalRecord {
  return {
    id,
    creator_id: creatorId,
    project_id: "p1",
    metric,
    period,
    target_value: target,
    start_date: null,
    end_date: null,
    is_active: true,
    _org_id: "o1",
    ...stamps,
    ...extra,
  };
}

const item = (
  campaign_id: string,
  item_type: CampaignItemRecord["item_type"],
  item_id: string,
): CampaignItemRecord => ({
  campaign_id,
  item_type,
  item_id,
  created_at: stamps.created_at,
});

function campaign(id: string, name: string): CampaignRecord {
  return {
    id,
    project_id: "p1",
    name,
    description: null,
    metadata: {},
    target_views: null,
    target_at: null,
    _org_id: "o1",
    ...stamps,
  };
}

/** A fresh fixture world (tests may mutate it). */
export function fixtureWorld(): World {
  const creators = [
    creator(0, "c1", "alice", "2026-03-25T10:00:00Z"),
    creator(1, "c2", "bob", "2026-03-24T20:00:00Z"),
    creator(2, "c3", "carol", null),
  ];
  const videos = VIDEO_SPECS.map(video);
  const project: ProjectRecord = {
    id: "p1",
    org_id: "o1",
    name: "Spring program",
    description: null,
    ...stamps,
  };
  return {
    seed: 1,
    scale: "fixture",
    now: NOW,
    days: [...DAYS],
    orgs: [{ id: "o1", name: "Org", tier: "ultra", timezone: "UTC", limits: {} }],
    apiKeys: [],
    projects: [project],
    creators,
    videos,
    campaigns: [campaign("k1", "Spring"), campaign("k2", "Sub"), campaign("k3", "Leaf")],
    campaignItems: [
      item("k1", "creator", "c1"),
      item("k1", "campaign", "k2"),
      item("k1", "video", "v6"),
      item("k2", "video", "v2"),
      item("k2", "video", "v7"),
      item("k2", "video", "v8"),
      item("k2", "campaign", "k3"),
      item("k3", "video", "v4"),
      item("k3", "campaign", "k1"),
    ],
    goals: [
      goal("g1", "c1", "posts", "weekly", 2),
      goal("g2", "c1", "views", "daily", 300),
      goal("g3", "c2", "followers", "monthly", 100),
      goal("g4", "c1", "engagement", "weekly", 10),
      goal("g5", "c1", "posts", "monthly", 5, { is_active: false }),
      goal("g6", "c2", "posts", "weekly", 1, { start_date: "2026-04-01" }),
      goal("g7", "c1", "posts", "daily", 1, { end_date: "2026-03-01" }),
      goal("g8", "c2", "views", "weekly", 3000),
    ],
    payoutMethods: [],
    payoutStructures: [],
    payoutAssignments: [],
    payoutAccruals: [],
    payoutPayments: [],
    videoSnapshot: (v, d) => videoSnap(VIDEO_SPECS[v._snap]!, d),
    creatorSnapshot: (c, d) => (d < 0 || d > LAST ? null : CREATOR_SNAPS[c._snap]!(d)),
    truth: {
      seed: 1,
      scale: "fixture",
      as_of: NOW,
      window: { from: "2026-02-24", to: "2026-03-25" },
      underperformers: [],
      posting_gaps: [],
      stale_creators: [],
      backlogs: [],
      cannot_judge: [],
      outlier_videos: [],
      over_posting: [],
      over_posting_unconfirmed: [],
      tracking_disabled_videos: [],
      provisional_goals: [],
      campaign_totals: {},
    },
  };
}

/** Record lookups the way the state layer would answer them. */
export function fixtureLookup(world: World): CampaignLookup {
  return {
    itemsOf: (id) => world.campaignItems.filter((i) => i.campaign_id === id),
    videosOfCreator: (id) => world.videos.filter((v) => v.creator_id === id),
    videoById: (id) => world.videos.find((v) => v.id === id),
  };
}

export const byId = <T extends { id: string }>(list: readonly T[], id: string): T => {
  const found = list.find((x) => x.id === id);
  if (!found) throw new Error(`fixture has no ${id}`);
  return found;
};

/** The StatsError `fn` throws (so tests can assert its code), or a failure when it throws nothing or another error. */
export function thrown(fn: () => unknown): { name: string; code: string; message: string } {
  try {
    fn();
  } catch (error) {
    if (error instanceof StatsError) return { name: error.name, code: error.code, message: error.message };
    throw error;
  }
  throw new Error("expected a StatsError, nothing was thrown");
}
