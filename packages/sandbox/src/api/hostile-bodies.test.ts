/**
 * Over real HTTP: the sandbox's size caps (caps.ts, README "Size caps") on every route that takes the
 * field, POST and PATCH alike, and keys that cannot round-trip (`__proto__`, …). A refusal is a 400
 * `invalid_body` naming the field and its cap, quoting the value short; nothing is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type HttpResponse, type HttpSandbox, httpSandbox } from "../test-helpers/http-sandbox.js";

let sb: HttpSandbox;
const ids = {} as Record<
  "project" | "creator" | "video" | "campaign" | "method" | "structure" | "annotation" | "payment",
  string
>;

const s = (n: number, ch = "a") => ch.repeat(n);

function expectCapError(res: HttpResponse, field: string, cap: string): void {
  expect([res.status, res.json?.meta?.code], res.text.slice(0, 300)).toEqual([400, "invalid_body"]);
  expect(res.json.error).toContain(`${field}: at most ${cap}`);
  expect(res.json.error.length).toBeLessThan(200);
}

beforeAll(async () => {
  sb = await httpSandbox();
  ids.project = (await sb.get("/projects")).json.data[0].id;
  ids.creator = (await sb.get(`/creators?project_id=${ids.project}`)).json.data[0].id;
  ids.video = (await sb.get(`/videos?creator_id=${ids.creator}`)).json.data[0].id;
  ids.campaign = (await sb.get(`/campaigns?project_id=${ids.project}`)).json.data[0].id;
  ids.method = (await sb.get("/payout-methods")).json.data[0].id;
  ids.structure = (await sb.get("/payout-structures")).json.data[0].id;
  const annotation = await sb.call("POST", "/analytics/annotations", { date: "2026-03-01", label: "Launch" });
  ids.annotation = annotation.json.data.id;
  const payment = await sb.call("POST", "/payout-payments", {
    creator_id: ids.creator,
    method_id: ids.method,
    amount_cents: 100,
  });
  ids.payment = payment.json.data.id;
  for (const [name, id] of Object.entries(ids)) expect(id, name).toMatch(/^[\w-]+$/);
}, 60_000);

afterAll(() => sb?.stop());

describe("string and array caps, on every route that takes the field", () => {
  /** [what, method, path, body builder, field named in the error, cap as the message words it, value at the cap] */
  const cases = (): Array<
    [string, string, string, (v: unknown) => object, string, string, unknown, unknown]
  > => [
    [
      "campaign readme (POST)",
      "POST",
      `/projects/${ids.project}/campaigns`,
      (v) => ({ name: "C", readme: v }),
      "readme",
      "20000 characters",
      s(20_000),
      s(20_001),
    ],
    [
      "campaign readme (PATCH)",
      "PATCH",
      `/campaigns/${ids.campaign}`,
      (v) => ({ readme: v }),
      "readme",
      "20000 characters",
      s(20_000),
      s(20_001),
    ],
    [
      "creator readme",
      "PATCH",
      `/creators/${ids.creator}`,
      (v) => ({ readme: v }),
      "readme",
      "20000 characters",
      s(20_000),
      s(20_001),
    ],
    [
      "video readme",
      "PATCH",
      `/videos/${ids.video}`,
      (v) => ({ readme: v }),
      "readme",
      "20000 characters",
      s(20_000),
      s(20_001),
    ],
    [
      "payout method readme",
      "PATCH",
      `/payout-methods/${ids.method}`,
      (v) => ({ readme: v }),
      "readme",
      "20000 characters",
      s(20_000),
      s(20_001),
    ],
    [
      "payout structure readme",
      "PATCH",
      `/payout-structures/${ids.structure}`,
      (v) => ({ readme: v }),
      "readme",
      "20000 characters",
      s(20_000),
      s(20_001),
    ],
    [
      "payout structure name",
      "PATCH",
      `/payout-structures/${ids.structure}`,
      (v) => ({ name: v }),
      "name",
      "200 characters",
      s(200),
      s(201),
    ],
    [
      "annotation note (POST)",
      "POST",
      "/analytics/annotations",
      (v) => ({ date: "2026-03-02", label: "L", note: v }),
      "note",
      "2000 characters",
      s(2_000),
      s(2_001),
    ],
    [
      "annotation note (PATCH)",
      "PATCH",
      `/analytics/annotations/${ids.annotation}`,
      (v) => ({ note: v }),
      "note",
      "2000 characters",
      s(2_000),
      s(2_001),
    ],
    [
      "annotation kind",
      "PATCH",
      `/analytics/annotations/${ids.annotation}`,
      (v) => ({ kind: v }),
      "kind",
      "50 characters",
      s(50),
      s(51),
    ],
    [
      "annotation label",
      "PATCH",
      `/analytics/annotations/${ids.annotation}`,
      (v) => ({ label: v }),
      "label",
      "200 characters",
      s(200),
      s(201),
    ],
    [
      "payment note (POST)",
      "POST",
      "/payout-payments",
      (v) => ({ creator_id: ids.creator, method_id: ids.method, amount_cents: 1, note: v }),
      "note",
      "2000 characters",
      s(2_000),
      s(2_001),
    ],
    [
      "payment note (PATCH)",
      "PATCH",
      `/payout-payments/${ids.payment}`,
      (v) => ({ note: v }),
      "note",
      "2000 characters",
      s(2_000),
      s(2_001),
    ],
    [
      "payout method icon_path (POST)",
      "POST",
      "/payout-methods",
      (v) => ({ name: "Wire", icon_path: v }),
      "icon_path",
      "2048 characters",
      `/${s(2_047)}`,
      `/${s(2_048)}`,
    ],
    [
      "payout method icon_path (PATCH)",
      "PATCH",
      `/payout-methods/${ids.method}`,
      (v) => ({ icon_path: v }),
      "icon_path",
      "2048 characters",
      `/${s(2_047)}`,
      `/${s(2_048)}`,
    ],
    [
      "creator handle rename",
      "PATCH",
      `/creators/${ids.creator}`,
      (v) => ({ tiktok_handle: v }),
      "tiktok_handle",
      "100 characters",
      null,
      s(101),
    ],
    [
      "video url",
      "POST",
      `/projects/${ids.project}/videos`,
      (v) => ({ url: v }),
      "url",
      "2048 characters",
      null,
      `https://www.tiktok.com/@goat/video/1?${s(2_048)}`,
    ],
    [
      "creator_ids",
      "POST",
      `/projects/${ids.project}/creators/bulk-remove`,
      (v) => ({ creator_ids: v }),
      "creator_ids",
      "100 items",
      null,
      Array(101).fill(ids.creator),
    ],
    [
      "video_ids",
      "POST",
      `/projects/${ids.project}/videos/bulk-tracking-disable`,
      (v) => ({ video_ids: v }),
      "video_ids",
      "100 items",
      null,
      Array(101).fill(ids.video),
    ],
    [
      "accrual_ids",
      "POST",
      "/payout-payments",
      (v) => ({ creator_id: ids.creator, method_id: ids.method, amount_cents: 1, accrual_ids: v }),
      "accrual_ids",
      "500 items",
      null,
      Array(501).fill("x"),
    ],
    [
      "an id in a body",
      "POST",
      `/payout-structures/${ids.structure}/assignments`,
      (v) => ({ creator_id: v }),
      "creator_id",
      "64 characters",
      null,
      s(65),
    ],
    [
      "an id in an id array",
      "POST",
      `/projects/${ids.project}/creators/bulk-reenable`,
      (v) => ({ creator_ids: v }),
      "creator_ids.0",
      "64 characters",
      null,
      [s(65)],
    ],
  ];

  it.each(cases().map((c, i) => [c[0], i] as const))("%s", async (_, i) => {
    const [, method, path, body, field, cap, atCap, overCap] = cases()[i]!;
    expectCapError(await sb.call(method, path, body(overCap)), field, cap);
    if (atCap !== null) {
      const res = await sb.call(method, path, body(atCap));
      expect(res.status, res.text.slice(0, 200)).toBeLessThan(300);
    }
  });
});

