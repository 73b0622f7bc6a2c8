/**
 * Over real HTTP: every date a client sends is a real one, and every range is in order. Calendar-invalid
 * dates in bodies are 400 `invalid_body` naming the field (core's request schemas); calendar-invalid
 * query days and `from` after `to` are 400 `invalid_query` on every route that takes them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type HttpResponse, type HttpSandbox, httpSandbox } from "../test-helpers/http-sandbox.js";

let sb: HttpSandbox;
const ids = {} as Record<
  "project" | "creator" | "video" | "campaign" | "goal" | "structure" | "method" | "annotation",
  string
>;

function expectError(res: HttpResponse, status: number, code: string, mentions?: string): void {
  expect([res.status, res.json?.meta?.code], res.text.slice(0, 300)).toEqual([status, code]);
  if (mentions) expect(res.json.error).toContain(mentions);
}

beforeAll(async () => {
  sb = await httpSandbox();
  ids.project = (await sb.get("/projects")).json.data[0].id;
  ids.creator = (await sb.get(`/creators?project_id=${ids.project}`)).json.data[0].id;
  ids.video = (await sb.get(`/videos?creator_id=${ids.creator}`)).json.data[0].id;
  ids.campaign = (await sb.get(`/campaigns?project_id=${ids.project}`)).json.data[0].id;
  ids.method = (await sb.get("/payout-methods")).json.data[0].id;
  const goal = await sb.call("POST", `/creators/${ids.creator}/goals`, {
    metric: "posts",
    period: "weekly",
    target_value: 3,
  });
  ids.goal = goal.json.data.id;
  const structure = await sb.call("POST", "/payout-structures", {
    project_id: ids.project,
    name: "Flat",
    rule_type: "recurring",
    amount_cents: 1000,
  });
  ids.structure = structure.json.data.id;
  const annotation = await sb.call("POST", "/analytics/annotations", { date: "2026-03-01", label: "Launch" });
  ids.annotation = annotation.json.data.id;
  for (const [name, id] of Object.entries(ids)) expect(id, name).toMatch(/^[\w-]+$/);
}, 60_000);

afterAll(() => sb?.stop());

describe("calendar-invalid dates in bodies are 400 invalid_body naming the field", () => {
  const cases: Array<[string, () => [string, string, object], string]> = [
    [
      "goal start_date 2026-13-45",
      () => [
        "POST",
        `/creators/${ids.creator}/goals`,
        { metric: "posts", period: "weekly", target_value: 3, start_date: "2026-13-45" },
      ],
      "start_date",
    ],
    [
      "goal end_date 2026-02-30 (PATCH)",
      () => ["PATCH", `/goals/${ids.goal}`, { end_date: "2026-02-30" }],
      "end_date",
    ],
    [
      "assignment start_date 2026-99-99",
      () => [
        "POST",
        `/payout-structures/${ids.structure}/assignments`,
        { creator_id: ids.creator, start_date: "2026-99-99" },
      ],
      "start_date",
    ],
    [
      "assignment end_date 2026-04-31",
      () => [
        "POST",
        `/payout-structures/${ids.structure}/assignments`,
        { creator_id: ids.creator, end_date: "2026-04-31" },
      ],
      "end_date",
    ],
    [
      "annotation date 2026-13-45",
      () => ["POST", "/analytics/annotations", { date: "2026-13-45", label: "x" }],
      "date",
    ],
    [
      "annotation date 2026-02-29 (PATCH)",
      () => ["PATCH", `/analytics/annotations/${ids.annotation}`, { date: "2026-02-29" }],
      "date",
    ],
    [
      "campaign target_at not-a-date",
      () => ["POST", `/projects/${ids.project}/campaigns`, { name: "C", target_at: "not-a-date" }],
      "target_at",
    ],
    [
      "campaign target_at 2026-02-30T00:00:00Z (PATCH)",
      () => ["PATCH", `/campaigns/${ids.campaign}`, { target_at: "2026-02-30T00:00:00Z" }],
      "target_at",
    ],
    [
      "payment paid_at yesterday-ish",
      () => [
        "POST",
        "/payout-payments",
        { creator_id: ids.creator, method_id: ids.method, amount_cents: 100, paid_at: "yesterday-ish" },
      ],
      "paid_at",
    ],
    [
      "creator tracking_start_date 2026-06-31",
      () => [
        "POST",
        `/projects/${ids.project}/creators`,
        { tiktok_handle: "new_goat", tracking_start_date: "2026-06-31" },
      ],
      "tracking_start_date",
    ],
    [
      "bulk creator tracking_start_date 2026-00-01",
      () => [
        "POST",
        `/projects/${ids.project}/creators`,
        { creators: [{ tiktok_handle: "bulk_goat", tracking_start_date: "2026-00-01" }] },
      ],
      "creators.0.tracking_start_date",
    ],
  ];

  it.each(cases)("%s", async (_, make, field) => {
    const [method, path, body] = make();
    expectError(await sb.call(method, path, body), 400, "invalid_body", `${field}:`);
  });

  it("stores nothing for a refused date, and takes real ones (leap day, offset date-time)", async () => {
    await sb.call("POST", "/analytics/annotations", { date: "2026-13-45", label: "never stored" });
    const list = await sb.get("/analytics/annotations");
    expect(list.json.data.some((a: { label: string }) => a.label === "never stored")).toBe(false);

    const leap = await sb.call("POST", "/analytics/annotations", { date: "2024-02-29", label: "Leap" });
    expect([leap.status, leap.json.data.date]).toEqual([201, "2024-02-29"]);
    const paid = await sb.call("POST", "/payout-payments", {
      creator_id: ids.creator,
      method_id: ids.method,
      amount_cents: 100,
      paid_at: "2026-03-30T09:15:00+02:00",
    });
    expect([paid.status, paid.json.data.paid_at]).toEqual([201, "2026-03-30T09:15:00+02:00"]);
    const target = await sb.call("PATCH", `/campaigns/${ids.campaign}`, {
      target_at: "2026-06-30T23:59:59Z",
    });
    expect([target.status, target.json.data.target_at]).toEqual([200, "2026-06-30T23:59:59Z"]);
  });
});

describe("date queries", () => {
  /** Every route that takes a `from`/`to` range, with its other required query. */
  const rangeRoutes = (): Array<[string, string]> => [
    ["creator stats", `/creators/${ids.creator}/stats?`],
    ["campaign stats", `/campaigns/${ids.campaign}/stats?`],
    ["video stats", `/videos/${ids.video}/stats?`],
    ["analytics", `/analytics?entity=creator&entity_id=${ids.creator}&metric=views&`],
    ["annotations", "/analytics/annotations?"],
    ["video leaderboard", `/analytics/aggregate/video-leaderboard?project_id=${ids.project}&`],
    ["posting heatmap", `/analytics/aggregate/posting-heatmap?project_id=${ids.project}&`],
  ];
  const NAMES = [
    "creator stats",
    "campaign stats",
    "video stats",
    "analytics",
    "annotations",
    "video leaderboard",
    "posting heatmap",
  ];

  it.each(NAMES)("%s: from after to is 400 invalid_query; an ordered range is 200", async (name) => {
    const [, base] = rangeRoutes().find(([n]) => n === name)!;
    expectError(await sb.get(`${base}from=2026-03-20&to=2026-03-01`), 400, "invalid_query", "after");
    const okRes = await sb.get(`${base}from=2026-03-01&to=2026-03-20`);
    expect(okRes.status, okRes.text.slice(0, 300)).toBe(200);
  });

  it("the issue's example: annotations from 2026-11-20 to 2026-11-01", async () => {
    expectError(
      await sb.get("/analytics/annotations?from=2026-11-20&to=2026-11-01"),
      400,
      "invalid_query",
      "after",
    );
  });

  it.each(
    NAMES.flatMap((n) => [
      [n, "from", "2026-02-30"],
      [n, "to", "2026-13-45"],
    ]),
  )("%s: %s=%s is 400 invalid_query", async (name, param, day) => {
    const [, base] = rangeRoutes().find(([n]) => n === name)!;
    const other = param === "from" ? "to=2026-03-20" : "from=2026-03-01";
    expectError(await sb.get(`${base}${param}=${day}&${other}`), 400, "invalid_query", param);
  });

  it("goal compliance: reference_date must be a calendar day", async () => {
    const base = `/projects/${ids.project}/goal-compliance`;
    expectError(await sb.get(`${base}?reference_date=2026-13-45`), 400, "invalid_query", "reference_date");
    expectError(await sb.get(`${base}?reference_date=2026-02-29`), 400, "invalid_query", "reference_date");
    expect((await sb.get(`${base}?reference_date=2026-03-20`)).status).toBe(200);
  });
});
