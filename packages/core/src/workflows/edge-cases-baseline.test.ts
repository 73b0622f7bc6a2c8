/**
 * Issue 12, case 3, over real HTTP: a range that starts on the sandbox's first snapshot day has no
 * reading for the day before, so what the range gained is unknown. The comparison, the campaign and
 * the creator trend say so ("no reading before the range"), in the report and in its markdown, and
 * never that a campaign "had no views in the range".
 */
import { beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../analysis/dates.js";
import {
  renderCampaignComparison,
  renderCampaignPerformance,
  renderCreatorTrend,
} from "../reports/markdown/index.js";
import { REPORT_SCHEMAS, type Report } from "../reports/schema/index.js";
import type { Campaign } from "../schema/campaign.js";
import { withSandbox } from "../test-helpers/sandbox.js";
import { runCampaignComparison } from "./campaign-comparison.js";
import { runCampaignPerformance } from "./campaign-performance.js";
import { runCreatorTrend } from "./creator-trend.js";
import { fetchAll } from "./fetch.js";

const reason = (x: object): unknown => (x as { gain_unknown_reason?: unknown }).gain_unknown_reason;
const UNKNOWN = /unknown[^.]*no reading before the range/;

function parsed<R extends Report>(r: R): R {
  return REPORT_SCHEMAS[r.kind].parse(r) as R;
}

describe.each(["legacy", "current"] as const)("case 3: no baseline, %s generation", (generation) => {
  const sandbox = withSandbox({ apiGeneration: generation });
  let asOf: string;
  let projectId: string;
  let campaigns: Campaign[];
  let first: { from: string; to: string };

  beforeAll(async () => {
    const { client, sandbox: sb } = sandbox();
    asOf = sb.truth.as_of;
    projectId = (await client.projects.list()).data[0]!.id;
    campaigns = await fetchAll(client.campaigns.list({ project_id: projectId, limit: 100 }));
    // The sandbox's snapshots start on this day: nothing for the day before.
    const days = sb.state.world.days;
    first = { from: days[0]!, to: days.at(-1)! };
    expect(first.from).toBe(addDays(first.to, -89));
  });

  it("runCampaignComparison: the gain is unknown, with the reason, never 'had no views'", async () => {
    const r = parsed(
      await runCampaignComparison(sandbox().newClient(), { project_id: projectId, asOf, ...first }),
    );
    expect(r.campaigns.length).toBeGreaterThan(0);
    for (const row of r.campaigns) {
      expect(row.views_gained).toBeNull();
      expect(row.views_gained_per_active_day).toBeNull();
      expect(reason(row)).toMatch(/no reading before the range/);
    }
    expect(r.highlights.some((h) => h.includes("had no views in the range"))).toBe(false);
    expect(r.highlights.some((h) => UNKNOWN.test(h))).toBe(true);
    expect(renderCampaignComparison(r)).toMatch(UNKNOWN);
  });

  it("runCampaignPerformance: pacing.gained is null and the text says it is unknown", async () => {
    const c = campaigns[0]!;
    const r = parsed(
      await runCampaignPerformance(sandbox().newClient(), { campaign_id: c.id, asOf, ...first }),
    );
    expect(r.pacing.gained).toBeNull();
    expect(r.pacing.avg_per_day).toBeNull();
    expect(reason(r.pacing)).toMatch(/no reading before the range/);
    expect(r.highlights.some((h) => UNKNOWN.test(h))).toBe(true);
    expect(renderCampaignPerformance(r)).toMatch(UNKNOWN);
  });

  it("runCreatorTrend: follower and view gains are unknown, and said to be", async () => {
    const h = sandbox();
    const creators = await fetchAll(h.client.creators.list({ project_id: projectId, limit: 100 }));
    const old = creators.find((c) => c.created_at < `${first.from}T00:00:00Z`)!;
    const r = parsed(await runCreatorTrend(h.newClient(), { creator_id: old.id, asOf, ...first }));
    expect(r.followers.change).toBeNull();
    expect(r.views.change).toBeNull();
    expect(r.views.pacing.gained).toBeNull();
    expect(reason(r.views.pacing)).toMatch(/no reading before the range/);
    expect(r.highlights.some((h) => UNKNOWN.test(h))).toBe(true);
    expect(renderCreatorTrend(r)).toMatch(UNKNOWN);
  });

  it("keeps measuring a range one day later, whose day before has a reading", async () => {
    const next = { from: addDays(first.from, 1), to: first.to };
    const r = parsed(
      await runCampaignComparison(sandbox().newClient(), { project_id: projectId, asOf, ...next }),
    );
    expect(r.campaigns.every((row) => typeof row.views_gained === "number")).toBe(true);
    expect(r.campaigns.every((row) => reason(row) === null)).toBe(true);
  });
});
