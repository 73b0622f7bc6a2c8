/**
 * The derived endpoints against the sandbox over HTTP: a route per catalogue workflow answering its
 * report in each format, runs paid through the proxy's limiter and served from its shared cache the
 * second time, and refusals in the API's envelope (400 naming the field, 401 without echoing the key).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  createClient,
  fetchAll,
  type RateLimiter,
  ResponseCache,
  type Workflow,
  workflowJsonSchemas,
  workflows,
} from "@goatkit/core";
import { type RunningSandbox, startSandbox } from "@goatkit/sandbox";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SqliteStore } from "../cache/stores/sqlite-store.js";
import { derivedRoutes } from "./derived.js";

let sandbox: RunningSandbox;
let store: SqliteStore;
let dir: string;
let app: Hono;
let acquired = 0;
/** Ids the sandbox's org A can see: the first project, one of its campaigns and creators. */
const ids: Record<string, string> = {};
let asOf: string;

beforeAll(async () => {
  sandbox = await startSandbox({
    seed: 42,
    now: "2026-03-15T12:00:00.000Z",
    rateLimit: false,
    dailyQuota: false,
    logErrors: false,
  });
  asOf = sandbox.truth.as_of;
  dir = mkdtempSync(join(tmpdir(), "goatkit-derived-"));
  store = new SqliteStore(join(dir, "cache.sqlite"));
  const limiter: RateLimiter = { acquire: async () => void acquired++ };
  const routes = derivedRoutes({
    upstream: sandbox.url,
    cache: new ResponseCache({ store }),
    rateLimiter: limiter,
  });
  app = new Hono().route("/goatkit/v1", routes);

  const tg = createClient({ apiKey: sandbox.keys.readWrite, baseUrl: sandbox.url, rateLimit: false });
  const project = (await fetchAll(tg.projects.list({ limit: 100 })))[0]!;
  ids.project_id = project.id;
  ids.campaign_id = (await fetchAll(tg.campaigns.list({ project_id: project.id, limit: 100 })))[0]!.id;
  ids.creator_id = (await fetchAll(tg.creators.list({ project_id: project.id, limit: 100 })))[0]!.id;
});

