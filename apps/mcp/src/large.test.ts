/**
 * Output size at the largest sandbox scale (5,000 creators, 250,000 videos): every tool, concise and
 * detailed, on the largest project, stays under 25,000 tokens (characters / 4) for the whole result.
 */
import { expect, it } from "vitest";
import { estimateTokens, MAX_RESULT_TOKENS } from "./budget.js";
import { withMcp } from "./test-helpers/harness.js";

// Retries on: under a busy CI machine a keep-alive socket may be reset; GETs are safe to retry.
const h = withMcp({ sandbox: { scale: "large" }, server: { maxRetries: 2 } });

it("keeps every tool's result under 25,000 tokens at the large scale", async () => {
  const { truth } = h().sb.sandbox;
  const world = h().sb.sandbox.state.world;
  const orgA = world.orgs[0]!.id;
  const counts = new Map<string, number>();
  for (const c of world.creators) counts.set(c.project_id, (counts.get(c.project_id) ?? 0) + 1);
  const project = world.projects
    .filter((p) => p.org_id === orgA)
    .sort((a, b) => counts.get(b.id)! - counts.get(a.id)!)[0]!;
  const campaign = world.campaigns
    .filter((c) => c.project_id === project.id)
    .sort(
      (a, b) =>
        (truth.campaign_totals[b.id]?.video_count ?? 0) - (truth.campaign_totals[a.id]?.video_count ?? 0),
    )[0]!;
  const videosPer = new Map<string, number>();
  for (const v of world.videos)
    if (v.creator_id) videosPer.set(v.creator_id, (videosPer.get(v.creator_id) ?? 0) + 1);
  const creator = world.creators
    .filter((c) => c.project_id === project.id)
    .sort((a, b) => (videosPer.get(b.id) ?? 0) - (videosPer.get(a.id) ?? 0))[0]!;

  const calls: [string, Record<string, unknown>][] = [
    ["orient", {}],
    ["search_projects", { limit: 50 }],
    ["search_campaigns", { project_id: project.id, limit: 50 }],
    ["search_creators", { project_id: project.id, limit: 50 }],
    ["search_videos", { project_id: project.id, limit: 50 }],
    ["program_health", { project_id: project.id, outlier_limit: 100_000 }],
    ["underperforming_creators", { project_id: project.id, limit: 100_000 }],
    ["campaign_performance", { campaign_id: campaign.id, project_id: project.id }],
    ["campaign_comparison", { project_id: project.id }],
    ["campaign_content", { campaign_id: campaign.id, project_id: project.id, top: 100 }],
    ["creator_trend", { creator_id: creator.id, project_id: project.id, range: "last_90_days" }],
  ];
  const sizes: string[] = [];
  for (const [name, args] of calls) {
    for (const response_format of ["concise", "detailed"]) {
      const r = await h().call(name, { ...args, response_format });
      expect(r.isError, `${name}: ${r.text}`).toBe(false);
      const tokens = estimateTokens(r.result);
      sizes.push(`${name}/${response_format}: ${tokens}`);
      expect(tokens, name).toBeLessThanOrEqual(MAX_RESULT_TOKENS);
    }
  }
  // The big lists were really there (so the bound was tested, not trivially met).
  const health = await h().call("program_health", {
    project_id: project.id,
    outlier_limit: 100_000,
    response_format: "detailed",
  });
  expect((health.structured.outliers as { total_count: number }).total_count).toBeGreaterThan(200);
  expect(health.structured.truncation).toBeDefined();
}, 600_000);
