/**
 * Issue 12, edge cases 1, 2 and 5 through the workflows, over real HTTP against the sandbox:
 * - a tracking-disabled video counts nowhere: runCampaignPerformance on a campaign whose top video was disabled
 *   does not over-report on either API generation, and the legacy one does not blame "data changed";
 * - over-posting days whose low counts were read under 2 h after posting are unconfirmed, not incidents;
 * - goal periods closed within 48 h are reported with `final: false`.
 * The sandbox plants each case; the planted truth says what the answer must be.
 */
import { describe, expect, it } from "vitest";
import { type SandboxHarness, startTestSandbox } from "../test-helpers/sandbox.js";
import { runCampaignPerformance } from "./campaign-performance.js";
import { fetchAll } from "./fetch.js";
import { runProgramHealth } from "./program-health.js";

async function withHarness<T>(
  generation: "legacy" | "current",
  body: (h: SandboxHarness) => Promise<T>,
  seed = 42,
) {
  const h = await startTestSandbox({ apiGeneration: generation, seed });
  try {
    return await body(h);
  } finally {
    await h.sandbox.stop();
  }
}

/** The first campaign (in list order) whose top video has less than the whole of its views. */
async function campaignWithTopVideo(h: SandboxHarness) {
  const asOf = h.sandbox.truth.as_of;
  const projects = await fetchAll(h.client.projects.list({ limit: 100 }));
  for (const p of projects) {
    for (const c of await fetchAll(h.client.campaigns.list({ project_id: p.id, limit: 100 }))) {
      const r = await runCampaignPerformance(h.client, { campaign_id: c.id, project_id: p.id, as_of: asOf });
      if (r.totals.video_count >= 3 && r.top_videos.length > 0) return { project: p, campaign: c, before: r };
    }
  }
  throw new Error("no campaign with three counted videos");
}

describe.each(["legacy", "current"] as const)("tracking-disabled top video (%s generation)", (generation) => {
  it("runCampaignPerformance drops the disabled video from every figure and says so", async () => {
    await withHarness(generation, async (h) => {
      const asOf = h.sandbox.truth.as_of;
      const { project, campaign, before } = await campaignWithTopVideo(h);
      const top = before.top_videos[0]!;
      await h.client.videos.disableTracking(top.video_id);
      const after = await runCampaignPerformance(h.client, {
        campaign_id: campaign.id,
        project_id: project.id,
        as_of: asOf,
      });
      expect(after.totals.view_count).toBe(before.totals.view_count - top.view_count);
      expect(after.totals.video_count).toBe(before.totals.video_count - 1);
      expect(after.top_videos.some((v) => v.video_id === top.video_id)).toBe(false);
      const codes = after.meta.caveats.map((c) => c.code);
      expect(codes).not.toContain("data_changed");
      // The sandbox plants disabled videos too: one more than before is left out, and the caveat says how many.
      const disabledBefore = before.tree?.tracking_disabled_count ?? 0;
      expect(after.tree?.tracking_disabled_count).toBe(disabledBefore + 1);
      const left = after.meta.caveats.find((c) => c.code === "tracking_disabled_left_out");
      expect(left?.message).toMatch(
        new RegExp(`^${disabledBefore + 1} tracking-disabled videos? (was|were) left out`),
      );
    });
  });
});

describe.each([42, 7])("planted edge cases against the truth (seed %i, legacy)", (seed) => {
  it("the sandbox plants disabled videos and program health reports unconfirmed over-posting and provisional goals", async () => {
    await withHarness(
      "legacy",
      async (h) => {
        const truth = h.sandbox.truth as unknown as {
          as_of: string;
          tracking_disabled_videos: string[];
          over_posting: Array<{ creator_id: string; date: string }>;
          over_posting_unconfirmed: Array<{ creator_id: string; date: string }>;
          provisional_goals: Array<{ goal_id: string; period_start: string }>;
        };
        expect(truth.tracking_disabled_videos.length).toBeGreaterThan(0);
        expect(truth.over_posting_unconfirmed.length).toBeGreaterThan(0);
        expect(truth.provisional_goals.length).toBeGreaterThan(0);

        const unconfirmed: string[] = [];
        const incidents: string[] = [];
        const provisional: string[] = [];
        for (const client of [h.client, h.newClient(h.sandbox.keys.orgB)])
          for (const p of await fetchAll(client.projects.list({ limit: 100 }))) {
            const r = await runProgramHealth(client, { project_id: p.id, as_of: truth.as_of });
            const op = r.over_posting as unknown as {
              unconfirmed_count: number;
              unconfirmed: Array<{ creator_id: string; date: string }>;
            };
            expect(op.unconfirmed_count).toBe(op.unconfirmed.length);
            unconfirmed.push(...op.unconfirmed.map((u) => `${u.creator_id}/${u.date}`));
            incidents.push(...r.over_posting.incidents.map((i) => `${i.creator_id}/${i.date}`));
            const goals = r.goals as unknown as {
              recently_closed: Array<{
                goal_id: string;
                period_start: string;
                final: boolean;
                status: string;
              }>;
            };
            for (const g of goals.recently_closed) {
              expect(g.final).toBe(false);
              provisional.push(`${g.goal_id}/${g.period_start.slice(0, 10)}`);
            }
            if (goals.recently_closed.length > 0)
              expect(r.meta.caveats.map((c) => c.code as string)).toContain("provisional_goals");
          }
        const key = (o: { creator_id: string; date: string }) => `${o.creator_id}/${o.date}`;
        expect(unconfirmed.sort()).toEqual(truth.over_posting_unconfirmed.map(key).sort());
        expect(incidents.sort()).toEqual(truth.over_posting.map(key).sort());
        expect(provisional.sort()).toEqual(
          truth.provisional_goals.map((g) => `${g.goal_id}/${g.period_start}`).sort(),
        );
      },
      seed,
    );
  });
});
