/**
 * Conformance over real HTTP: the core client (which parses every response with the core zod schemas)
 * drives every modelled route against a running sandbox, and the routes the client has no method for are
 * called with fetch and parsed with the same schemas. A schema mismatch fails the test with the field.
 */

import { createClient, GoneError, type TrackagoatClient } from "@goatkit/core";
import {
  AggregateMeta,
  ApiSchema,
  Campaign,
  CampaignItem,
  Creator,
  envelope,
  Goal,
  listEnvelope,
  Project,
  Video,
} from "@goatkit/core/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningSandbox, startSandbox } from "./server.js";
import { NOW } from "./test-helpers/sandbox.js";

let sb: RunningSandbox;
let tg: TrackagoatClient;
let orgA: string;

beforeAll(async () => {
  sb = await startSandbox({ now: NOW, rateLimit: false });
  tg = createClient({ apiKey: sb.keys.readWrite, baseUrl: sb.url, rateLimit: false, maxRetries: 0 });
  orgA = sb.state.apiKeys.get(sb.keys.readWrite)!.org_id;
});
afterAll(() => sb.stop());

async function fetchJson(path: string, init: RequestInit = {}) {
  const res = await fetch(`${sb.url}${path}`, {
    ...init,
    headers: {
      authorization: `Bearer ${sb.keys.readWrite}`,
      "content-type": "application/json",
      ...init.headers,
    },
  });
  return { status: res.status, body: await res.json() };
}

const all = async <T>(iterable: AsyncIterable<T>): Promise<T[]> => {
  const out: T[] = [];
  for await (const x of iterable) out.push(x);
  return out;
};