afterAll(async () => {
  await sandbox?.stop();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A query for `w` built from its params schema: every id field it has, and the sandbox's clock. */
function queryFor(w: Workflow, extra: Record<string, string> = {}): string {
  const fields = Object.keys((workflowJsonSchemas(w).params as { properties: object }).properties);
  const query = new URLSearchParams({ as_of: asOf });
  for (const field of fields) if (ids[field]) query.set(field, ids[field]);
  for (const [k, v] of Object.entries(extra)) query.set(k, v);
  return query.toString();
}

function get(
  path: string,
  key: string | null = sandbox.keys.readWrite,
  headers: Record<string, string> = {},
) {
  return app.request(`/goatkit/v1/${path}`, {
    headers: key === null ? headers : { authorization: `Bearer ${key}`, ...headers },
  });
}

/** A request and what it cost at the sandbox and the limiter. */
async function measured(path: string) {
  const before = { upstream: sandbox.requests().total, acquired };
  const res = await get(path);
  return {
    res,
    upstream: sandbox.requests().total - before.upstream,
    acquired: acquired - before.acquired,
  };
}

describe("a route per workflow", () => {
  it.each(workflows.map((w) => [w.name, w as Workflow] as const))(
    "GET /goatkit/v1/%s answers its report in the envelope",
    async (name, w) => {
      const { res, upstream, acquired: slots } = await measured(`${name}?${queryFor(w)}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
      const body = (await res.json()) as { data: { kind: string; meta: { request_count: number } } };
      expect(body).toMatchObject({ error: null, meta: null });
      expect(body.data.kind).toBe(name);
      const parsed = w.report.safeParse(body.data);
      expect(parsed.success, parsed.error?.message).toBe(true);
      // What the run cost, as the sandbox counted it, paid through the proxy's limiter.
      expect(Number(res.headers.get("x-goatkit-requests"))).toBe(upstream);
      expect(body.data.meta.request_count).toBe(upstream);
      expect(slots).toBe(upstream);
      expect(res.headers.get("server-timing")).toMatch(/^workflow;dur=\d+(\.\d)?;desc="/);
    },
  );

  it("answers the same request again from the shared cache, in every format", async () => {
    // On a cache of its own, so the first run is cold whatever the tests before it read.
    const cold = new SqliteStore(join(dir, "cold.sqlite"));
    const fresh = derivedRoutes({ upstream: sandbox.url, cache: new ResponseCache({ store: cold }) });
    const coldApp = new Hono().route("/goatkit/v1", fresh);
    const measured = async (path: string) => {
      const before = sandbox.requests().total;
      const res = await coldApp.request(`/goatkit/v1/${path}`, {
        headers: { authorization: `Bearer ${sandbox.keys.readWrite}` },
      });
      return { res, upstream: sandbox.requests().total - before };
    };
    const w = workflows.find((x) => x.name === "program_health") as Workflow;
    const path = `program_health?${queryFor(w)}`;
    const first = await measured(path);
    expect(first.res.status).toBe(200);
    expect(first.upstream).toBeGreaterThan(0);

    const again = await measured(path);
    expect(again.upstream).toBe(0);
    expect(again.res.headers.get("x-goatkit-requests")).toBe("0");
    const report = ((await again.res.json()) as { data: unknown }).data;

    const md = await measured(`${path}&format=markdown`);
    expect(md.upstream).toBe(0);
    expect(md.res.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(await md.res.text()).toBe(w.markdown(report as never));

    const csv = await measured(`${path}&format=csv`);
    expect(csv.upstream).toBe(0);
    expect(csv.res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.res.headers.get("content-disposition")).toBe(
      'attachment; filename="program_health-2026-03-15.csv"',
    );
    expect(await csv.res.text()).toBe(w.csv(report as never));
    await cold.close();
  });

  it("credits each concurrent run of one key with only the requests it sent", async () => {
    const routes = derivedRoutes({ upstream: sandbox.url, cache: new ResponseCache() });
    const coldApp = new Hono().route("/goatkit/v1", routes);
    const before = sandbox.requests().total;
    const answers = await Promise.all(
      workflows.map((w) =>
        coldApp.request(`/goatkit/v1/${w.name}?${queryFor(w as Workflow)}`, {
          headers: { authorization: `Bearer ${sandbox.keys.readWrite}` },
        }),
      ),
    );
    const upstream = sandbox.requests().total - before;
    expect(answers.map((r) => r.status)).toEqual(workflows.map(() => 200));
    // One client per key serves all six: its own counter would credit each run with the others' requests.
    let credited = 0;
    for (const res of answers) {
      const { data } = (await res.json()) as { data: { meta: { request_count: number } } };
      expect(Number(res.headers.get("x-goatkit-requests"))).toBe(data.meta.request_count);
      credited += data.meta.request_count;
    }
    expect(credited).toBe(upstream);
  });

  it("renders markdown and csv for another workflow", async () => {
    const w = workflows.find((x) => x.name === "campaign_performance") as Workflow;
    const md = await get(`campaign_performance?${queryFor(w, { format: "markdown" })}`);
    expect(md.status).toBe(200);
    expect(await md.text()).toMatch(/^# Campaign: /);
    const csv = await get(`campaign_performance?${queryFor(w, { format: "csv" })}`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-disposition")).toMatch(/filename="campaign_performance-2026-03-15\.csv"/);
    const text = await csv.text();
    expect(text).toContain("\r\n");
    expect(text.split("\r\n")[0]!.split(",").length).toBeGreaterThan(2);
  });

  it("takes a string array as repeated params or comma-separated", async () => {
    const tg = createClient({ apiKey: sandbox.keys.readWrite, baseUrl: sandbox.url, rateLimit: false });
    const campaigns = await fetchAll(tg.campaigns.list({ project_id: ids.project_id!, limit: 100 }));
    const [a, b] = [campaigns[0]!.id, campaigns[1]!.id];
    for (const q of [`campaign_ids=${a},${b}`, `campaign_ids=${a}&campaign_ids=${b}`]) {
      const res = await get(`campaign_comparison?as_of=${asOf}&${q}`);
      expect(res.status).toBe(200);
      const { data } = (await res.json()) as { data: { campaigns: { campaign_id: string }[] } };
      expect(data.campaigns.map((c) => c.campaign_id).sort()).toEqual([a, b].sort());
    }
  });
});

describe("refusals", () => {
  async function refusal(path: string, key?: string | null, headers?: Record<string, string>) {
    const before = sandbox.requests().total;
    const res = await get(path, key, headers);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const body = (await res.json()) as {
      data: null;
      error: string;
      meta: { code: string; field?: string; issues?: { path: string; code: string; message: string }[] };
    };
    expect(body.data).toBeNull();
    return { status: res.status, body, res, upstream: sandbox.requests().total - before };
  }

  it("400 names an unknown param, suggesting the likely one, and costs no request", async () => {
    const r = await refusal(`program_health?projct_id=${ids.project_id}`);
    expect(r.status).toBe(400);
    expect(r.body.meta.code).toBe("invalid_params");
    expect(r.body.error).toMatch(/projct_id: unknown param \(did you mean project_id\?\)/);
    expect(r.body.meta.issues).toContainEqual(expect.objectContaining({ path: "projct_id" }));
    expect(r.body.meta.issues).toContainEqual(expect.objectContaining({ path: "project_id" }));
    expect(r.upstream).toBe(0);
  });

  it("400 names a date that is not a calendar day, a mistyped number and a missing required field", async () => {
    const day = await refusal(`program_health?project_id=${ids.project_id}&from=2026-02-30`);
    expect([day.status, day.body.meta.field]).toEqual([400, "from"]);
    expect(day.body.error).toContain("from: not a calendar day");

    const num = await refusal(`underperforming_creators?project_id=${ids.project_id}&limit=many`);
    expect([num.status, num.body.meta.field]).toEqual([400, "limit"]);
    expect(num.body.error).toMatch(/limit: .*expected number/);

    const missing = await refusal("creator_trend?range=last_7_days");
    expect([missing.status, missing.body.meta.field]).toEqual([400, "creator_id"]);
    expect(missing.body.error).toMatch(/creator_id: required/);

    const enumValue = await refusal(`program_health?project_id=${ids.project_id}&range=last_year`);
    expect([enumValue.status, enumValue.body.meta.field]).toEqual([400, "range"]);
  });

  it("400 for a bad or repeated format, with the params' own issues beside it", async () => {
    const bad = await refusal(`program_health?project_id=${ids.project_id}&format=xml`);
    expect([bad.status, bad.body.meta.field]).toEqual([400, "format"]);
    expect(bad.body.error).toContain("format: expected one of json, markdown, csv");
    const both = await refusal("program_health?format=csv&format=json");
    expect(both.body.meta.issues?.map((i) => i.path)).toEqual(["format", "project_id"]);
  });

  it("400 never echoes a huge or hostile param name", async () => {
    const r = await refusal(`program_health?project_id=${ids.project_id}&${"<x>".repeat(2000)}=1`);
    expect(r.status).toBe(400);
    expect(r.body.error.length).toBeLessThan(400);
    expect(r.body.error).toContain("(6000 characters)");
  });

  it("400 for an id the key cannot see, in the envelope", async () => {
    const r = await refusal(`campaign_performance?campaign_id=00000000-0000-4000-8000-000000000000`);
    expect(r.status).toBe(400);
    expect(r.body.meta).toMatchObject({ code: "invalid_params", field: "campaign_id" });
  });

  it("401 without a key or with a malformed one, never repeating it", async () => {
    const none = await refusal(`program_health?project_id=${ids.project_id}`, null);
    expect([none.status, none.body.meta.code]).toEqual([401, "invalid_api_key"]);
    expect(none.res.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(none.upstream).toBe(0);

    const secret = `tga_${"ab".repeat(31)}Z`;
    for (const header of [
      `Bearer ${secret}`,
      `Basic ${secret}`,
      secret,
      `Bearer ${sandbox.keys.readWrite} x`,
    ]) {
      const bad = await refusal(`program_health?project_id=${ids.project_id}`, null, {
        authorization: header,
      });
      expect([bad.status, bad.body.meta.code]).toEqual([401, "invalid_api_key"]);
      expect(JSON.stringify(bad.body)).not.toContain("abab");
      expect(JSON.stringify(bad.body)).not.toContain(sandbox.keys.readWrite);
    }
  });

  it("401 from upstream for a well-formed key trackagoat refuses", async () => {
    const r = await refusal(`program_health?project_id=${ids.project_id}`, sandbox.keys.revoked);
    expect([r.status, r.body.meta.code]).toEqual([401, "invalid_api_key"]);
    expect(JSON.stringify(r.body)).not.toContain(sandbox.keys.revoked);
  });

  it("never serves one key's cached report to another org's key", async () => {
    const w = workflows.find((x) => x.name === "program_health") as Workflow;
    expect((await get(`program_health?${queryFor(w)}`)).status).toBe(200); // org A: cached now
    const r = await refusal(`program_health?${queryFor(w)}`, sandbox.keys.orgB);
    expect([r.status, r.body.meta.code]).toEqual([404, "not_found"]); // upstream's answer, asked for org B
    expect(r.upstream).toBeGreaterThan(0);
  });
});
