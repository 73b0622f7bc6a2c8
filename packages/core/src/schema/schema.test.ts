/**
 * The schemas against the JSON examples of shared/api-contract.md (Part A is binding; Part B examples
 * where Part A is silent), plus the tolerance rules: unknown fields pass, a missing required field fails.
 */
import { describe, expect, it } from "vitest";
import { samples } from "../test-helpers/fixtures.js";
import {
  Analytics,
  BulkCreateCreatorsBody,
  Campaign,
  CampaignStats,
  CreateCreatorBody,
  Creator,
  CreatorStats,
  ErrorEnvelope,
  envelope,
  GoalCompliance,
  listEnvelope,
  PayoutMethod,
  Project,
  UpdateCreatorBody,
  Video,
} from "./index.js";

const UUID = "3f1c2b7e-9a4d-4c1e-8f00-123456789abc";
const UUID2 = "8b0e4a52-1111-4222-8333-444455556666";
const T = "2026-04-01T12:00:00Z";

describe("Part A.3 stats examples", () => {
  it("parses the creator stats example", () => {
    const example = {
      creator_id: UUID,
      from: "2026-03-01",
      to: "2026-03-31",
      history: [{ date: "2026-03-01", follower_count: 0, total_likes_count: 0, video_count: 0 }],
      total_video_views: [{ date: "2026-03-01", value: 0 }],
      posting_frequency: [{ week_start: "2026-02-23", video_count: 0 }],
    };
    expect(CreatorStats.parse(example)).toEqual(example);
  });

  it("parses the campaign stats example", () => {
    const example = {
      campaign_id: UUID,
      from: "2026-03-01",
      to: "2026-03-31",
      totals: {
        view_count: 0,
        like_count: 0,
        comment_count: 0,
        share_count: 0,
        save_count: 0,
        video_count: 0,
        creator_count: 0,
      },
      top_videos: [
        {
          id: UUID,
          creator_id: null,
          tiktok_handle: null,
          title: null,
          url: "https://www.tiktok.com/@a/video/1",
          posted_at: T,
          view_count: 0,
          like_count: 0,
          comment_count: 0,
          share_count: 0,
        },
      ],
      top_creators: [{ id: UUID2, tiktok_handle: "a", video_count: 0, view_count: 0 }],
      history: [{ date: "2026-03-01", view_count: 0, like_count: 0, comment_count: 0, share_count: 0 }],
      video_count_by_day: [{ date: "2026-03-01", count: 0 }],
    };
    expect(CampaignStats.parse(example)).toEqual(example);
  });
});

describe("Part B examples", () => {
  it("parses the analytics JSON example in its envelope", () => {
    // samples.analytics is api-contract §7.1's emulator-default example, field for field.
    const body = { data: { ...samples.analytics, entity_id: UUID }, error: null, meta: null };
    expect(envelope(Analytics).parse(body)).toEqual(body);
  });

  it("parses breakdown series with the rest bucket", () => {
    const a = Analytics.parse({
      entity: "campaign",
      entity_id: UUID,
      metric: "views",
      unit: "count",
      mode: "cumulative",
      granularity: "day",
      from: "2026-03-01",
      to: "2026-03-02",
      tz: "UTC",
      series: [{ bucket_start: "2026-03-01", value: null }],
      breakdown_series: [{ entity_ref: { id: "__other__", label: "Other" }, series: [] }],
      tier_retention_days: null,
    });
    expect(a.series[0]?.is_partial).toBe(false);
    expect(a.breakdown_series?.[0]?.entity_ref.id).toBe("__other__");
    expect(a.compare_series).toBeNull();
  });

  it("parses the goal compliance shape", () => {
    const entry = {
      creator: { id: UUID, tiktok_handle: "a", display_name: null, avatar_url: null },
      compliance: [
        {
          goal: {
            id: UUID2,
            creator_id: UUID,
            project_id: UUID,
            metric: "posts",
            period: "weekly",
            target_value: 15,
            start_date: null,
            end_date: null,
            is_active: true,
          },
          target: 15,
          actual: 11,
          percentage: 73,
          status: "behind_pace",
          advisory: {
            period_in_progress: true,
            period_recently_ended: false,
            scrape_stale: false,
            not_yet_started: false,
            has_advisory: false,
            messages: [],
            period_start: "2026-03-30T00:00:00Z",
            period_end: "2026-04-06T00:00:00Z",
            hours_until_period_end: 60,
            hours_since_period_end: null,
            scrape_freshness: null,
          },
        },
      ],
    };
    expect(GoalCompliance.parse(entry)).toEqual(entry);
    const bad = structuredClone(entry);
    (bad.compliance[0] as { status: string }).status = "late";
    expect(GoalCompliance.safeParse(bad).success).toBe(false);
  });

  it("parses a payout method with the documented fields", () => {
    const venmo = {
      id: UUID,
      org_id: UUID2,
      name: "Venmo",
      icon_url: null,
      is_default: true,
      is_active: true,
      metadata: {},
      readme: null,
      created_at: T,
    };
    expect(PayoutMethod.parse(venmo)).toEqual(venmo);
  });

  it("parses the error bodies: 402 limit_reached, 403 insufficient_scope, legacy 401 with meta null, 429, 410", () => {
    const bodies = [
      {
        data: null,
        error: "Plan limit reached",
        meta: { code: "limit_reached", limitKey: "max_creators_per_org", current: 50, max: 50 },
      },
      {
        data: null,
        error: "This action requires the 'write' scope. Granted: [read]",
        meta: { code: "insufficient_scope", required: "write", granted: ["read"] },
      },
      { data: null, error: "Invalid or missing API key", meta: null },
      { data: null, error: "Rate limit exceeded", meta: { code: "rate_limit_exceeded", retryAfter: 3600 } },
      {
        data: null,
        error: "Gone",
        meta: { code: "gone", replacement: "/api/v1/analytics?entity=creator&entity_id=x" },
      },
    ];
    for (const body of bodies) expect(ErrorEnvelope.parse(body)).toEqual(body);
    expect(
      ErrorEnvelope.safeParse({ data: null, error: "x", meta: { code: "limit_reached", current: "50" } })
        .success,
    ).toBe(false);
  });

  it("parses the creator create bodies (single and bulk), stripping the @", () => {
    expect(
      CreateCreatorBody.parse({
        tiktok_handle: "@charlidamelio",
        tracking_mode: "auto",
        tracking_start_date: "2026-05-01",
      }),
    ).toEqual({
      tiktok_handle: "charlidamelio",
      tracking_mode: "auto",
      tracking_start_date: "2026-05-01",
    });
    const bulk = { creators: [{ tiktok_handle: "a" }, { tiktok_handle: "b", tracking_mode: "selective" }] };
    expect(BulkCreateCreatorsBody.parse(bulk)).toEqual(bulk);
    const tooMany = { creators: Array.from({ length: 51 }, (_, i) => ({ tiktok_handle: `h${i}` })) };
    expect(BulkCreateCreatorsBody.safeParse(tooMany).success).toBe(false);
    expect(UpdateCreatorBody.safeParse({}).success).toBe(false);
  });
});

