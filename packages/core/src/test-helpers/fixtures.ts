/** Shared test data: a well-formed (fake) key, realistic entities, and a client wired to a test server. @module */
import { type ClientOptions, createClient, type TrackagoatClient } from "../client/index.js";

/** Well-formed and fake: `tga_` + 64 lowercase hex. Tests assert it never shows up in output. */
export const TEST_KEY = `tga_${"0123456789abcdef".repeat(4)}`;

export const PROJECT_ID = "11111111-1111-4111-8111-111111111111";

/** A deterministic uuid-like id from a number. */
export function uid(n: number, prefix = "c"): string {
  const hex = n.toString(16).padStart(12, "0");
  return `${prefix === "c" ? "c0000000" : "v0000000"}-0000-4000-8000-${hex}`;
}

/** A creator as the API sends it. */
export function makeCreator(i: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: uid(i),
    project_id: PROJECT_ID,
    tiktok_handle: `creator_${i}`,
    display_name: `Creator ${i}`,
    description: i % 3 === 0 ? "Niche: fitness. Posts Mon/Thu." : null,
    follower_count: 1000 + i * 37,
    total_likes_count: 50_000 + i * 11,
    video_count: 10 + (i % 40),
    tracking_mode: i % 5 === 0 ? "selective" : "auto",
    last_scraped_at: "2026-03-30T06:00:00Z",
    metadata: i % 2 === 0 ? { tier: "gold" } : {},
    created_at: "2026-01-01T00:00:00Z",
    updated_at: "2026-03-30T06:00:00Z",
    ...overrides,
  };
}

/** A video as the API sends it. */
export function makeVideo(i: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: uid(i, "v"),
    project_id: PROJECT_ID,
    creator_id: uid(1),
    tiktok_video_id: `73${String(i).padStart(17, "0")}`,
    url: `https://www.tiktok.com/@creator_1/video/73${String(i).padStart(17, "0")}`,
    title: `Video ${i}`,
    description: null,
    view_count: 10_000 + i,
    like_count: 900,
    comment_count: 40,
    share_count: 12,
    save_count: 8,
    posted_at: "2026-03-01T18:00:00Z",
    tracking_status: "auto_tracked",
    last_scraped_at: "2026-03-30T06:00:00Z",
    metadata: {},
    created_at: "2026-03-01T19:00:00Z",
    updated_at: "2026-03-30T06:00:00Z",
    ...overrides,
  };
}

/** A client for a test server: the test key and no client-side rate limit (other defaults unchanged). */
export function testClient(baseUrl: string, options: ClientOptions = {}): TrackagoatClient {
  return createClient({ apiKey: TEST_KEY, baseUrl, rateLimit: false, ...options });
}

const T = "2026-03-01T00:00:00Z";

/** One valid response `data` per entity, as the API (or the contract's emulator defaults) sends it. */
export const samples = {
  campaign: {
    id: "k1",
    project_id: PROJECT_ID,
    name: "Spring",
    readme: "Notes",
    metadata: {},
    created_at: T,
  },
  campaignItem: { item_type: "creator", item_id: "c1" },
  deleted: { id: "x1", deleted: true },
  queued: { queued: true },
  bulkUpdated: { updated: 2 },
  goal: {
    id: "g1",
    creator_id: "c1",
    project_id: PROJECT_ID,
    metric: "posts",
    period: "weekly",
    target_value: 3,
  },
  annotation: { id: "a1", date: "2026-03-14", label: "Launch", created_at: T },
  payoutMethod: {
    id: "m1",
    org_id: "o1",
    name: "Wise",
    icon_url: null,
    is_default: false,
    is_active: true,
    metadata: {},
    readme: null,
    created_at: T,
  },
  payoutStructure: {
    id: "s1",
    org_id: "o1",
    project_id: PROJECT_ID,
    name: "Base",
    rule_type: "recurring",
    amount_cents: 50_000,
    period: "monthly",
    proration_mode: "none",
    version: 1,
    is_active: true,
    metadata: {},
    created_at: T,
  },
  payoutAssignment: {
    id: "as1",
    structure_id: "s1",
    creator_id: "c1",
    start_date: "2026-03-01",
    created_at: T,
  },
  payoutAccrual: {
    id: "ac1",
    creator_id: "c1",
    structure_id: "s1",
    structure_version: 1,
    period_start: "2026-02-01",
    period_end: "2026-02-28",
    amount_cents: 50_000,
    status: "unpaid",
    created_at: T,
  },
  payoutPayment: {
    id: "pp1",
    creator_id: "c1",
    method_id: "m1",
    method_name: "Wise",
    amount_cents: 50_000,
    paid_at: T,
    accrual_ids: ["ac1"],
    note: null,
    status: "recorded",
    created_at: T,
  },
  analytics: {
    entity: "creator",
    entity_id: "c1",
    metric: "views",
    unit: "count",
    mode: "new",
    granularity: "day",
    from: "2026-01-01",
    to: "2026-03-31",
    tz: "UTC",
    series: [{ bucket_start: "2026-01-01", value: 123, is_partial: false }],
    compare_series: null,
    breakdown_series: null,
    annotations: [],
    tier_retention_days: 365,
  },
  creatorStats: {
    creator_id: "c1",
    from: "2026-03-01",
    to: "2026-03-02",
    history: [{ date: "2026-03-01", follower_count: 10, total_likes_count: 100, video_count: 1 }],
    total_video_views: [{ date: "2026-03-01", value: 1000 }],
    posting_frequency: [{ week_start: "2026-02-23", video_count: 1 }],
  },
  campaignStats: {
    campaign_id: "k1",
    from: "2026-03-01",
    to: "2026-03-31",
    totals: {
      view_count: 10,
      like_count: 1,
      comment_count: 0,
      share_count: 0,
      save_count: 0,
      video_count: 1,
      creator_count: 1,
    },
    top_videos: [],
    top_creators: [],
    history: [],
    video_count_by_day: [],
  },
  videoStats: {
    video_id: "v1",
    from: "2026-03-01",
    to: "2026-03-31",
    metric: "engagement_rate_by_views",
    unit: "percent",
    series: [],
  },
  leaderboardRow: {
    video_id: "v1",
    title: null,
    thumbnail_url: null,
    url: "https://www.tiktok.com/@a/video/1",
    view_count: 10,
    like_count: 1,
    comment_count: 0,
    share_count: 0,
    save_count: 0,
    posted_at: T,
  },
  heatmapCell: { dow: 0, hour: 18, post_count: 2, avg_views: 1500.5 },
} as const;
