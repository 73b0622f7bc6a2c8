/**
 * Every workflow against a legacy-generation sandbox over HTTP: the report validates against its zod
 * schema, survives a JSON round trip unchanged with no NaN anywhere, renders to markdown, and counts
 * exactly the requests the sandbox saw.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { TrackagoatClient } from "../client/index.js";
import { renderMarkdown } from "../reports/markdown/index.js";
import { REPORT_SCHEMAS, type Report } from "../reports/schema/index.js";
import type { Campaign } from "../schema/campaign.js";
import type { Creator } from "../schema/creator.js";
import type { Project } from "../schema/project.js";
import { assertJsonSafe } from "../test-helpers/json-safe.js";
import { withSandbox } from "../test-helpers/sandbox.js";
import { runCampaignComparison } from "./campaign-comparison.js";
import { runCampaignContent } from "./campaign-content.js";
import { runCampaignPerformance } from "./campaign-performance.js";
import { WorkflowParamsError } from "./catalogue/params-error.js";
import { runCreatorTrend } from "./creator-trend.js";
import { fetchAll } from "./fetch.js";
import { runProgramHealth } from "./program-health.js";
import type { ProgressEvent } from "./progress.js";
import { runUnderperformingCreators } from "./underperforming-creators.js";

const sandbox = withSandbox();
let project: Project;
let campaigns: Campaign[];
let creators: Creator[];
let asOf: string;

beforeAll(async () => {
  const { client, sandbox: sb } = sandbox();
  asOf = sb.truth.as_of;
  project = (await client.projects.list()).data[0]!;
  campaigns = await fetchAll(client.campaigns.list({ project_id: project.id, limit: 100 }));
  creators = await fetchAll(client.creators.list({ project_id: project.id, limit: 100 }));
});

/** Runs a workflow with a fresh client and a reset request log, then checks the report's invariants. */
async function check<R extends Report>(run: (client: TrackagoatClient) => Promise<R>): Promise<R> {
  const h = sandbox();
  const client = h.newClient();
  h.sandbox.resetRequests();
  const report = await run(client);
  expect(REPORT_SCHEMAS[report.kind].safeParse(report).error).toBeUndefined();
  assertJsonSafe(report);
  expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  expect(report.meta.request_count).toBe(h.sandbox.requests().total);
  expect(report.meta.request_count).toBe(client.requestCount);
  expect(report.meta.generated_at).toBe(asOf);
  const md = renderMarkdown(report);
  expect(md).toMatch(/^# /);
  for (const caveat of report.meta.caveats) expect(md).toContain(caveat.message);
  return report;
}

describe("runCampaignPerformance", () => {
  it("reports totals, pacing, concentration and target progress with its caveats", async () => {
    const parent = campaigns.find((c) => c.target_views !== null) ?? campaigns[0]!;
    const r = await check((c) => runCampaignPerformance(c, { campaign_id: parent.id, asOf }));
    expect(r.totals).toEqual(sandbox().sandbox.truth.campaign_totals[parent.id]);
    expect(r.meta.api_generation).toBe("legacy");
    expect(r.pacing.day_count).toBe(30);
    expect(r.meta.caveats.map((c) => c.code)).toContain("recursive_dedup");
    expect(r.meta.notes.some((n) => n.entity === "campaign" && n.id === parent.id)).toBe(
      !!parent.description,
    );
    expect(r.highlights.length).toBeGreaterThan(0);
  });

  it("costs two requests with detail: stats (campaign list page + stats route)", async () => {
    const r = await check((c) =>
      runCampaignPerformance(c, {
        campaign_id: campaigns[0]!.id,
        project_id: project.id,
        asOf,
        detail: "stats",
      }),
    );
    expect(r.meta.request_count).toBe(2);
    expect(r.tree).toBeNull();
  });
});

describe("runCampaignComparison", () => {
  it("ranks every campaign of the project over the same range", async () => {
    const r = await check((c) => runCampaignComparison(c, { project_id: project.id, asOf }));
    expect(r.campaigns).toHaveLength(campaigns.length);
    expect(r.campaigns.map((x) => x.rank)).toEqual(campaigns.map((_, i) => i + 1));
    expect(r.meta.request_count).toBe(1 + campaigns.length);
  });
});

describe("runUnderperformingCreators", () => {
  it("reads two lists only and reports progress", async () => {
    const events: ProgressEvent[] = [];
    const r = await check((c) =>
      runUnderperformingCreators(c, { project_id: project.id, asOf }, { onProgress: (e) => events.push(e) }),
    );
    const videoPages = events.filter((e) => e.resource === "videos").length;
    expect(r.meta.request_count).toBe(videoPages + events.filter((e) => e.resource === "creators").length);
    expect(events.at(-1)?.phase).toBe("done");
    expect(r.evaluated_count).toBe(creators.length);
    expect(r.meta.api_generation).toBeNull();
    expect(r.underperformer_count).toBeGreaterThan(0);
    expect(r.evaluations).toBeUndefined();
  });

  it("lists every creator's figures with include_all_creators, the flagged ones matching their rows", async () => {
    const r = await check((c) =>
      runUnderperformingCreators(c, { project_id: project.id, asOf, include_all_creators: true }),
    );
    const all = r.evaluations ?? [];
    expect(all.map((e) => e.creator_id).sort()).toEqual(creators.map((c) => c.id).sort());
    for (const flagged of r.underperformers) {
      expect(all.find((e) => e.creator_id === flagged.creator_id)).toEqual(flagged);
    }
    expect(all.filter((e) => e.reasons.length > 0).length).toBe(r.underperformer_count);
  });
});

describe("runCampaignContent", () => {
  it("ranks the campaign's whole video set and finds outliers against creators' norms", async () => {
    const r = await check((c) => runCampaignContent(c, { campaign_id: campaigns[0]!.id, asOf }));
    expect(r.video_count).toBe(sandbox().sandbox.truth.campaign_totals[campaigns[0]!.id]!.video_count);
    expect(r.top_videos[0]!.view_count).toBeGreaterThanOrEqual(r.top_videos.at(-1)!.view_count);
  });
});

describe("runCreatorTrend", () => {
  it("measures growth week by week from the stats route", async () => {
    const creator = creators[0]!;
    const r = await check((c) =>
      runCreatorTrend(c, { creator_id: creator.id, project_id: project.id, asOf }),
    );
    expect(r.creator.id).toBe(creator.id);
    expect(r.meta.api_generation).toBe("legacy");
    expect(r.weeks.length).toBeGreaterThanOrEqual(5);
    expect(r.views.pacing.day_count).toBeGreaterThan(0);
  });
});

describe("runProgramHealth", () => {
  it("summarises freshness, backlog, over-posting, goals (cross-checked), underperformers and payouts", async () => {
    const r = await check((c) => runProgramHealth(c, { project_id: project.id, asOf }));
    expect(r.project.name).toBe(project.name);
    expect(r.goals.available).toBe(true);
    expect(r.goals.cross_check.status_agreed_count).toBe(r.goals.cross_check.checked_count);
    expect(r.goals.cross_check.posts_actual_agreed_count).toBe(
      r.goals.cross_check.posts_actual_checked_count,
    );
    expect(r.payouts.available).toBe(true);
    expect(r.meta.notes.some((n) => n.entity === "project")).toBe(!!project.description);
  });
});

describe("errors", () => {
  it("raises a WorkflowParamsError naming campaign_id for a campaign the key cannot see", async () => {
    const h = sandbox();
    const err = await runCampaignPerformance(h.newClient(), { campaign_id: "nope", asOf }).catch((e) => e);
    expect(err).toBeInstanceOf(WorkflowParamsError);
    expect(err.field).toBe("campaign_id");
    expect(err.issues[0].code).toBe("not_found");
    expect(err.message).toMatch(/campaign_performance: campaign_id: no campaign nope/);
  });
});
