/**
 * Writes are all or nothing: for every write route, a failure after validation (here the serialiser
 * refusing the success response) answers 500 and leaves the state exactly as it was, still readable; the
 * same request without the fault then does change the state, so each case can really fail.
 */
import { createHash } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { withBrokenSerialiser } from "../../test-helpers/broken-serialiser.js";
import { firstOf, type TestSandbox, testSandbox } from "../../test-helpers/sandbox.js";

interface WriteRequest {
  method: "POST" | "PATCH" | "DELETE";
  path: string;
  body?: unknown;
}

const realStringify = JSON.stringify;

/** A fingerprint of everything a write can change: records, list memberships, handles, scrape counts. */
function fingerprint(sb: TestSandbox): string {
  const { state } = sb;
  const w = state.world;
  const lists = [
    `org:${sb.orgA}`,
    ...w.projects.map((p) => `project:${p.id}`),
    ...w.projects.map((p) => `project-all:${p.id}`),
    `tracked:${sb.orgA}`,
    `direct:${sb.orgA}`,
  ];
  const parts = {
    records: [
      w.projects,
      w.creators,
      w.videos,
      w.campaigns,
      w.campaignItems,
      w.goals,
      w.payoutMethods,
      w.payoutStructures,
      w.payoutAssignments,
      w.payoutAccruals,
      w.payoutPayments,
      [...state.annotations.values()],
    ],
    lists: lists.map((name) => [
      state.creators.list(name).length,
      state.videos.list(name).length,
      state.campaigns.list(name).length,
      state.goals.list(name).length,
      state.payoutStructures.list(name).length,
    ]),
    sizes: [state.creators.size, state.videos.size, state.campaignItems.size, state.payoutAssignments.size],
    handles: w.creators.map((c) => state.handles.active(c.project_id, c.tiktok_handle)?.id ?? null),
    scrapes: state.scrapesToday.get(sb.orgA, state.clock.today()),
  };
  return createHash("sha256").update(realStringify(parts)).digest("hex");
}

afterEach(() => {
  vi.restoreAllMocks();
});

// biome-ignore lint/suspicious/noExplicitAny: fixtures read arbitrary JSON
type Json = any;

/** Creates something through the API first (a fixture the write under test needs). */
async function made(sb: TestSandbox, method: string, path: string, body?: unknown): Promise<Json> {
  const res = await sb.call(method, path, { body });
  if (res.status >= 300) throw new Error(`fixture ${method} ${path}: ${res.status} ${res.text}`);
  return res.json.data;
}

function fixtures(sb: TestSandbox) {
  const w = sb.state.world;
  const project = firstOf(w.projects, (p) => p.org_id === sb.orgA);
  const creators = w.creators.filter((c) => c._org_id === sb.orgA && c.project_id === project.id);
  const creator = creators[0]!;
  const video = firstOf(
    w.videos,
    (v) =>
      v.project_id === project.id && !v._deleted && v.tracking_status !== "excluded" && v.tracking_enabled,
  );
  const campaign = firstOf(w.campaigns, (c) => c.project_id === project.id);
  const item = firstOf(w.campaignItems, (i) => i.campaign_id === campaign.id);
  const goal = firstOf(w.goals, (g) => g.project_id === project.id);
  const custom = firstOf(w.payoutMethods, (m) => m.org_id === sb.orgA && !m.is_default);
  const structure = firstOf(w.payoutStructures, (s) => s.project_id === project.id);
  const assignment = firstOf(w.payoutAssignments, (a) => a.structure_id === structure.id);
  const accrual = firstOf(w.payoutAccruals, (a) => a.org_id === sb.orgA && a.status === "unpaid");
  const payment = firstOf(w.payoutPayments, (p) => p.org_id === sb.orgA && p.status === "recorded");
  const method = firstOf(w.payoutMethods, (m) => m.org_id === sb.orgA && m.is_active);
  return {
    project,
    creators,
    creator,
    video,
    campaign,
    item,
    goal,
    custom,
    structure,
    assignment,
    accrual,
    payment,
    method,
  };
}

type Prepare = (sb: TestSandbox, f: ReturnType<typeof fixtures>) => Promise<WriteRequest> | WriteRequest;

