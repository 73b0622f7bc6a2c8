/**
 * buildUnderperformingCreatorsReport on a hand-built project, no client: every expected figure below
 * is worked out by hand from the fixture (the comments show the arithmetic), not read back from the code.
 *
 * As of Sunday 2026-03-15 12:00 UTC, range Mon 2026-03-02 – Sun 2026-03-15 (two full ISO weeks, of
 * 03-02 and 03-09). Every post at 12:00, so every post of the range up to 03-12 is ≥ 3 days old.
 * - ana: 10,000 followers; 1,000, 3,000 and 2,000 views on 03-03, 03-05, 03-10 (and a disabled 50,000).
 * - ben: 1,000 followers; 400 and 200 views on 03-03 and 03-04, nothing in the week of 03-09.
 * - cy: 10,000 followers; 200 views on 03-03 and 03-10, and a post waiting in the Tracking Inbox.
 * - dee: scraped 36 h ago; one post on 02-20, before the range.
 * - eve: no follower count; 5,000 views on 03-03 and 03-10.
 * - one counted video added by URL (no creator).
 */
import { describe, expect, it } from "vitest";
import type { CreatorInput, VideoInput } from "../../analysis/inputs.js";
import { UnderperformingCreatorsReport } from "../../reports/schema/underperforming-creators.js";
import { creator, video } from "../../test-helpers/analysis-fixtures.js";
import { WorkflowRun } from "../run.js";
import {
  buildUnderperformingCreatorsReport,
  type UnderperformingCreatorsOptions,
} from "./underperforming-creators.js";

const AS_OF = "2026-03-15T12:00:00.000Z";
const AS_OF_MS = Date.parse(AS_OF);
const RANGE = { from: "2026-03-02", to: "2026-03-15" };

const creators: CreatorInput[] = [
  creator({ id: "ana" }),
  creator({ id: "ben", follower_count: 1_000 }),
  creator({ id: "cy" }),
  creator({ id: "dee", last_scraped_at: "2026-03-14T00:00:00Z" }),
  creator({ id: "eve", follower_count: 0 }),
];

/** A post at noon UTC, reporting tracking_enabled like the current API. */
const post = (
  id: string,
  creatorId: string | null,
  day: string,
  views: number,
  over: Partial<VideoInput> = {},
) =>
  video({
    id,
    creator_id: creatorId,
    posted_at: `${day}T12:00:00Z`,
    view_count: views,
    tracking_enabled: true,
    ...over,
  });

const videos: VideoInput[] = [
  post("a-1", "ana", "2026-03-03", 1_000),
  post("a-2", "ana", "2026-03-05", 3_000),
  post("a-3", "ana", "2026-03-10", 2_000),
  post("a-off", "ana", "2026-03-06", 50_000, { tracking_enabled: false }),
  post("b-1", "ben", "2026-03-03", 400),
  post("b-2", "ben", "2026-03-04", 200),
  post("c-1", "cy", "2026-03-03", 200),
  post("c-2", "cy", "2026-03-10", 200),
  post("c-p", "cy", "2026-03-11", 9_000, { tracking_status: "pending_review" }),
  post("d-1", "dee", "2026-02-20", 5_000),
  post("e-1", "eve", "2026-03-03", 5_000),
  post("e-2", "eve", "2026-03-10", 5_000),
  post("url-1", null, "2026-03-05", 700),
];

const OPTIONS: UnderperformingCreatorsOptions = {
  range: RANGE,
  limit: 2,
  includeAllCreators: false,
  thresholds: { recentDays: 7 },
};

const build = (
  over: { creators?: CreatorInput[]; videos?: VideoInput[] } = {},
  options: Partial<UnderperformingCreatorsOptions> = {},
) =>
  buildUnderperformingCreatorsReport(
    { projectId: "p1", creators: over.creators ?? creators, videos: over.videos ?? videos },
    AS_OF_MS,
    { ...OPTIONS, ...options },
  );

