/**
 * Org isolation: with org B's key, every org A resource answers 404 exactly like a missing id (same
 * status, code and message), for every resource type and verb.
 */
import { describe, expect, it } from "vitest";
import { firstOf, testSandbox } from "../test-helpers/sandbox.js";

const sb = testSandbox();
const w = sb.state.world;
const inA = <T extends { org_id?: string; _org_id?: string }>(items: T[]) =>
  firstOf(items, (x) => (x._org_id ?? x.org_id) === sb.orgA);

const project = inA(w.projects);
const creator = inA(w.creators);
const video = inA(w.videos);
const campaign = inA(w.campaigns);
const goal = inA(w.goals);
const method = inA(w.payoutMethods);
const structure = inA(w.payoutStructures);
const accrual = inA(w.payoutAccruals);
const payment = inA(w.payoutPayments);
const MISSING = "00000000-0000-4000-8000-000000000000";

const routes: Array<[string, string, unknown?]> = [
  ["GET", "/projects/{p}"],
  ["GET", "/creators?project_id={p}"],
  ["GET", "/projects/{p}/goal-compliance"],
  ["POST", "/projects/{p}/creators", { tiktok_handle: "someone_new" }],
  ["POST", "/projects/{p}/videos", { url: "https://www.tiktok.com/@a/video/7000000000000000042" }],
  ["POST", "/projects/{p}/campaigns", { name: "x" }],
  ["GET", "/creators/{c}"],
  ["PATCH", "/creators/{c}", { readme: "x" }],
  ["DELETE", "/creators/{c}"],
  ["POST", "/creators/{c}/scrape"],
  ["GET", "/creators/{c}/stats"],
  ["GET", "/creators/{c}/goals"],
  ["GET", "/videos/{v}"],
  ["PATCH", "/videos/{v}", { readme: "x" }],
  ["DELETE", "/videos/{v}"],
  ["POST", "/videos/{v}/tracking-disable"],
  ["GET", "/videos/{v}/stats"],
  ["GET", "/campaigns/{k}"],
  ["PATCH", "/campaigns/{k}", { name: "x" }],
  ["DELETE", "/campaigns/{k}"],
  ["GET", "/campaigns/{k}/items"],
  ["GET", "/campaigns/{k}/stats"],
  ["GET", "/analytics?entity=campaign&entity_id={k}"],
  ["GET", "/analytics/aggregate/video-leaderboard?project_id={p}"],
  ["GET", "/goals/{g}"],
  ["PATCH", "/goals/{g}", { target_value: 3 }],
  ["GET", "/payout-methods/{m}"],
  ["DELETE", "/payout-methods/{m}"],
  ["GET", "/payout-structures/{s}"],
  ["GET", "/payout-structures/{s}/assignments"],
  ["GET", "/payout-accruals/{a}"],
  ["GET", "/payout-payments/{y}"],
];

const fill = (path: string, id: (kind: string) => string) =>
  path.replace(/\{(\w)\}/g, (_m, k: string) => id(k));
const realIds: Record<string, string> = {
  p: project.id,
  c: creator.id,
  v: video.id,
  k: campaign.id,
  g: goal.id,
  m: method.id,
  s: structure.id,
  a: accrual.id,
  y: payment.id,
};

describe("cross-org access", () => {
  it.each(routes)("%s %s with org B's key → the same 404 as a missing id", async (verb, template, body) => {
    const foreign = await sb.call(
      verb,
      fill(template, (k) => realIds[k]!),
      { key: sb.keys.orgB, body },
    );
    const missing = await sb.call(
      verb,
      fill(template, () => MISSING),
      { key: sb.keys.orgB, body },
    );
    expect(foreign.status).toBe(404);
    expect(foreign.json.meta.code).toBe("not_found");
    expect(foreign.text).toBe(missing.text);
  });

  it("org B's lists never contain org A records", async () => {
    const creators = await sb.get("/creators?limit=100", { key: sb.keys.orgB });
    expect(creators.json.data.length).toBeGreaterThan(0);
    expect(
      creators.json.data.some((c: { id: string }) => sb.state.creators.get(c.id)!._org_id !== sb.orgB),
    ).toBe(false);
    const projects = await sb.get("/projects", { key: sb.keys.orgB });
    expect(projects.json.data.every((p: { org_id: string }) => p.org_id === sb.orgB)).toBe(true);
  });
});