const CASES: Record<string, Prepare> = {
  "POST /projects/{id}/creators": (_, f) => ({
    method: "POST",
    path: `/projects/${f.project.id}/creators`,
    body: { tiktok_handle: "atomic_new" },
  }),
  "POST /projects/{id}/creators (bulk)": (_, f) => ({
    method: "POST",
    path: `/projects/${f.project.id}/creators`,
    body: { creators: [{ tiktok_handle: "atomic_a" }, { tiktok_handle: "atomic_b" }] },
  }),
  "POST /projects/{id}/creators (reactivation)": async (sb, f) => {
    await made(sb, "DELETE", `/creators/${f.creator.id}`);
    return {
      method: "POST",
      path: `/projects/${f.project.id}/creators`,
      body: { tiktok_handle: f.creator.tiktok_handle, tracking_mode: "selective" },
    };
  },
  "PATCH /creators/{id}": (_, f) => ({
    method: "PATCH",
    path: `/creators/${f.creator.id}`,
    body: { tiktok_handle: "renamed_atomic", readme: "new notes", metadata: { a: 1 } },
  }),
  "DELETE /creators/{id}": (_, f) => ({ method: "DELETE", path: `/creators/${f.creator.id}` }),
  // Org A's manual scrapes are counted against its daily limit: the count is state.
  "POST /creators/{id}/scrape": (_, f) => ({ method: "POST", path: `/creators/${f.creator.id}/scrape` }),
  "POST /videos/{id}/scrape": (_, f) => ({ method: "POST", path: `/videos/${f.video.id}/scrape` }),
  "POST /projects/{id}/creators/bulk-remove": (_, f) => ({
    method: "POST",
    path: `/projects/${f.project.id}/creators/bulk-remove`,
    body: { creator_ids: [f.creators[0]!.id, f.creators[1]!.id] },
  }),
  "POST /projects/{id}/creators/bulk-reenable": async (sb, f) => {
    await made(sb, "DELETE", `/creators/${f.creator.id}`);
    return {
      method: "POST",
      path: `/projects/${f.project.id}/creators/bulk-reenable`,
      body: { creator_ids: [f.creator.id] },
    };
  },
  "POST /projects/{id}/videos": (_, f) => ({
    method: "POST",
    path: `/projects/${f.project.id}/videos`,
    body: { url: "https://www.tiktok.com/@someone/video/7999999999999999999", readme: "x" },
  }),
  "PATCH /videos/{id}": (_, f) => ({
    method: "PATCH",
    path: `/videos/${f.video.id}`,
    body: { readme: "changed", metadata: { k: "v" } },
  }),
  "DELETE /videos/{id}": (_, f) => ({ method: "DELETE", path: `/videos/${f.video.id}` }),
  "POST /videos/{id}/tracking-disable": (_, f) => ({
    method: "POST",
    path: `/videos/${f.video.id}/tracking-disable`,
  }),
  "POST /projects/{id}/videos/bulk-tracking-disable": (_, f) => ({
    method: "POST",
    path: `/projects/${f.project.id}/videos/bulk-tracking-disable`,
    body: { video_ids: [f.video.id] },
  }),
  "POST /projects/{id}/campaigns": (_, f) => ({
    method: "POST",
    path: `/projects/${f.project.id}/campaigns`,
    body: { name: "Atomic", readme: "r", metadata: { x: [1, 2] } },
  }),
  "PATCH /campaigns/{id}": (_, f) => ({
    method: "PATCH",
    path: `/campaigns/${f.campaign.id}`,
    body: { name: "Renamed", target_views: 5 },
  }),
  "DELETE /campaigns/{id}": (_, f) => ({ method: "DELETE", path: `/campaigns/${f.campaign.id}` }),
  "POST /campaigns/{id}/items": async (sb, f) => {
    const campaign = await made(sb, "POST", `/projects/${f.project.id}/campaigns`, { name: "empty" });
    return {
      method: "POST",
      path: `/campaigns/${campaign.id}/items`,
      body: { item_type: "creator", item_id: f.creator.id },
    };
  },
  "DELETE /campaigns/{id}/items": (_, f) => ({
    method: "DELETE",
    path: `/campaigns/${f.item.campaign_id}/items`,
    body: { item_type: f.item.item_type, item_id: f.item.item_id },
  }),
  "POST /creators/{id}/goals": (_, f) => ({
    method: "POST",
    path: `/creators/${f.creator.id}/goals`,
    body: { metric: "posts", period: "weekly", target_value: 3 },
  }),
  "PATCH /goals/{id}": (_, f) => ({
    method: "PATCH",
    path: `/goals/${f.goal.id}`,
    body: { target_value: 77 },
  }),
  "DELETE /goals/{id}": (_, f) => ({ method: "DELETE", path: `/goals/${f.goal.id}` }),
  "POST /analytics/annotations": (sb) => ({
    method: "POST",
    path: "/analytics/annotations",
    body: { date: sb.state.world.days.at(-2), label: "Launch" },
  }),
  "PATCH /analytics/annotations/{id}": async (sb) => {
    const a = await made(sb, "POST", "/analytics/annotations", {
      date: sb.state.world.days.at(-2),
      label: "A",
    });
    return { method: "PATCH", path: `/analytics/annotations/${a.id}`, body: { label: "B" } };
  },
  "DELETE /analytics/annotations/{id}": async (sb) => {
    const a = await made(sb, "POST", "/analytics/annotations", {
      date: sb.state.world.days.at(-2),
      label: "A",
    });
    return { method: "DELETE", path: `/analytics/annotations/${a.id}` };
  },
  "POST /payout-methods": () => ({ method: "POST", path: "/payout-methods", body: { name: "Atomic pay" } }),
  "PATCH /payout-methods/{id}": (_, f) => ({
    method: "PATCH",
    path: `/payout-methods/${f.custom.id}`,
    body: { name: "Renamed pay", is_active: false },
  }),
  "DELETE /payout-methods/{id}": (_, f) => ({ method: "DELETE", path: `/payout-methods/${f.custom.id}` }),
  "POST /payout-structures": (_, f) => ({
    method: "POST",
    path: "/payout-structures",
    body: { project_id: f.project.id, name: "CPM", rule_type: "cpm", amount_cents: 250 },
  }),
  "PATCH /payout-structures/{id}": (_, f) => ({
    method: "PATCH",
    path: `/payout-structures/${f.structure.id}`,
    body: { amount_cents: 12_345 },
  }),
  "DELETE /payout-structures/{id}": (_, f) => ({
    method: "DELETE",
    path: `/payout-structures/${f.structure.id}`,
  }),
  "POST /payout-structures/{id}/assignments": async (sb, f) => {
    const s = await made(sb, "POST", "/payout-structures", {
      project_id: f.project.id,
      name: "New",
      rule_type: "cpm",
      amount_cents: 1,
    });
    return {
      method: "POST",
      path: `/payout-structures/${s.id}/assignments`,
      body: { creator_id: f.creator.id },
    };
  },
  "DELETE /payout-structures/{id}/assignments": (_, f) => ({
    method: "DELETE",
    path: `/payout-structures/${f.structure.id}/assignments`,
    body: { creator_id: f.assignment.creator_id },
  }),
  "DELETE /payout-structures/{id}/assignments/{assignmentId}": (_, f) => ({
    method: "DELETE",
    path: `/payout-structures/${f.structure.id}/assignments/${f.assignment.id}`,
  }),
  "PATCH /payout-accruals/{id}": (_, f) => ({
    method: "PATCH",
    path: `/payout-accruals/${f.accrual.id}`,
    body: { status: "void" },
  }),
  "POST /payout-payments": (_, f) => ({
    method: "POST",
    path: "/payout-payments",
    body: {
      creator_id: f.accrual.creator_id,
      method_id: f.method.id,
      amount_cents: 100,
      accrual_ids: [f.accrual.id],
    },
  }),
  "PATCH /payout-payments/{id}": (_, f) => ({
    method: "PATCH",
    path: `/payout-payments/${f.payment.id}`,
    body: { status: "void", note: "mistake" },
  }),
};

