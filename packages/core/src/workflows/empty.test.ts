/** Empty inputs end to end: a campaign with no items gives a valid, NaN-free report that says so. */
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../reports/markdown/index.js";
import { REPORT_SCHEMAS } from "../reports/schema/index.js";
import { assertJsonSafe } from "../test-helpers/json-safe.js";
import { withSandbox } from "../test-helpers/sandbox.js";
import { runCampaignComparison } from "./campaign-comparison.js";
import { runCampaignContent } from "./campaign-content.js";
import { runCampaignPerformance } from "./campaign-performance.js";

const sandbox = withSandbox({ seed: 3, apiGeneration: "current" });

describe("an empty campaign", () => {
  it("yields valid reports with zero totals, null rates and an empty-input caveat", async () => {
    const { client, sandbox: sb } = sandbox();
    const asOf = sb.truth.as_of;
    const project = (await client.projects.list()).data[0]!;
    const empty = await client.campaigns.create(project.id, { name: "Nothing yet" });
    for (const report of [
      await runCampaignPerformance(client, { campaign_id: empty.id, asOf }),
      await runCampaignContent(client, { campaign_id: empty.id, asOf }),
      await runCampaignComparison(client, { campaign_ids: [empty.id], asOf }),
    ]) {
      expect(REPORT_SCHEMAS[report.kind].safeParse(report).error).toBeUndefined();
      assertJsonSafe(report);
      expect(renderMarkdown(report).length).toBeGreaterThan(0);
    }
    const r = await runCampaignPerformance(client, { campaign_id: empty.id, asOf });
    expect(r.totals.view_count).toBe(0);
    expect(r.concentration.top_video_share).toBeNull();
    expect(r.meta.caveats.map((c) => c.code)).toContain("empty_input");
  });
});