describe("conformance: every modelled route answers what the core schemas expect", () => {
  it("reads: lists, entities, stats, analytics, aggregates, schema", async () => {
    const projects = await all(tg.projects.list());
    expect(projects.length).toBeGreaterThan(0);
    const project = projects[0]!;
    const creators = await all(tg.creators.list({ project_id: project.id, limit: 100 }));
    expect(creators.length).toBe(sb.state.creators.list(`project:${project.id}`).length);
    const creator = creators[0]!;
    const videos = await all(tg.videos.list({ creator_id: creator.id }));
    expect(videos.length).toBeGreaterThan(0);
    const campaigns = await all(tg.campaigns.list({ project_id: project.id }));
    const campaign = campaigns.find((c) => sb.state.campaignItems.list(`campaign:${c.id}`).length > 0)!;
    expect((await all(tg.campaigns.items(campaign.id))).length).toBeGreaterThan(0);

    await tg.creators.stats(creator.id);
    await tg.campaigns.stats(campaign.id, { from: sb.state.world.days[0], to: sb.state.world.days.at(-1) });
    await tg.videos.stats(videos[0]!.id);
    await tg.videos.stats(videos[0]!.id, { metric: "growth_rate_pop", base_metric: "views" });
    await tg.analytics.get({
      entity: "campaign",
      entity_id: campaign.id,
      metric: "views",
      breakdown: "video",
      compare: "prior_period",
    });
    await tg.analytics.get({
      entity: "creator",
      entity_id: creator.id,
      metric: "engagement_rate_by_followers",
      granularity: "week",
    });
    expect(
      (await tg.analytics.csv({ entity: "video", entity_id: videos[0]!.id, metric: "views" })).startsWith(
        "series_kind",
      ),
    ).toBe(true);
    const board = await tg.analytics.videoLeaderboard({ project_id: project.id, limit: 10 });
    expect(board.data).toHaveLength(10);
    await tg.analytics.postingHeatmap({
      project_id: project.id,
      from: sb.state.world.days[0]!,
      to: sb.state.world.days.at(-1)!,
    });
    ApiSchema.parse(await tg.schema.get());
    expect((await all(tg.goals.compliance(project.id))).length).toBe(creators.length);
    await all(tg.payoutMethods.list());
    await all(tg.payoutStructures.list({ project_id: project.id }));
    await all(tg.payoutAccruals.list());
    await all(tg.payoutPayments.list());
    await all(tg.analytics.annotations.list());

    // Routes the client has no method for: fetch + the schemas.
    envelope(Project).parse((await fetchJson(`/projects/${project.id}`)).body);
    envelope(Creator).parse((await fetchJson(`/creators/${creator.id}`)).body);
    envelope(Video).parse((await fetchJson(`/videos/${videos[0]!.id}`)).body);
    envelope(Campaign).parse((await fetchJson(`/campaigns/${campaign.id}`)).body);
    listEnvelope(CampaignItem).parse((await fetchJson(`/campaigns/${campaign.id}/items?limit=3`)).body);
    const lb = (await fetchJson(`/analytics/aggregate/video-leaderboard?project_id=${project.id}`)).body;
    AggregateMeta.parse(lb.meta);
    const goal = sb.state.world.goals.find((g) => g._org_id === orgA)!;
    envelope(Goal).parse((await fetchJson(`/goals/${goal.id}`)).body);
    expect((await fetchJson("/openapi.json")).body.openapi).toBe("3.1.0");
  });

  it("writes: creators, videos, campaigns, items, goals, annotations, payouts", async () => {
    const project = sb.state.world.projects.find((p) => p.org_id === orgA)!;
    const one = await tg.creators.create(project.id, { tiktok_handle: "@conformance_one" });
    const many = await tg.creators.create(project.id, {
      creators: [{ tiktok_handle: "conf_a" }, { tiktok_handle: "conf_b" }],
    });
    expect(many).toHaveLength(2);
    await tg.creators.update(one.id, { readme: "notes", metadata: { a: 1 }, tracking_mode: "selective" });
    await tg.creators.scrape(one.id);
    await tg.creators.bulkRemove(
      project.id,
      many.map((c) => c.id),
    );
    await tg.creators.bulkReenable(
      project.id,
      many.map((c) => c.id),
    );
    await tg.creators.delete(many[0]!.id);

    const video = await tg.videos.create(project.id, {
      url: "https://www.tiktok.com/@conf/video/7111111111111111111",
    });
    await tg.videos.update(video.id, { readme: "hook", metadata: { b: 2 } });
    await tg.videos.scrape(video.id);
    await tg.videos.disableTracking(video.id);
    await tg.videos.bulkDisableTracking(project.id, [video.id]);
    await tg.videos.delete(video.id);

    const parent = await tg.campaigns.create(project.id, { name: "Conformance", readme: "why" });
    const child = await tg.campaigns.create(project.id, { name: "Child" });
    await tg.campaigns.update(parent.id, { target_views: 10_000, target_at: "2026-06-30T00:00:00Z" });
    await tg.campaigns.addItem(parent.id, { item_type: "campaign", item_id: child.id });
    await tg.campaigns.addItem(child.id, { item_type: "creator", item_id: one.id });
    await tg.campaigns.removeItem(child.id, { item_type: "creator", item_id: one.id });
    await tg.campaigns.delete(child.id);

    const goal = await tg.goals.create(one.id, { metric: "views", period: "monthly", target_value: 50_000 });
    await tg.goals.update(goal.id, { is_active: false });
    expect((await all(tg.goals.list(one.id))).map((g) => g.id)).toEqual([goal.id]);
    await tg.goals.delete(goal.id);

    const note = await tg.analytics.annotations.create({
      date: "2026-03-01",
      label: "Launch",
      project_id: project.id,
    });
    await tg.analytics.annotations.update(note.id, { note: "big day" });
    await tg.analytics.annotations.delete(note.id);

    const method = await tg.payoutMethods.create({ name: "Conformance Pay" });
    await tg.payoutMethods.get(method.id);
    await tg.payoutMethods.update(method.id, { readme: "x" });
    const structure = await tg.payoutStructures.create({
      project_id: project.id,
      name: "Flat",
      rule_type: "recurring",
      amount_cents: 10_000,
      period: "monthly",
    });
    await tg.payoutStructures.get(structure.id);
    expect((await tg.payoutStructures.update(structure.id, { amount_cents: 12_000 })).version).toBe(2);
    const assignment = await tg.payoutStructures.assignments.create(structure.id, { creator_id: one.id });
    expect((await all(tg.payoutStructures.assignments.list(structure.id))).map((a) => a.id)).toEqual([
      assignment.id,
    ]);
    await tg.payoutStructures.assignments.delete(structure.id, { creator_id: one.id });
    await tg.payoutStructures.delete(structure.id);
    const accrual = (await all(tg.payoutAccruals.list({ status: "unpaid" })))[0]!;
    await tg.payoutAccruals.get(accrual.id);
    const payment = await tg.payoutPayments.create({
      creator_id: accrual.creator_id,
      method_id: method.id,
      amount_cents: accrual.amount_cents,
      accrual_ids: [accrual.id],
    });
    await tg.payoutPayments.get(payment.id);
    expect((await tg.payoutPayments.update(payment.id, { status: "void" })).status).toBe("void");
    await tg.payoutAccruals.update(accrual.id, { status: "void" });
    await tg.payoutMethods.delete(method.id);
  });

  it("current generation: the client sees GoneError on the stats routes", async () => {
    const current = await startSandbox({
      now: NOW,
      rateLimit: false,
      scale: "tiny",
      apiGeneration: "current",
    });
    try {
      const client = createClient({
        apiKey: current.keys.readWrite,
        baseUrl: current.url,
        rateLimit: false,
        maxRetries: 0,
      });
      const creator = current.state.world.creators[0]!;
      await expect(client.creators.stats(creator.id)).rejects.toBeInstanceOf(GoneError);
    } finally {
      await current.stop();
    }
  });
});
