/**
 * The API reference page: Scalar's page pointed at the proxy's own OpenAPI document, its script served
 * by the proxy (gzipped when asked) and nothing referenced off-host, a clear 503 when the script is not
 * installed, and public in team gateway mode (it holds no data). Chromium renders it in
 * src/html/pages.chromium.test.ts.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { Hono } from "hono";
import { afterAll, describe, expect, it } from "vitest";
import { createProxy } from "../server.js";
import { tokensFixture } from "../test-helpers/tokens.js";
import { referenceRoutes } from "./reference.js";

const dir = mkdtempSync(join(tmpdir(), "goatkit-reference-"));
const script = join(dir, "standalone.js");
const SCRIPT = `window.Scalar = { createApiReference() {} }; // ${"x".repeat(2000)}`;
writeFileSync(script, SCRIPT);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const app = (scriptPath: string) => new Hono().route("/goatkit/v1", referenceRoutes({ scriptPath }));

describe("GET /goatkit/v1/reference", () => {
  it("is Scalar's page on ./openapi.json with the script from ./reference/scalar.js and no web fonts", async () => {
    const res = await app(script).request("/goatkit/v1/reference");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    const page = await res.text();
    expect(page).toContain('<script src="reference/scalar.js"></script>');
    expect(page).toContain('"url": "openapi.json"');
    expect(page).toContain('"withDefaultFonts": false');
    const refs = [...page.matchAll(/\b(?:src|href)\s*=\s*["']([^"']+)/gi)].map((m) => m[1]!);
    expect(refs).toEqual(["reference/scalar.js"]);
    expect(page).not.toMatch(/https?:\/\//);
  });

  it("serves the script, gzipped when the client accepts it", async () => {
    const plain = await app(script).request("/goatkit/v1/reference/scalar.js");
    expect(plain.status).toBe(200);
    expect(plain.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(await plain.text()).toBe(SCRIPT);

    const zipped = await app(script).request("/goatkit/v1/reference/scalar.js", {
      headers: { "accept-encoding": "gzip, br" },
    });
    expect(zipped.headers.get("content-encoding")).toBe("gzip");
    expect(zipped.headers.get("vary")).toBe("Accept-Encoding");
    const bytes = Buffer.from(await zipped.arrayBuffer());
    expect(bytes.length).toBeLessThan(SCRIPT.length);
    expect(gunzipSync(bytes).toString()).toBe(SCRIPT);
  });

  it("answers 503 reference_unavailable in the envelope when the script is not installed", async () => {
    const res = await app(join(dir, "missing.js")).request("/goatkit/v1/reference/scalar.js");
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ data: null, meta: { code: "reference_unavailable" } });
  });

  it("is public in team gateway mode, where the workflows need a token", async () => {
    const fixture = await tokensFixture([{ name: "alice", scope: "read" }]);
    try {
      const proxy = createProxy({
        upstream: "http://127.0.0.1:9/api/v1",
        metrics: false,
        gateway: { teamKey: `tga_${"0".repeat(64)}`, tokens: fixture.path },
      });
      expect((await proxy.app.request("/goatkit/v1/reference")).status).toBe(200);
      // 200, or 503 where @scalar/api-reference is not installed: either way, no token asked for.
      expect([200, 503]).toContain((await proxy.app.request("/goatkit/v1/reference/scalar.js")).status);
      expect((await proxy.app.request("/goatkit/v1/program_health?project_id=x")).status).toBe(401);
    } finally {
      await fixture.cleanup();
    }
  });
});
