import { ErrorEnvelope } from "@goatkit/core/schema";
import { describe, expect, it } from "vitest";
import { testSandbox } from "../test-helpers/sandbox.js";

const sb = testSandbox();

function expectError(res: { status: number; json: unknown }, status: number, code: string) {
  expect(res.status).toBe(status);
  const body = ErrorEnvelope.parse(res.json);
  expect(body.meta?.code).toBe(code);
  return body;
}

describe("authentication", () => {
  it.each([
    ["missing", null, undefined],
    ["malformed", "tga_not-hex", undefined],
    ["unknown", `tga_${"ab".repeat(32)}`, undefined],
    ["revoked", "revoked", undefined],
    ["not a Bearer", null, { authorization: `Basic ${sb.keys.readWrite}` }],
  ])("%s key → 401 invalid_api_key", async (_name, key, headers) => {
    const res = await sb.get("/projects", { key: key === "revoked" ? sb.keys.revoked : key, headers });
    const body = expectError(res, 401, "invalid_api_key");
    expect(body.error).toBe("Invalid or missing API key");
  });

  it("read-only key: GET works, writes are 403 insufficient_scope with required and granted", async () => {
    expect((await sb.get("/projects", { key: sb.keys.readOnly })).status).toBe(200);
    const creator = sb.state.world.creators.find((c) => c._org_id === sb.orgA)!;
    for (const method of ["POST", "PATCH", "DELETE"]) {
      const res = await sb.call(method, `/creators/${creator.id}`, {
        key: sb.keys.readOnly,
        body: { readme: "x" },
      });
      const body = expectError(res, 403, "insufficient_scope");
      expect(body.error).toBe("This action requires the 'write' scope. Granted: [read]");
      expect(body.meta).toMatchObject({ required: "write", granted: ["read"] });
    }
  });

  it("admin routes need the admin scope before they can answer 501", async () => {
    const res = await sb.get("/admin/users");
    const body = expectError(res, 403, "insufficient_scope");
    expect(body.meta).toMatchObject({ required: "admin", granted: ["read", "write"] });
  });
});

describe("error envelope", () => {
  it("unknown route → 404 not_found envelope", async () => {
    expectError(await sb.get("/no-such-thing"), 404, "not_found");
    const wrongMethod = await sb.call("PUT", "/creators");
    expectError(wrongMethod, 405, "method_not_allowed");
    expect(wrongMethod.headers.get("allow")).toBe("GET, HEAD");
    const outside = await sb.app.request("/elsewhere");
    expect(outside.status).toBe(404);
    expect(ErrorEnvelope.parse(await outside.json()).meta?.code).toBe("not_found");
  });

  it.each([
    ["GET", "/organizations"],
    ["GET", "/organizations/abc/members"],
    ["POST", "/invitations"],
    ["DELETE", "/api-keys/abc"],
    ["POST", "/projects"],
    ["PATCH", "/projects/abc"],
    ["GET", "/analytics/aggregate/outliers"],
    ["GET", "/analytics/aggregate/member-overlap"],
  ])("%s %s → 501 not_implemented", async (method, path) => {
    expectError(
      await sb.call(method, path, { body: method === "GET" ? undefined : {} }),
      501,
      "not_implemented",
    );
  });

  it("an unexpected exception is a 500 internal_error envelope with no stack trace", async () => {
    const s = testSandbox({ logErrors: false });
    s.state.project = () => {
      throw new Error("secret internals at /src/file.ts:12");
    };
    const res = await s.get("/projects/abc");
    const body = expectError(res, 500, "internal_error");
    expect(res.text).not.toContain("secret");
    expect(body.error).toBe("Internal server error");
  });

  it("a path id that cannot be an id → 400 invalid_params", async () => {
    expectError(await sb.get(`/creators/${"x".repeat(65)}`), 400, "invalid_params");
    expectError(await sb.get("/creators/a.b"), 400, "invalid_params");
  });
});
