/**
 * Workflows that read only the stats routes cannot see scrape times or pending videos: their reports
 * must say "not checked" (JSON and markdown), never "fresh" or "0 pending". The same workflows with the
 * lists in hand must say what they found.
 */
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../reports/markdown/index.js";
import { type Report, ReportMeta } from "../reports/schema/index.js";
import { withSandbox } from "../test-helpers/sandbox.js";
import { runCampaignComparison } from "./campaign-comparison.js";
import { runCampaignPerformance } from "./campaign-performance.js";

const legacy = withSandbox({ apiGeneration: "legacy" });
const current = withSandbox({ apiGeneration: "current" });

async function firstProject(h: ReturnType<typeof legacy>) {
  const project = (await h.client.projects.list()).data[0]!;
  const campaign = (await h.client.campaigns.list({ project_id: project.id })).data[0]!;
  return { projectId: project.id, campaignId: campaign.id, asOf: h.sandbox.truth.as_of };
}

function expectNotChecked(r: Report) {
  expect(ReportMeta.safeParse(r.meta).error).toBeUndefined();
  expect(r.meta.freshness).toMatchObject({ checked: false, is_stale: null, checked_count: 0 });
  expect(r.meta.excluded).toMatchObject({ pending_checked: false, pending_review: null });
  expect(r.meta.caveats.filter((c) => c.code === "not_checked")).toHaveLength(1);
  const md = renderMarkdown(r);
  expect(md).toContain("Freshness: not checked");
  expect(md).toContain("Pending videos: not checked");
  expect(md).not.toMatch(/\b0 pending/);
}

function expectChecked(r: Report) {
  expect(ReportMeta.safeParse(r.meta).error).toBeUndefined();
  expect(r.meta.freshness.checked).toBe(true);
  expect(r.meta.freshness.checked_count).toBeGreaterThan(0);
  expect(r.meta.freshness.is_stale).toBe(r.meta.freshness.stale_count > 0);
  expect(r.meta.excluded.pending_checked).toBe(true);
  expect(r.meta.excluded.pending_review).toEqual(expect.any(Number));
  expect(r.meta.caveats.map((c) => c.code)).not.toContain("not_checked");
  expect(renderMarkdown(r)).not.toContain("not checked");
}

describe("stats routes only (legacy generation)", () => {
  it("runCampaignComparison says freshness and pending videos were not checked", async () => {
    const h = legacy();
    const { projectId, asOf } = await firstProject(h);
    const r = await runCampaignComparison(h.newClient(), { project_id: projectId, asOf });
    expect(r.meta.api_generation).toBe("legacy");
    expectNotChecked(r);
  });

  it("runCampaignPerformance with detail: stats says so too, and detail: full checks both", async () => {
    const h = legacy();
    const { projectId, campaignId, asOf } = await firstProject(h);
    const stats = await runCampaignPerformance(h.newClient(), {
      campaign_id: campaignId,
      project_id: projectId,
      asOf,
      detail: "stats",
    });
    expectNotChecked(stats);
    expectChecked(await runCampaignPerformance(h.newClient(), { campaign_id: campaignId, asOf }));
  });
});

describe("with the lists in hand (current generation)", () => {
  it("runCampaignComparison reports what it found", async () => {
    const h = current();
    const { projectId, asOf } = await firstProject(h);
    expectChecked(await runCampaignComparison(h.newClient(), { project_id: projectId, asOf }));
  });
});