/** Reads that must keep answering (200, or 404 for what a fixture step removed) after a failed write. */
const reads = (f: ReturnType<typeof fixtures>) => [
  `/creators/${f.creator.id}`,
  `/videos/${f.video.id}`,
  `/campaigns/${f.campaign.id}`,
  `/campaigns/${f.campaign.id}/items`,
  `/goals/${f.goal.id}`,
  `/payout-payments/${f.payment.id}`,
  "/creators?limit=100",
  "/videos?limit=100",
  "/campaigns?limit=100",
  "/payout-methods?include_disabled=true",
  "/payout-structures",
  "/payout-accruals?limit=100",
  "/payout-payments?limit=100",
  "/analytics/annotations",
];

describe("writes are all or nothing", () => {
  it.each(Object.entries(CASES))("%s: a failure after validation changes nothing", async (_, prepare) => {
    const sb = testSandbox({ scale: "tiny", logErrors: false });
    const f = fixtures(sb);
    const req = await prepare(sb, f);
    const before = fingerprint(sb);

    const failed = await withBrokenSerialiser(() => sb.call(req.method, req.path, { body: req.body }));
    expect([failed.status, failed.json?.meta?.code]).toEqual([500, "internal_error"]);
    expect(fingerprint(sb)).toBe(before);
    for (const path of reads(f)) {
      const res = await sb.get(path);
      expect(res.status, `${path}: ${res.text.slice(0, 200)}`).toBeLessThan(500);
    }

    // Without the fault the very same request goes through and does change the state.
    const done = await sb.call(req.method, req.path, { body: req.body });
    expect(done.status, done.text).toBeLessThan(300);
    expect(fingerprint(sb)).not.toBe(before);
  });
});
