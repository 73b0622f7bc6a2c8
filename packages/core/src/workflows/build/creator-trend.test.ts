/**
 * buildCreatorTrendReport on a hand-built creator, no client: every expected figure below is worked
 * out by hand from the fixture (the comments show the arithmetic), not read back from the code.
 *
 * As of Sunday 2026-03-15 12:00 UTC, range Mon 2026-03-02 – Sun 2026-03-15 (two full ISO weeks),
 * series read from the baseline day 03-01.
 * - ana, selective mode, tracked since 2026-01-01, scraped 1 h ago.
 * - followers 1,000 on 03-01, +10 a day → 1,140 on 03-15.
 * - cumulative views 10,000 on 03-01, +100 a day in the first week (10,700 on 03-08), +200 a day in
 *   the second (12,100 on 03-15).
 * - posts: 1,000 views / 50 likes on 03-03, 3,000 / 300 on 03-04, one from 02-20 (before the range),
 *   a tracking-disabled one on 03-05 and one waiting in the Tracking Inbox on 03-10.
 */
import { describe, expect, it } from "vitest";
import type { DatedValue } from "../../analysis/inputs.js";
import { CreatorTrendReport } from "../../reports/schema/creator-trend.js";
import type { Video } from "../../schema/video.js";
import { apiCreator, apiVideo } from "../../test-helpers/builder-fixtures.js";
import { WorkflowRun } from "../run.js";
import { buildCreatorTrendReport, type CreatorTrendInputs } from "./creator-trend.js";

const AS_OF = "2026-03-15T12:00:00.000Z";
const AS_OF_MS = Date.parse(AS_OF);
const RANGE = { from: "2026-03-02", to: "2026-03-15" };

/** Days 03-01 … 03-15 with `value(i)` on the i-th (0 = 03-01). */
const daily = (value: (i: number) => number): DatedValue[] =>
  Array.from({ length: 15 }, (_, i) => ({
    date: `2026-03-${String(i + 1).padStart(2, "0")}`,
    value: value(i),
  }));

const followers = daily((i) => 1_000 + 10 * i);
const views = daily((i) => 10_000 + 100 * Math.min(i, 7) + 200 * Math.max(0, i - 7));

const ana = apiCreator({ id: "ana", tracking_mode: "selective" });
const noon = (day: string) => `${day}T12:00:00Z`;
const videos: Video[] = [
  apiVideo({
    id: "v-a",
    creator_id: "ana",
    posted_at: noon("2026-03-03"),
    view_count: 1_000,
    like_count: 50,
  }),
  apiVideo({
    id: "v-b",
    creator_id: "ana",
    posted_at: noon("2026-03-04"),
    view_count: 3_000,
    like_count: 300,
  }),
  apiVideo({ id: "v-old", creator_id: "ana", posted_at: noon("2026-02-20"), view_count: 5_000 }),
  apiVideo({
    id: "v-off",
    creator_id: "ana",
    posted_at: noon("2026-03-05"),
    view_count: 99_999,
    tracking_enabled: false,
  }),
  apiVideo({
    id: "v-p",
    creator_id: "ana",
    posted_at: noon("2026-03-10"),
    view_count: 500,
    tracking_status: "pending_review",
  }),
];

const inputs = (over: Partial<CreatorTrendInputs> = {}): CreatorTrendInputs => ({
  creator: ana,
  videos,
  followers,
  views,
  weekly: null,
  ...over,
});
const build = (over: Partial<CreatorTrendInputs> = {}) =>
  buildCreatorTrendReport(inputs(over), AS_OF_MS, { range: RANGE });

