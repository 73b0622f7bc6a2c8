/**
 * Over real HTTP: a path id whose percent-escapes are not UTF-8 is a 400 `invalid_params` on every
 * route of the OpenAPI document (never a 404 or 500), and no error message echoes a long client value
 * whole: query values and ids are quoted short with their length.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type HttpResponse, type HttpSandbox, httpSandbox } from "../test-helpers/http-sandbox.js";

let sb: HttpSandbox;
let routes: Array<[method: string, path: string]> = [];
const ids = {} as Record<"project" | "creator" | "video" | "structure", string>;

beforeAll(async () => {
  sb = await httpSandbox();
  const doc = (await sb.get("/openapi.json")).json as { paths: Record<string, Record<string, unknown>> };
  routes = Object.entries(doc.paths)
    .filter(([path]) => path.includes("{"))
    .flatMap(([path, ops]) => Object.keys(ops).map((m) => [m.toUpperCase(), path] as [string, string]));
  ids.project = (await sb.get("/projects")).json.data[0].id;
  ids.creator = (await sb.get(`/creators?project_id=${ids.project}`)).json.data[0].id;
  ids.video = (await sb.get(`/videos?creator_id=${ids.creator}`)).json.data[0].id;
  ids.structure = (await sb.get("/payout-structures")).json.data[0].id;
}, 60_000);

afterAll(() => sb?.stop());

/** The status and code, and a message that does not grow with the input (some list their choices). */
function expectShortError(res: HttpResponse, status: number, code: string): void {
  expect([res.status, res.json?.meta?.code], res.text.slice(0, 300)).toEqual([status, code]);
  expect(res.json.error.length, res.json.error).toBeLessThan(400);
}

describe("path ids that are not valid UTF-8", () => {
  const HOSTILE = ["%FF%FE", "%C3%28", "%ED%A0%80", "%F4%90%80%80", "abc%FF", "%E2%82"];

  it("covers every parameterised route of the OpenAPI document", () => {
    expect(routes.length).toBeGreaterThanOrEqual(40);
    expect(routes).toContainEqual(["GET", "/creators/{id}"]);
    expect(routes).toContainEqual(["DELETE", "/payout-structures/{id}/assignments/{assignmentId}"]);
  });

  it("the issue's example: GET /creators/%FF%FE is 400 invalid_params quoting the id", async () => {
    const res = await sb.get("/creators/%FF%FE");
    expectShortError(res, 400, "invalid_params");
    expect(res.json.error).toBe('id is not a valid id: "%FF%FE"');
  });

  it.each(HOSTILE)("%s in every path parameter of every route is 400 invalid_params", async (bad) => {
    const failures: string[] = [];
    for (const [method, pattern] of routes) {
      const path = pattern.replace(/\{\w+\}/g, bad);
      const res = await sb.call(method, path, method === "GET" ? undefined : {});
      if (res.status !== 400 || res.json?.meta?.code !== "invalid_params") {
        failures.push(`${method} ${path} → ${res.status} ${res.text.slice(0, 120)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("a bad assignment id under a real structure is 400 too", async () => {
    const res = await sb.call("DELETE", `/payout-structures/${ids.structure}/assignments/%FF%FE`);
    expectShortError(res, 400, "invalid_params");
    expect(res.json.error).toContain("assignmentId");
  });

  it("a 10,000-character id is refused with a short quote", async () => {
    const res = await sb.get(`/creators/${"x".repeat(10_000)}`);
    expectShortError(res, 400, "invalid_params");
    expect(res.json.error).toContain("(10000 characters)");
  });
});

describe("long query values are quoted short", () => {
  const LONG = "x".repeat(10_000);
  const cases = (): Array<[string, string]> => [
    ["queryId", `/creators?project_id=${LONG}`],
    ["queryEnum", `/analytics/annotations?entity=${LONG}`],
    ["queryBool", `/payout-methods?include_disabled=${LONG}`],
    ["queryInt (digits)", `/creators?limit=${"9".repeat(10_000)}`],
    ["queryInt", `/creators?limit=${LONG}`],
    ["annotation from", `/analytics/annotations?from=${LONG}`],
    ["stats range", `/creators/${ids.creator}/stats?from=${LONG}`],
    ["video stats metric", `/videos/${ids.video}/stats?metric=${LONG}`],
    ["analytics metric", `/analytics?entity=creator&entity_id=${ids.creator}&metric=${LONG}`],
    [
      "analytics base_metric",
      `/analytics?entity=creator&entity_id=${ids.creator}&metric=growth_rate_pop&base_metric=${LONG}`,
    ],
    ["analytics mode", `/analytics?entity=creator&entity_id=${ids.creator}&metric=views&mode=${LONG}`],
    [
      "analytics granularity",
      `/analytics?entity=creator&entity_id=${ids.creator}&metric=views&granularity=${LONG}`,
    ],
    ["analytics tz", `/analytics?entity=creator&entity_id=${ids.creator}&metric=views&tz=${LONG}`],
    ["analytics compare", `/analytics?entity=creator&entity_id=${ids.creator}&metric=views&compare=${LONG}`],
    [
      "analytics breakdown",
      `/analytics?entity=creator&entity_id=${ids.creator}&metric=views&breakdown=${LONG}`,
    ],
    ["leaderboard order", `/analytics/aggregate/video-leaderboard?project_id=${ids.project}&order=${LONG}`],
    ["leaderboard from", `/analytics/aggregate/video-leaderboard?project_id=${ids.project}&from=${LONG}`],
    [
      "heatmap to",
      `/analytics/aggregate/posting-heatmap?project_id=${ids.project}&from=2026-03-01&to=${LONG}`,
    ],
    ["compliance reference_date", `/projects/${ids.project}/goal-compliance?reference_date=${LONG}`],
    ["compliance period", `/projects/${ids.project}/goal-compliance?period=${LONG}`],
  ];

  it.each(cases().map(([name], i) => [name, i] as const))("%s", async (_, i) => {
    const [, path] = cases()[i]!;
    const res = await sb.get(path);
    expectShortError(res, 400, "invalid_query");
    expect(res.json.error).toContain("(10000 characters)");
  });
});
