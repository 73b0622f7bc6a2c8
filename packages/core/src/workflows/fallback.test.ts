/**
 * The second API generation: the stats routes answer 410 and the workflows rebuild the same figures
 * from `/analytics` and the lists. Each report is compared with the legacy generation's on the same
 * world, so the fallback is proved equivalent, not merely non-crashing. That a client remembers the
 * generation it learned is run.test.ts's.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { REPORT_SCHEMAS, type Report } from "../reports/schema/index.js";
import { assertJsonSafe } from "../test-helpers/json-safe.js";
import { withSandbox } from "../test-helpers/sandbox.js";
import { runCampaignComparison } from "./campaign-comparison.js";
import { runCampaignPerformance } from "./campaign-performance.js";
import { runCreatorTrend } from "./creator-trend.js";
import { fetchAll } from "./fetch.js";

const legacy = withSandbox({ apiGeneration: "legacy" });
const current = withSandbox({ apiGeneration: "current" });
let projectId: string;
let asOf: string;

beforeAll(async () => {
  const { client, sandbox } = legacy();
  asOf = sandbox.truth.as_of;
  projectId = (await client.projects.list()).data[0]!.id;
});

function valid(r: Report) {
  expect(REPORT_SCHEMAS[r.kind].safeParse(r).error).toBeUndefined();
  assertJsonSafe(r);
}

describe("current generation fallback", () => {
  it("runCampaignPerformance rebuilds totals and the cumulative history", async () => {
    const campaigns = await fetchAll(legacy().client.campaigns.list({ project_id: projectId, limit: 100 }));
    for (const c of campaigns.slice(0, 4)) {
      const a = await runCampaignPerformance(legacy().newClient(), { campaign_id: c.id, asOf });
      const client = current().newClient();
      const b = await runCampaignPerformance(client, { campaign_id: c.id, asOf });
      valid(b);
      expect(b.meta.api_generation).toBe("current");
      expect(b.meta.caveats.map((x) => x.code)).toContain("api_fallback");
      expect(b.totals).toEqual(a.totals);
      expect(b.pacing).toEqual(a.pacing);
      expect(b.top_creators).toEqual(a.top_creators);
      expect(b.target).toEqual(a.target);
    }
  });

  it("runCampaignComparison ranks the same way on both generations", async () => {
    const a = await runCampaignComparison(legacy().newClient(), { project_id: projectId, asOf });
    const b = await runCampaignComparison(current().newClient(), { project_id: projectId, asOf });
    valid(b);
    const strip = (r: typeof a) =>
      r.campaigns.map(({ campaign_id, rank, views_gained, lifetime }) => ({
        campaign_id,
        rank,
        views_gained,
        lifetime,
      }));
    expect(strip(b)).toEqual(strip(a));
    expect(b.meta.api_generation).toBe("current");
  });

  it("runCreatorTrend gets the same followers, views and weekly posts from /analytics", async () => {
    const creators = await fetchAll(legacy().client.creators.list({ project_id: projectId, limit: 100 }));
    for (const creator of creators.slice(0, 3)) {
      const a = await runCreatorTrend(legacy().newClient(), {
        creator_id: creator.id,
        project_id: projectId,
        asOf,
      });
      const b = await runCreatorTrend(current().newClient(), {
        creator_id: creator.id,
        project_id: projectId,
        asOf,
      });
      valid(b);
      expect(b.meta.api_generation).toBe("current");
      expect(b.followers).toEqual(a.followers);
      expect(b.views).toEqual(a.views);
      expect(b.weeks).toEqual(a.weeks);
      expect(b.posting_gaps).toEqual(a.posting_gaps);
    }
  });
});