describe("metadata", () => {
  const routes = (): Array<[string, string, (m: unknown) => object]> => [
    ["PATCH", `/creators/${ids.creator}`, (m) => ({ metadata: m })],
    ["PATCH", `/videos/${ids.video}`, (m) => ({ metadata: m })],
    ["PATCH", `/campaigns/${ids.campaign}`, (m) => ({ metadata: m })],
    ["POST", `/projects/${ids.project}/campaigns`, (m) => ({ name: "Meta", metadata: m })],
    ["PATCH", `/payout-methods/${ids.method}`, (m) => ({ metadata: m })],
    ["PATCH", `/payout-structures/${ids.structure}`, (m) => ({ metadata: m })],
  ];

  it.each([0, 1, 2, 3, 4, 5])("route %i: at most 16 KiB as JSON", async (i) => {
    const [method, path, body] = routes()[i]!;
    expectCapError(await sb.call(method, path, body({ blob: s(16_384) })), "metadata", "16384 bytes as JSON");
    const res = await sb.call(method, path, body({ blob: s(16_384 - 11) })); // {"blob":"…"} adds 11 bytes
    expect(res.status, res.text.slice(0, 200)).toBeLessThan(300);
  });

  it("a 20 MB metadata string is refused and never served in a list page", async () => {
    const before = (await sb.get(`/creators/${ids.creator}`)).json.data.metadata;
    const res = await sb.call("PATCH", `/creators/${ids.creator}`, { metadata: { blob: s(20_000_000) } });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.text.length).toBeLessThan(1_000);
    expect((await sb.get(`/creators/${ids.creator}`)).json.data.metadata).toEqual(before);
    const page = await sb.get(`/creators?project_id=${ids.project}`);
    expect(page.text.length).toBeLessThan(1_000_000);
  });
});