describe("buildCreatorTrendReport", () => {
  const { report, caveats, meta } = build();

  it("measures growth from the baseline day", () => {
    // Followers 1,140 − 1,000 = +140 (+14 %); views 12,100 − 10,000 = +2,100 (+21 %).
    expect(report.followers).toMatchObject({ start: 1_000, end: 1_140, change: 140, change_ratio: 0.14 });
    expect(report.views).toMatchObject({ start: 10_000, end: 12_100, change: 2_100, change_ratio: 0.21 });
  });

  it("counts the weeks' posts from the video list when no stats route gave them", () => {
    // Week of 03-02: v-a and v-b (the disabled one does not count), 700 views gained = 350 per post.
    // Week of 03-09: no counted post, 1,400 views gained: twice the week before (+100 %).
    expect(report.weeks).toEqual([
      {
        week_start: "2026-03-02",
        partial: false,
        post_count: 2,
        followers_gained: 70,
        views_gained: 700,
        views_wow_change_ratio: null,
        views_gained_per_post: 350,
      },
      {
        week_start: "2026-03-09",
        partial: false,
        post_count: 0,
        followers_gained: 70,
        views_gained: 1_400,
        views_wow_change_ratio: 1,
        views_gained_per_post: null,
      },
    ]);
    expect(report.range_post_count).toBe(2);
    // The week of 03-09 has a post waiting in the Tracking Inbox: the team's backlog, not a gap.
    expect(report.posting_gaps).toEqual([]);
  });

  it("reads the last post, engagement and top videos from the counted posts", () => {
    // Last counted post 03-04 12:00, 11 days before the analysis instant.
    expect(report.last_posted_at).toBe("2026-03-04T12:00:00.000Z");
    expect(report.days_since_last_post).toBe(11);
    // Pooled over the range's posts: (50 + 300) / (1,000 + 3,000) = 0.0875.
    expect(report.engagement_rate).toBe(0.0875);
    expect(report.top_videos.map((v) => [v.video_id, v.view_count, v.engagement_rate])).toEqual([
      ["v-b", 3_000, 0.1],
      ["v-a", 1_000, 0.05],
    ]);
    expect(report.top_videos[0]).toMatchObject({ tiktok_handle: "ana", url: videos[1]!.url });
    expect(report.creator).toEqual({
      id: "ana",
      project_id: "p1",
      tiktok_handle: "ana",
      display_name: null,
      follower_count: 10_000,
      tracking_mode: "selective",
      last_scraped_at: "2026-03-15T11:00:00Z",
    });
  });

  it("says it in sentences, the silence last", () => {
    expect(report.highlights[0]).toBe("followers +140 (+14.0%) over 2026-03-02 → 2026-03-15");
    expect(report.highlights.at(-1)).toBe("last counted post 11 days ago");
  });

  it("carries its caveats and what meta reports", () => {
    expect(caveats.map((c) => c.code)).toEqual([
      "snapshot_not_cumulative",
      "pending_left_out",
      "tracking_disabled_left_out",
      "pending_left_out",
    ]);
    expect(caveats[3]!.message).toBe("The creator is in selective mode: posts count only once approved.");
    expect(meta).toMatchObject({ range: RANGE, pending: 1, freshnessChecked: true, pendingChecked: true });
    expect(meta.freshness).toMatchObject({ stale_count: 0, checked_count: 1 });
  });

  it("makes a report its schema accepts once the run adds meta", () => {
    const run = new WorkflowRun({} as never, "creator_trend", AS_OF);
    const full = run.finish(build());
    expect(Object.keys(full).slice(0, 3)).toEqual(["kind", "meta", "creator"]);
    expect(CreatorTrendReport.safeParse(full).error).toBeUndefined();
  });
});

describe("buildCreatorTrendReport, other inputs", () => {
  it("takes the stats route's weekly posts as given", () => {
    const { report } = build({
      weekly: [
        { week_start: "2026-03-02", video_count: 4 },
        { week_start: "2026-03-09", video_count: 1 },
      ],
    });
    // 700 / 4 = 175 and 1,400 / 1 views gained per post; 4 + 1 posts in the range.
    expect(report.weeks.map((w) => [w.post_count, w.views_gained_per_post])).toEqual([
      [4, 175],
      [1, 1_400],
    ]);
    expect(report.range_post_count).toBe(5);
  });

  it("calls a week without posts a gap once nothing waits in the Tracking Inbox", () => {
    const { report, caveats } = build({ videos: videos.filter((v) => v.id !== "v-p") });
    expect(report.posting_gaps).toEqual(["2026-03-09"]);
    expect(caveats.map((c) => c.code)).not.toContain("pending_left_out");
  });

  it("says a creator without history or posts has none", () => {
    const { report, caveats } = build({
      creator: apiCreator({ id: "new", last_scraped_at: null }),
      videos: [],
      followers: [],
      views: [],
    });
    expect(report.followers.change).toBeNull();
    expect(report.range_post_count).toBe(0);
    expect(report.last_posted_at).toBeNull();
    expect(report.days_since_last_post).toBeNull();
    expect(report.engagement_rate).toBeNull();
    expect(report.top_videos).toEqual([]);
    expect(report.highlights).toContain("no counted post in the range");
    expect(caveats).toContainEqual({
      code: "empty_input",
      message:
        "No daily history in this range to analyse; the figures below are empty, not zero performance.",
    });
    expect(caveats).toContainEqual({
      code: "never_scraped",
      message: "The creator has never been scraped; its counters are unknown rather than zero.",
    });
  });
});
