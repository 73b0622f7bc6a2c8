import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { apiEnvelope } from "./format-error.js";
import { isJsonContentType, requireJson } from "./require-json.js";

const app = new Hono();
app.use("*", requireJson({ formatError: apiEnvelope }));
app.all("/", (c) => c.text("in"));

describe("requireJson", () => {
  it("passes JSON bodies, safe methods, and a POST with neither body nor Content-Type", async () => {
    const json = { "content-type": "application/json; charset=utf-8" };
    expect((await app.request("/", { method: "POST", headers: json, body: "{}" })).status).toBe(200);
    expect((await app.request("/", { method: "GET" })).status).toBe(200);
    expect((await app.request("/", { method: "POST", headers: { "content-length": "0" } })).status).toBe(200);
  });

  it.each([
    ["text/plain", "{}"],
    ["application/x-www-form-urlencoded", "outage=true"],
    ["multipart/form-data; boundary=x", "--x--"],
  ])("415 unsupported_media_type for %s (a cross-site form)", async (type, body) => {
    const res = await app.request("/", { method: "POST", headers: { "content-type": type }, body });
    expect(res.status).toBe(415);
    expect(await res.json()).toEqual({
      data: null,
      error: `Content-Type must be application/json (got ${JSON.stringify(type)})`,
      meta: { code: "unsupported_media_type" },
    });
  });

  it("415 for a body without Content-Type", async () => {
    const res = await app.request("/", {
      method: "PATCH",
      headers: { "content-length": "2" },
      body: new Uint8Array([123, 125]),
    });
    expect(res.status).toBe(415);
  });

  it("knows JSON media types", () => {
    expect(isJsonContentType("application/json")).toBe(true);
    expect(isJsonContentType("Application/Merge-Patch+JSON")).toBe(true);
    expect(isJsonContentType("application/jsonp")).toBe(false);
    expect(isJsonContentType("text/json")).toBe(false);
  });
});
