/**
 * Runs the real workflows over HTTP against a sandbox and scores them against its planted truth:
 * precision/recall for underperformers (overall and per reason), posting-gap weeks, stale creators,
 * Tracking Inbox backlogs (creator and count), checks that could not be made (creator and checks),
 * outlier videos and over-posting days, and exact campaign totals. Shared by the sandbox-backed tests
 * and the bench. Every project of both demo orgs is analysed, because the truth covers the whole world.
 */
import type { PlantedTruth, RunningSandbox } from "@goatkit/sandbox";
import { UNDERPERFORMANCE_REASONS, type UnderperformanceReason } from "../analysis/underperformers.js";
import { createClient, type TrackagoatClient } from "../client/index.js";
import type {
  CampaignPerformanceReport,
  ProgramHealthReport,
  UnderperformingCreatorsReport,
} from "../reports/schema/index.js";
import { runCampaignPerformance } from "../workflows/campaign-performance.js";
import { fetchAll, mapLimit } from "../workflows/fetch.js";
import { runProgramHealth } from "../workflows/program-health.js";
import { runUnderperformingCreators } from "../workflows/underperforming-creators.js";
import {
  backlogKey,
  cannotJudgeKey,
  creatorDayKey,
  gapKeys,
  matchTotals,
  outlierKey,
  type Score,
  scoreSets,
} from "./scoring.js";

export interface TruthScores {
  underperformers: Score;
  reasons: Record<UnderperformanceReason, Score>;
  posting_gaps: Score;
  stale: Score;
  /** Creators with posts waiting for review, keyed with their pending count. */
  backlogs: Score;
  /** Creators some check could not be made for, keyed with the checks. */
  cannot_judge: Score;
  outliers: Score;
  over_posting: Score;
  campaign_totals: { matched: number; total: number; mismatched: string[] };
  /** Upstream requests all the workflows spent. */
  requests: number;
  projects: number;
}

export interface WorkflowRunResults {
  underperformers: UnderperformingCreatorsReport[];
  health: ProgramHealthReport[];
  campaigns: CampaignPerformanceReport[];
  requests: number;
}

/** Runs underperformers, program health and every campaign's analysis for every project of every org. */
export async function runAllWorkflows(
  sandbox: RunningSandbox,
  keys = [sandbox.keys.readWrite, sandbox.keys.orgB],
) {
  const asOf = sandbox.truth.as_of;
  const out: WorkflowRunResults = { underperformers: [], health: [], campaigns: [], requests: 0 };
  for (const key of keys) {
    const client: TrackagoatClient = createClient({
      apiKey: key,
      baseUrl: sandbox.url,
      rateLimit: false,
      maxRetries: 0,
    });
    const projects = await fetchAll(client.projects.list({ limit: 100 }));
    for (const p of projects) {
      out.underperformers.push(
        await runUnderperformingCreators(client, { project_id: p.id, asOf, limit: Number.MAX_SAFE_INTEGER }),
      );
      out.health.push(
        await runProgramHealth(client, { project_id: p.id, asOf, outlier_limit: Number.MAX_SAFE_INTEGER }),
      );
      const campaigns = await fetchAll(client.campaigns.list({ project_id: p.id, limit: 100 }));
      out.campaigns.push(
        ...(await mapLimit(campaigns, 4, (c) =>
          runCampaignPerformance(client, { campaign_id: c.id, project_id: p.id, asOf, detail: "stats" }),
        )),
      );
    }
    out.requests += client.requestCount;
  }
  return out;
}

export function scoreResults(results: WorkflowRunResults, truth: PlantedTruth): TruthScores {
  const flagged = results.underperformers.flatMap((r) => r.underperformers);
  const reasons = Object.fromEntries(
    UNDERPERFORMANCE_REASONS.map((reason) => [
      reason,
      scoreSets(
        flagged.filter((u) => u.reasons.includes(reason)).map((u) => u.creator_id),
        truth.underperformers.filter((u) => u.reasons.includes(reason)).map((u) => u.creator_id),
      ),
    ]),
  ) as Record<UnderperformanceReason, Score>;
  const totals: Record<string, Record<string, number>> = {};
  for (const c of results.campaigns) totals[c.campaign.id] = { ...c.totals };
  return {
    underperformers: scoreSets(
      flagged.map((u) => u.creator_id),
      truth.underperformers.map((u) => u.creator_id),
    ),
    reasons,
    posting_gaps: scoreSets(
      gapKeys(results.underperformers.flatMap((r) => r.posting_gaps)),
      gapKeys(truth.posting_gaps),
    ),
    stale: scoreSets(
      results.underperformers.flatMap((r) => r.stale_creators.map((s) => s.creator_id)),
      truth.stale_creators,
    ),
    backlogs: scoreSets(
      results.underperformers.flatMap((r) => r.backlog.map(backlogKey)),
      truth.backlogs.map(backlogKey),
    ),
    cannot_judge: scoreSets(
      results.underperformers.flatMap((r) => r.cannot_judge.map(cannotJudgeKey)),
      truth.cannot_judge.map(cannotJudgeKey),
    ),
    outliers: scoreSets(
      results.health.flatMap((h) => h.outliers.items.map((o) => outlierKey(o.video_id, o.direction))),
      truth.outlier_videos.map((o) => outlierKey(o.video_id, o.direction)),
    ),
    over_posting: scoreSets(
      results.health.flatMap((h) => h.over_posting.incidents.map((i) => creatorDayKey(i.creator_id, i.date))),
      truth.over_posting.map((o) => creatorDayKey(o.creator_id, o.date)),
    ),
    campaign_totals: matchTotals(totals, truth.campaign_totals as Record<string, Record<string, number>>),
    requests: results.requests,
    projects: results.health.length,
  };
}

/** Runs everything and scores it. */
export async function scoreSandbox(sandbox: RunningSandbox): Promise<TruthScores> {
  return scoreResults(await runAllWorkflows(sandbox), sandbox.truth);
}