describe("buildUnderperformingCreatorsReport", () => {
  const { report, caveats, meta } = build();

  it("judges views per follower against the project's median", () => {
    // R = median views / followers: ana 2,000 / 10,000 = 0.2 (the disabled 50,000 does not count),
    // ben 300 / 1,000 = 0.3, cy 200 / 10,000 = 0.02; eve has no followers, dee no post in the range.
    // Baseline: median of [0.02, 0.2, 0.3] = 0.2.
    expect(report.baselines).toEqual([
      { project_id: "p1", baseline_views_per_follower: 0.2, creators_with_data_count: 3 },
    ]);
    expect(report.evaluated_count).toBe(5);
  });

  it("flags cy (low views), ben (a gap week) and dee (not posting), the most severe listed first", () => {
    // cy 0.02 / 0.2 = 0.1× < 0.4×; ben posted nothing in the week of 03-09; dee only before the range.
    // Severity: not posting first, then the lowest ratio (cy 0.1, ben 1.5); limit 2 lists dee and cy.
    expect(report.underperformer_count).toBe(3);
    expect(report.underperformers.map((u) => [u.creator_id, u.reasons])).toEqual([
      ["dee", ["not_posting"]],
      ["cy", ["low_views_per_post"]],
    ]);
    expect(report.underperformers[1]!.ratio_to_baseline).toBeCloseTo(0.1, 10);
    expect(report.reason_counts).toEqual({
      low_views_per_post: 1,
      falling_engagement: 0,
      posting_gaps: 1,
      not_posting: 1,
    });
    expect(report.posting_gaps).toEqual([{ creator_id: "ben", weeks: ["2026-03-09"] }]);
  });

  it("lists stale creators, the backlog and what cannot be judged", () => {
    expect(report.stale_creators).toEqual([{ creator_id: "dee", last_scraped_at: "2026-03-14T00:00:00Z" }]);
    expect(report.backlog).toEqual([{ creator_id: "cy", tiktok_handle: "cy", pending_review_count: 1 }]);
    expect(report.cannot_judge.map((c) => [c.creator_id, c.checks])).toEqual([
      ["eve", ["low_views_per_post"]],
    ]);
    expect("evaluations" in report).toBe(false);
  });

  it("says it in sentences", () => {
    expect(report.highlights).toEqual([
      "3 of 5 creators flagged (1 low views per post, 1 posting gaps, 1 not posting).",
      "@dee: no counted post between 2026-03-02 and 2026-03-15; last post 2026-02-20 (1 earlier post on record).",
      "@cy: median 200 views/post over 2 posts at 10,000 followers = 0.10× the project's norm for its " +
        "follower size (flagged below 0.4×).",
      "1 post of the range waits in the Tracking Inbox (1 creator): the team's backlog, not held against the creators.",
      "Cannot judge: 1 creator without a follower count (not ranked on views per follower).",
    ]);
  });

  it("carries its caveats and what meta reports", () => {
    expect(caveats.map((c) => c.code)).toEqual([
      "stale_data",
      "stale_data",
      "snapshot_not_cumulative",
      "pending_left_out",
      "tracking_disabled_left_out",
      "unattributed",
      "truncated",
    ]);
    // dee: 36 h > 12 h, one of the five creators.
    expect(caveats[0]!.message).toMatch(/^1 of the 5 creators was last scraped more than 12 h/);
    expect(caveats[1]!.message).toMatch(/^1 flagged creator also has stale data/);
    expect(caveats[5]!.message).toBe(
      "1 counted video without a creator (added by URL) is not attributed to anyone.",
    );
    expect(caveats[6]!.message).toBe("Only the 2 most severe of 3 flagged creators are listed.");
    expect(meta).toMatchObject({ range: RANGE, pending: 1, freshnessChecked: true, pendingChecked: true });
    expect(meta.freshness).toMatchObject({ stale_count: 1, checked_count: 5 });
  });

  it("makes a report its schema accepts once the run adds meta", () => {
    const run = new WorkflowRun({} as never, "underperforming_creators", AS_OF);
    const full = run.finish(build());
    expect(Object.keys(full).slice(0, 3)).toEqual(["kind", "meta", "project_id"]);
    expect(UnderperformingCreatorsReport.safeParse(full).error).toBeUndefined();
    expect(full.meta.excluded.pending_review).toBe(1);
  });
});

describe("buildUnderperformingCreatorsReport, options and edge cases", () => {
  it("applies the thresholds it is given", () => {
    // cy's 0.1× is not below 0.05×: only ben and dee are flagged, so nothing is cut at limit 2.
    const { report, caveats } = build({}, { thresholds: { recentDays: 7, lowViewsFactor: 0.05 } });
    expect(report.underperformers.map((u) => u.creator_id)).toEqual(["dee", "ben"]);
    expect(report.reason_counts.low_views_per_post).toBe(0);
    expect(caveats.map((c) => c.code)).not.toContain("truncated");
  });

  it("lists every creator's figures on request, by handle", () => {
    const { report } = build({}, { includeAllCreators: true });
    expect(report.evaluations?.map((e) => e.creator_id)).toEqual(["ana", "ben", "cy", "dee", "eve"]);
  });

  it("says an empty project is empty", () => {
    const { report, caveats } = build({ creators: [], videos: [] });
    expect(report.evaluated_count).toBe(0);
    expect(report.underperformers).toEqual([]);
    expect(report.highlights).toEqual(["0 of 0 creators flagged."]);
    expect(caveats).toContainEqual({
      code: "empty_input",
      message: "No creators in this project to analyse; the figures below are empty, not zero performance.",
    });
  });

  it("says a project without videos has none", () => {
    const { caveats } = build({ videos: [] });
    expect(caveats.filter((c) => c.code === "empty_input").map((c) => c.message)).toEqual([
      "No videos in this project to analyse; the figures below are empty, not zero performance.",
    ]);
  });
});