describe("campaign notes normalisation", () => {
  const base = { id: UUID, project_id: UUID2, name: "Spring", created_at: T };

  it.each([
    [{ readme: "notes" }, "notes"],
    [{ description: "notes" }, "notes"],
    [{ readme: "notes", description: "notes" }, "notes"],
    [{ readme: null, description: null }, null],
    [{}, null],
  ])("%o → description and readme both %o", (notes, expected) => {
    const c = Campaign.parse({ ...base, ...notes });
    expect(c.description).toBe(expected);
    expect(c.readme).toBe(expected);
    expect(c).toMatchObject({ metadata: {}, target_views: null, target_at: null });
  });
});

describe("tolerance", () => {
  const creator = {
    id: UUID,
    project_id: UUID2,
    tiktok_handle: "a",
    display_name: null,
    description: null,
    follower_count: 1,
    total_likes_count: 2,
    video_count: 3,
    tracking_mode: "auto",
    last_scraped_at: null,
    metadata: {},
    created_at: T,
    updated_at: T,
  };

  it("lets unknown fields through, on entities and on list meta", () => {
    expect(
      Creator.parse({ ...creator, avatar_url: "https://x", tracking_start_date: "2026-01-01" }),
    ).toMatchObject({
      avatar_url: "https://x",
      tracking_start_date: "2026-01-01",
    });
    const page = listEnvelope(Project).parse({
      data: [{ id: UUID, org_id: UUID2, name: "P", description: null, created_at: T, color: "red" }],
      error: null,
      meta: { nextCursor: null, hasMore: false, limit: 50, total: 1 },
    });
    expect(page.data[0]).toMatchObject({ color: "red" });
    expect(page.meta).toMatchObject({ total: 1 });
  });

  it("fails on a missing required field and names it", () => {
    const { tiktok_handle: _, ...missing } = creator;
    const result = Creator.safeParse(missing);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["tiktok_handle"]);
  });

  it("fills tolerant fields the API may leave out, but never a counter", () => {
    const video = {
      id: UUID,
      project_id: UUID2,
      creator_id: null,
      tiktok_video_id: "1",
      url: "https://www.tiktok.com/@a/video/1",
      view_count: 10,
      like_count: 1,
      comment_count: 0,
      share_count: 0,
      posted_at: T,
      tracking_status: "direct_add",
    };
    expect(Video.parse(video)).toMatchObject({
      title: null,
      save_count: 0,
      metadata: {},
      last_scraped_at: null,
    });
    const { view_count: _, ...noViews } = video;
    expect(Video.safeParse(noViews).error?.issues[0]?.path).toEqual(["view_count"]);
  });

  it("keeps an enum value the docs do not name instead of failing the page", () => {
    expect(Creator.parse({ ...creator, tracking_mode: "manual" }).tracking_mode).toBe("manual");
  });
});
