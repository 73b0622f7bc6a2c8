/**
 * `GET /openapi.json` and `GET /analytics/schema` (api-contract §1.1, §7.3): the JSON document as sent,
 * whether plain (as the sandbox serves it) or wrapped in the envelope; errors still read as envelopes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testClient } from "../test-helpers/fixtures.js";
import { withSandbox } from "../test-helpers/sandbox.js";
import { fail, ok, raw, startTestServer, type TestServer } from "../test-helpers/server.js";
import { NotFoundError } from "./errors.js";

const doc = { openapi: "3.1.0", info: { title: "t", version: "1" }, paths: { "/analytics": {} } };

describe("spec documents over a scripted server", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it("returns a plain document as it is", async () => {
    server.route("GET /openapi.json", raw(200, JSON.stringify(doc)));
    expect(await testClient(server.baseUrl).schema.openapi()).toEqual(doc);
  });

  it("unwraps an enveloped one", async () => {
    server.route("GET /analytics/schema", ok(doc));
    expect(await testClient(server.baseUrl).analytics.schema()).toEqual(doc);
  });

  it("maps an error envelope to its error class", async () => {
    server.route("GET /analytics/schema", fail(404, "not_found", "No such route"));
    await expect(testClient(server.baseUrl, { maxRetries: 0 }).analytics.schema()).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});

describe("spec documents from the sandbox", () => {
  const h = withSandbox();

  it("reads both documents; the analytics one lists only /analytics paths", async () => {
    const { client } = h();
    const full = await client.schema.openapi();
    const analytics = await client.analytics.schema();
    expect(full.openapi).toBe("3.1.0");
    const paths = Object.keys(analytics.paths as object);
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.every((p) => p.startsWith("/analytics"))).toBe(true);
    expect(Object.keys(full.paths as object).length).toBeGreaterThan(paths.length);
  });
});
