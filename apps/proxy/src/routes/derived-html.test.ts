/**
 * `format=html` on the derived endpoints, over HTTP through a proxy in front of the sandbox: a page per
 * workflow that stands alone (no script, nothing from another host, viewport and print styles, a CSP),
 * every string of the report escaped (a campaign named like an attack), refusals as small pages with the
 * JSON envelope's status and code, and JSON still the default. Chromium checks the rendered pages in
 * src/html/pages.chromium.test.ts.
 */
import { createClient, fetchAll, type Workflow, workflowJsonSchemas, workflows } from "@goatkit/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderReportHtml } from "../html/reports/index.js";
import { type Harness, startHarness } from "../test-helpers/harness.js";

const HOSTILE = `<script>alert(1)</script> "Q2" & <b>co</b>`;
let h: Harness;
const ids: Record<string, string> = {};
let campaignIds: string[] = [];

beforeAll(async () => {
  h = await startHarness();
  const tg = createClient({ apiKey: h.sandbox.keys.readWrite, baseUrl: h.sandbox.url, rateLimit: false });
  const project = (await fetchAll(tg.projects.list({ limit: 100 })))[0]!;
  const campaigns = await fetchAll(tg.campaigns.list({ project_id: project.id, limit: 100 }));
  await tg.campaigns.update(campaigns[0]!.id, { name: HOSTILE });
  ids.project_id = project.id;
  ids.campaign_id = campaigns[0]!.id;
  ids.creator_id = (await fetchAll(tg.creators.list({ project_id: project.id, limit: 100 })))[0]!.id;
  campaignIds = campaigns.slice(0, 3).map((c) => c.id);
}, 60_000);

afterAll(() => h?.stop());

function url(w: Workflow | string, extra: Record<string, string> = {}): string {
  const name = typeof w === "string" ? w : w.name;
  const q = new URLSearchParams({ as_of: h.sandbox.truth.as_of });
  if (typeof w !== "string") {
    const fields = Object.keys((workflowJsonSchemas(w).params as { properties: object }).properties);
    for (const f of fields) if (ids[f]) q.set(f, ids[f]);
    if (fields.includes("campaign_ids")) q.set("campaign_ids", campaignIds.join(","));
  }
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  return `${h.proxy.origin}/goatkit/v1/${name}?${q}`;
}

const get = (target: string, key: string | null = h.sandbox.keys.readWrite) =>
  fetch(target, { headers: key === null ? {} : { authorization: `Bearer ${key}` } });

/** Every src/href/action and url(...) that points at another host. */
function offHost(page: string): string[] {
  const refs = [...page.matchAll(/\b(?:src|href|action|poster)\s*=\s*["']?([^"'\s>]+)/gi)].map((m) => m[1]!);
  const urls = [...page.matchAll(/url\(\s*["']?([^"')]+)/gi)].map((m) => m[1]!);
  return [...refs, ...urls].filter((u) => /^(https?:)?\/\//i.test(u));
}

describe("format=html", () => {
  it.each(workflows.map((w) => [w.name, w as Workflow] as const))(
    "%s: one self-contained page",
    async (_, w) => {
      const res = await get(url(w, { format: "html" }));
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(res.headers.get("content-security-policy")).toMatch(/default-src 'none'/);
      expect(res.headers.get("x-goatkit-requests")).toMatch(/^\d+$/);
      expect(res.headers.get("cache-control")).toBe("private, no-store");
      const page = await res.text();
      expect(page.startsWith("<!doctype html>")).toBe(true);
      expect(page).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
      expect(page).toContain("@media print");
      expect(page).toMatch(/<svg class="chart"|<div class="figures">/);
      expect(page).not.toMatch(/<script/i);
      expect(page).not.toMatch(/<(link|iframe|object|embed|img)\b/i);
      expect(offHost(page)).toEqual([]);
    },
  );

  it("escapes a campaign name holding markup, in text, attributes and chart labels", async () => {
    for (const w of ["campaign_performance", "campaign_comparison"]) {
      const page = await (
        await get(url(workflows.find((x) => x.name === w) as Workflow, { format: "html" }))
      ).text();
      expect(page, w).not.toContain("<script>alert(1)");
      expect(page, w).not.toContain("<b>co</b>");
      expect(page, w).toContain(
        "&lt;script&gt;alert(1)&lt;/script&gt; &quot;Q2&quot; &amp; &lt;b&gt;co&lt;/b&gt;",
      );
    }
  });

  it("renders the same report the JSON endpoint returns", async () => {
    const w = workflows.find((x) => x.name === "program_health") as Workflow;
    const json = (await (await get(url(w))).json()) as { data: { meta: { request_count: number } } };
    const page = await (await get(url(w, { format: "html" }))).text();
    // The HTML run is answered from the cache the JSON run filled, so its one difference is the cost.
    const sameReport = { ...json.data, meta: { ...json.data.meta, request_count: 0 } };
    expect(page).toBe(renderReportHtml(w, sameReport));
  });

  it("keeps JSON the default", async () => {
    const res = await get(url(workflows[0] as Workflow));
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  });
});

describe("format=html refusals", () => {
  it("a missing key is a 401 page with the envelope's code and WWW-Authenticate", async () => {
    const res = await get(url("program_health", { project_id: ids.project_id!, format: "html" }), null);
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
    const page = await res.text();
    expect(page).toContain('data-error-code="invalid_api_key"');
    expect(page).toContain("Missing API key");
  });

  it("a bad param is a 400 page naming the field, escaped, never echoing the key", async () => {
    const key = h.sandbox.keys.readWrite;
    const res = await get(url("program_health", { projct_id: "<x>", format: "html" }));
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toContain('data-error-code="invalid_params"');
    expect(page).toContain("project_id: required");
    expect(page).not.toContain("<x>");
    expect(page).not.toContain(key);
  });

  it("an unknown or repeated format stays a JSON envelope", async () => {
    for (const q of ["format=htm", "format=html&format=json"]) {
      const res = await get(`${url("program_health", { project_id: ids.project_id! })}&${q}`);
      expect(res.status).toBe(400);
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
      const body = (await res.json()) as { meta: { code: string; field: string } };
      expect(body.meta).toMatchObject({ code: "invalid_params", field: "format" });
    }
  });
});

describe("a workflow without a page of its own", () => {
  it("gets a plain page: highlights, caveats, footer and its markdown as text", () => {
    const w = {
      ...(workflows[0] as Workflow),
      title: "Future report",
      markdown: () => "# <b>md</b>",
    } as Workflow;
    const page = renderReportHtml(w, {
      kind: "future_report",
      highlights: ["One <finding>."],
      meta: {
        generated_at: "2026-03-15T12:00:00.000Z",
        range: { from: "2026-03-01", to: "2026-03-15" },
        freshness: {
          checked: false,
          is_stale: null,
          checked_count: 0,
          stale_count: 0,
          never_scraped_count: 0,
          oldest_scraped_at: null,
          oldest_age_hours: null,
          stale_ids: [],
          stale_ids_truncated: false,
        },
        excluded: { pending_checked: false, pending_review: null, excluded_count: null, reason: "Unknown." },
        caveats: [{ code: "not_checked", message: "Scrape times were not read." }],
        notes: [],
        request_count: 1,
        api_generation: null,
      },
    });
    expect(page).toContain("<title>Future report</title>");
    expect(page).toContain("One &lt;finding&gt;.");
    expect(page).toContain("Scrape times were not read.");
    expect(page).toContain("Freshness: not checked.");
    expect(page).toContain("Pending videos: not checked");
    expect(page).toContain("# &lt;b&gt;md&lt;/b&gt;");
  });
});