describe("keys that cannot round-trip", () => {
  it.each([
    ['{"metadata":{"__proto__":{"admin":true}}}', "metadata.__proto__"],
    ['{"metadata":{"owner":{"constructor":{"prototype":1}}}}', "metadata.owner.constructor"],
    ['{"metadata":{"prototype":"x"}}', "metadata.prototype"],
  ])("%s is 400 invalid_body naming %s, and the metadata is unchanged", async (raw, path) => {
    const before = (await sb.get(`/campaigns/${ids.campaign}`)).json.data.metadata;
    const res = await sb.call("PATCH", `/campaigns/${ids.campaign}`, raw);
    expect([res.status, res.json?.meta?.code]).toEqual([400, "invalid_body"]);
    expect(res.json.error).toContain(`${path}: the key`);
    expect((await sb.get(`/campaigns/${ids.campaign}`)).json.data.metadata).toEqual(before);
  });

  it("ordinary keys round-trip exactly", async () => {
    const metadata = { proto: 1, Constructor: [2], nested: { __proto: null } };
    const res = await sb.call("PATCH", `/creators/${ids.creator}`, { metadata });
    expect(res.json.data.metadata).toEqual(metadata);
    expect((await sb.get(`/creators/${ids.creator}`)).json.data.metadata).toEqual(metadata);
  });
});

describe("unknown fields", () => {
  it("are named, a long unknown key quoted short", async () => {
    const res = await sb.call("PATCH", `/creators/${ids.creator}`, { readme: "x", [s(10_000, "k")]: 1 });
    expect([res.status, res.json.meta.code]).toEqual([400, "invalid_body"]);
    expect(res.json.error).toBe(`Invalid body: unknown field: "${s(40, "k")}…" (10000 characters)`);
  });
});
