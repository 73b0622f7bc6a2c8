/**
 * The strict readers against the sandbox over real HTTP: every normal response passes (one per strict
 * key), so a strict failure against the real API is a real difference; and a response with a renamed
 * field fails strict while the client's tolerant reader still takes it.
 */
import { describe, expect, it } from "vitest";
import type { TrackagoatClient } from "../client/index.js";
import { withSandbox } from "../test-helpers/sandbox.js";
import { Creator } from "./creator.js";
import { type StrictSchemaName, strictSchemas } from "./strict.js";

const h = withSandbox();

/** `data` (or `meta`) of a GET, unchecked by any schema. */
async function get(tg: TrackagoatClient, path: string, query?: object) {
  return tg.request({ method: "GET", path, query });
}

function expectStrict(name: StrictSchemaName, value: unknown) {
  const result = strictSchemas[name].safeParse(value);
  if (!result.success) {
    throw new Error(
      `${name}: ${result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  }
}

describe("the sandbox's normal responses pass every strict reader", () => {
  it("entities, stats, analytics, payouts, list meta, error envelope", async () => {
    const { client: tg, sandbox } = h();
    const seen = new Set<StrictSchemaName>();
    const check = (name: StrictSchemaName, value: unknown) => {
      expectStrict(name, value);
      seen.add(name);
    };
    const first = async (name: StrictSchemaName, path: string, query?: object) => {
      const { data, meta } = await get(tg, path, query);
      const items = data as Record<string, unknown>[];
      expect(items.length, `${path} returned nothing to check`).toBeGreaterThan(0);
      for (const item of items) check(name, item);
      check("page_meta", meta);
      return items[0]!;
    };

    const project = await first("project", "/projects");
    const creator = await first("creator", "/creators", { project_id: project.id, limit: 100 });
    const video = await first("video", "/videos", { project_id: project.id, limit: 100 });
    const campaign = await first("campaign", "/campaigns", { project_id: project.id });
    await first("campaign_item", `/campaigns/${campaign.id}/items`);
    const range = { from: "2026-03-01", to: "2026-03-14" };
    check("creator_stats", (await get(tg, `/creators/${creator.id}/stats`, range)).data);
    check("campaign_stats", (await get(tg, `/campaigns/${campaign.id}/stats`, range)).data);
    check("video_stats", (await get(tg, `/videos/${video.id}/stats`, range)).data);
    check(
      "video_stats",
      (await get(tg, `/videos/${video.id}/stats`, { ...range, metric: "engagement_rate_by_views" })).data,
    );
    const analytics = { entity: "creator", entity_id: creator.id, metric: "views", ...range };
    check("analytics", (await get(tg, "/analytics", analytics)).data);
    check("analytics_schema", await tg.analytics.schema());
    check("openapi", await tg.schema.openapi());
    check("api_schema", (await get(tg, "/schema")).data);

    const compliance = (await get(tg, `/projects/${project.id}/goal-compliance`)).data as {
      compliance: { goal: unknown }[];
    }[];
    for (const c of compliance) check("goal_compliance", c);
    const withGoal = compliance.find((c) => c.compliance.length > 0);
    expect(withGoal, "no creator with goals in the sandbox").toBeDefined();
    check("goal", withGoal!.compliance[0]!.goal);

    const annotation = await tg.analytics.annotations.create({
      date: "2026-03-10",
      label: "Launch",
      project_id: project.id as string,
    });
    await first("annotation", "/analytics/annotations");

    await first("payout_method", "/payout-methods");
    const structure = await first("payout_structure", "/payout-structures");
    await first("payout_assignment", `/payout-structures/${structure.id}/assignments`);
    await first("accrual", "/payout-accruals");
    await first("payment", "/payout-payments");

    const bad = await fetch(`${sandbox.url}/creators/00000000-0000-4000-8000-000000000000`, {
      headers: { authorization: `Bearer ${sandbox.keys.readWrite}` },
    });
    check("error_envelope", await bad.json());
    const unauthorised = await fetch(`${sandbox.url}/projects`);
    check("error_envelope", await unauthorised.json());

    const deleted = await tg.request({
      method: "DELETE",
      path: `/analytics/annotations/${annotation.id}`,
    });
    check("deleted", deleted.data);

    const all = Object.keys(strictSchemas) as StrictSchemaName[];
    expect(all.filter((k) => !seen.has(k))).toEqual([]);
  });
});

describe("a renamed field", () => {
  it("fails strict but passes tolerant", async () => {
    const { data } = await get(h().client, "/creators", { limit: 1 });
    const { display_name, ...rest } = (data as Record<string, unknown>[])[0]!;
    const renamed = { ...rest, nickname: display_name };
    const strict = strictSchemas.creator.safeParse(renamed);
    expect(strict.success).toBe(false);
    expect(strict.error?.issues.map((i) => i.path.join(".") || i.code).sort()).toEqual([
      "display_name",
      "unrecognized_keys",
    ]);
    expect(Creator.parse(renamed)).toMatchObject({ display_name: null, nickname: display_name });
  });
});
