/**
 * Issue 12, case 4, over real HTTP against the sandbox's planted truth, on two seeds: creators added
 * mid-window are judged on their tracked weeks only, selective backlogs are listed (not called
 * not_posting), creators without a follower count are "cannot judge", and creators tracked for 14 days
 * or more without a counted post are not_posting. The report's schema keeps every new field.
 */
import type { PlantedTruth } from "@goatkit/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TrackagoatClient } from "../client/index.js";
import { renderUnderperformingCreators } from "../reports/markdown/index.js";
import { UnderperformingCreatorsReport } from "../reports/schema/index.js";
import { type SandboxHarness, startTestSandbox } from "../test-helpers/sandbox.js";
import { fetchAll } from "./fetch.js";
import { runUnderperformingCreators } from "./underperforming-creators.js";

/** The fields this case adds, read without depending on the types (written before they exist). */
type Backlog = Array<{ creator_id: string; tiktok_handle: string; pending_review_count: number }>;
type CannotJudge = Array<{ creator_id: string; checks: string[]; reason: string }>;
type TruthExtra = {
  backlogs?: Array<{ creator_id: string; pending_review_count: number }>;
  cannot_judge?: Array<{ creator_id: string; checks: string[] }>;
};
const backlogOf = (r: object) => ((r as { backlog?: Backlog }).backlog ?? []) as Backlog;
const cannotJudgeOf = (r: object) =>
  ((r as { cannot_judge?: CannotJudge }).cannot_judge ?? []) as CannotJudge;

const started: SandboxHarness[] = [];
afterAll(async () => {
  await Promise.all(started.map((h) => h.sandbox.stop()));
});

async function reports(h: SandboxHarness) {
  const out: UnderperformingCreatorsReport[] = [];
  for (const key of [h.sandbox.keys.readWrite, h.sandbox.keys.orgB]) {
    const client: TrackagoatClient = h.newClient(key);
    for (const p of await fetchAll(client.projects.list({ limit: 100 }))) {
      out.push(
        await runUnderperformingCreators(client, {
          project_id: p.id,
          as_of: h.sandbox.truth.as_of,
          limit: Number.MAX_SAFE_INTEGER,
          include_all_creators: true,
        }),
      );
    }
  }
  return out;
}

describe.each([42, 7])("case 4 against the planted truth, seed %i", (seed) => {
  let h: SandboxHarness;
  let rs: UnderperformingCreatorsReport[];
  let truth: PlantedTruth & TruthExtra;
  beforeAll(async () => {
    h = await startTestSandbox({ seed });
    started.push(h);
    rs = await reports(h);
    truth = h.sandbox.truth as PlantedTruth & TruthExtra;
  }, 60_000);

  it("lists exactly the planted selective backlogs, and none of them is not_posting", () => {
    expect(truth.backlogs?.length ?? 0).toBeGreaterThan(0);
    const got = rs.flatMap((r) => backlogOf(r).map((b) => `${b.creator_id}|${b.pending_review_count}`));
    const want = (truth.backlogs ?? []).map((b) => `${b.creator_id}|${b.pending_review_count}`);
    expect(got.sort()).toEqual(want.sort());
    const notPosting = new Set(
      rs.flatMap((r) =>
        r.underperformers.filter((u) => u.reasons.includes("not_posting")).map((u) => u.creator_id),
      ),
    );
    // A backlog creator with no counted post in the window is the team's to review, not the creator's fault.
    const wholeWindowPending = rs.flatMap((r) =>
      (r.evaluations ?? []).filter(
        (e) => e.window_post_count === 0 && backlogOf(r).some((b) => b.creator_id === e.creator_id),
      ),
    );
    expect(wholeWindowPending.length).toBeGreaterThan(0);
    for (const e of wholeWindowPending) expect(notPosting.has(e.creator_id)).toBe(false);
  });

  it("lists exactly the creators the truth cannot judge, with their reasons", () => {
    expect(truth.cannot_judge?.some((c) => c.checks.includes("low_views_per_post"))).toBe(true);
    const got = rs.flatMap((r) =>
      cannotJudgeOf(r).map((c) => `${c.creator_id}|${[...c.checks].sort().join(",")}`),
    );
    const want = (truth.cannot_judge ?? []).map((c) => `${c.creator_id}|${[...c.checks].sort().join(",")}`);
    expect(got.sort()).toEqual(want.sort());
    for (const r of rs) for (const c of cannotJudgeOf(r)) expect(c.reason.length).toBeGreaterThan(10);
    // Without a follower count a creator is never flagged on views per follower.
    for (const r of rs)
      for (const e of r.evaluations ?? [])
        if (e.follower_count === 0) expect(e.reasons).not.toContain("low_views_per_post");
  });

  it("flags creators tracked for 14 days or more without a counted post as not_posting, saying why", () => {
    const never = rs.flatMap((r) =>
      (r.evaluations ?? []).filter((e) => e.window_post_count === 0 && e.before_window_post_count === 0),
    );
    const flagged = never.filter((e) => e.reasons.includes("not_posting"));
    expect(flagged.length).toBeGreaterThan(0);
    for (const e of flagged)
      expect(e.reason_texts.join(" ")).toMatch(/no counted post since tracking started on \d{4}-\d{2}-\d{2}/);
    const truthNotPosting = new Set(
      truth.underperformers.filter((u) => u.reasons.includes("not_posting")).map((u) => u.creator_id),
    );
    for (const e of flagged) expect(truthNotPosting.has(e.creator_id)).toBe(true);
  });

  it("judges posting gaps only from the tracking start of creators added mid-window", () => {
    const mid = rs.flatMap((r) =>
      (r.evaluations ?? []).filter((e) => {
        const started = (e as { tracking_started_at?: string | null }).tracking_started_at;
        return (
          typeof started === "string" && started.slice(0, 10) > truth.window.from && e.window_post_count > 0
        );
      }),
    );
    expect(mid.length).toBeGreaterThan(0);
    for (const e of mid) {
      const started = (e as { tracking_started_at?: string }).tracking_started_at!;
      for (const week of e.gap_weeks) expect(`${week}T00:00:00.000Z` >= started).toBe(true);
      expect((e as { basis_notes?: string[] }).basis_notes?.join(" ")).toContain(started.slice(0, 10));
    }
  });

  it("keeps the new fields through the report schema and shows them in markdown", () => {
    const r = rs.find((x) => backlogOf(x).length > 0 && cannotJudgeOf(x).length > 0)!;
    expect(r).toBeDefined();
    const p = UnderperformingCreatorsReport.parse(r);
    expect(backlogOf(p)).toEqual(backlogOf(r));
    expect(cannotJudgeOf(p)).toEqual(cannotJudgeOf(r));
    const e = p.evaluations![0]! as object;
    for (const field of ["tracking_started_at", "pending_review_count", "cannot_judge", "basis_notes"])
      expect(field in e, field).toBe(true);
    const md = renderUnderperformingCreators(p);
    expect(md).toMatch(/Tracking Inbox/);
    expect(md).toMatch(/cannot judge/i);
  });
});
