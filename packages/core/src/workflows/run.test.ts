/**
 * What a run remembers beyond itself: only the API generation, and only on the client it was given (no
 * module state). Against a current-generation sandbox, where the per-entity stats routes answer 410.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { withSandbox } from "../test-helpers/sandbox.js";
import { runCampaignPerformance } from "./campaign-performance.js";
import type { WorkflowClient } from "./client.js";
import { fetchAll } from "./fetch.js";

const current = withSandbox({ apiGeneration: "current" });
const legacy = withSandbox({ apiGeneration: "legacy" });
let campaignId: string;
let projectId: string;
let asOf: string;

beforeAll(async () => {
  const { client, sandbox } = current();
  asOf = sandbox.truth.as_of;
  projectId = (await client.projects.list()).data[0]!.id;
  campaignId = (await fetchAll(client.campaigns.list({ project_id: projectId, limit: 100 })))[0]!.id;
});

/** Runs the stats-route path of campaign_performance and counts the 410s the sandbox answered. */
async function gone(client: WorkflowClient, h = current()): Promise<number> {
  h.sandbox.resetRequests();
  const r = await runCampaignPerformance(client, {
    campaign_id: campaignId,
    project_id: projectId,
    asOf,
    detail: "stats",
  });
  expect(r.meta.api_generation).toBe(h === current() ? "current" : "legacy");
  return h.sandbox.requests().byStatus["410"] ?? 0;
}

describe("the API generation, remembered on the client", () => {
  it("a second run on the same client skips the 410 probe; another client probes for itself", async () => {
    const a = current().newClient();
    expect(a.apiGeneration).toBeNull();
    expect(await gone(a)).toBe(1);
    expect(a.apiGeneration).toBe("current");
    expect(await gone(a)).toBe(0);

    const b = current().newClient();
    expect(b.apiGeneration).toBeNull();
    expect(await gone(b)).toBe(1);
  });

  it("still reports the fallback caveat on the run that skipped the probe", async () => {
    const client = current().newClient();
    await gone(client);
    const r = await runCampaignPerformance(client, {
      campaign_id: campaignId,
      project_id: projectId,
      asOf,
      detail: "stats",
    });
    expect(r.meta.caveats.map((c) => c.code)).toContain("api_fallback");
  });

  it("records legacy while the stats routes answer", async () => {
    const client = legacy().newClient();
    expect(await gone(client, legacy())).toBe(0);
    expect(client.apiGeneration).toBe("legacy");
  });

  it("a client without the field (a test double, a wrapper) probes on every run", async () => {
    const real = current().newClient();
    // Frozen, so a run that tried to write the field anyway would throw.
    const double: WorkflowClient = Object.freeze({
      projects: real.projects,
      creators: real.creators,
      videos: real.videos,
      campaigns: real.campaigns,
      analytics: real.analytics,
      goals: real.goals,
      payoutAccruals: real.payoutAccruals,
      requestCount: 0,
    });
    expect(await gone(double)).toBe(1);
    expect(await gone(double)).toBe(1);
  });
});
