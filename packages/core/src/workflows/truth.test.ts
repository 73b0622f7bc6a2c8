/**
 * The workflows against the sandbox's planted truth, over real HTTP: every project of both demo orgs,
 * scored with precision and recall. The planted truth is computed with the same binding definitions,
 * so anything under 0.9 is a bug, not noise.
 */
import { afterAll, describe, expect, it } from "vitest";
import { type SandboxHarness, startTestSandbox } from "../test-helpers/sandbox.js";
import { runAllWorkflows, scoreResults, type TruthScores } from "../test-helpers/truth-scoring.js";

const started: SandboxHarness[] = [];
afterAll(async () => {
  await Promise.all(started.map((h) => h.sandbox.stop()));
});

async function scoreSeed(seed: number, apiGeneration: "legacy" | "current" = "legacy") {
  const h = await startTestSandbox({ seed, apiGeneration });
  started.push(h);
  const results = await runAllWorkflows(h.sandbox);
  return { h, results, scores: scoreResults(results, h.sandbox.truth) };
}

function expectGood(s: TruthScores) {
  for (const key of ["underperformers", "posting_gaps", "stale", "outliers"] as const) {
    expect(s[key].precision, `${key} precision ${JSON.stringify(s[key].examples)}`).toBeGreaterThanOrEqual(
      0.9,
    );
    expect(s[key].recall, `${key} recall ${JSON.stringify(s[key].examples)}`).toBeGreaterThanOrEqual(0.9);
  }
  // Backlogs and uncheckable creators are binary facts of the world, not judgements: exact.
  for (const key of ["backlogs", "cannot_judge"] as const) {
    expect(s[key].precision, `${key} ${JSON.stringify(s[key].examples)}`).toBe(1);
    expect(s[key].recall, `${key} ${JSON.stringify(s[key].examples)}`).toBe(1);
  }
  for (const [reason, score] of Object.entries(s.reasons)) {
    expect(score.f1, reason).toBeGreaterThanOrEqual(0.9);
  }
}

describe.each([42, 7])("planted truth, seed %i (legacy generation)", (seed) => {
  it("finds underperformers, gaps, stale creators and outliers (≥ 0.9), backlogs and uncheckable creators (exact)", async () => {
    const { h, scores } = await scoreSeed(seed);
    expectGood(scores);
    expect(scores.underperformers.true_positives).toBeGreaterThan(0);
    expect(scores.outliers.true_positives).toBeGreaterThan(0);
    expect(scores.backlogs.true_positives).toBeGreaterThan(0);
    expect(scores.cannot_judge.true_positives).toBeGreaterThan(0);
    // Every request the workflows counted reached the sandbox, and nothing else did.
    expect(scores.requests).toBe(h.sandbox.requests().total);
  });
});

describe("campaign totals", () => {
  it("match the truth exactly for every campaign through the stats routes (legacy)", async () => {
    const { scores, results } = await scoreSeed(42);
    expect(scores.campaign_totals.mismatched).toEqual([]);
    expect(scores.campaign_totals.matched).toBe(scores.campaign_totals.total);
    expect(scores.campaign_totals.total).toBeGreaterThan(0);
    expect(
      results.campaigns.every((c) => c.totals_source === "stats_route" && c.meta.api_generation === "legacy"),
    ).toBe(true);
  });

  it("match the truth exactly through the /analytics + lists fallback (current generation)", async () => {
    const { h, scores, results } = await scoreSeed(42, "current");
    expect(scores.campaign_totals.mismatched).toEqual([]);
    expect(scores.campaign_totals.matched).toBe(scores.campaign_totals.total);
    expect(
      results.campaigns.every((c) => c.totals_source === "video_list" && c.meta.api_generation === "current"),
    ).toBe(true);
    expectGood(scores);
    expect(scores.requests).toBe(h.sandbox.requests().total);
  });
});
