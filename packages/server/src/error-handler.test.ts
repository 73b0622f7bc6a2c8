import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { describe, expect, it } from "vitest";
import { errorHandler } from "./error-handler.js";
import { apiEnvelope } from "./format-error.js";

function app(seen: unknown[]) {
  const a = new Hono();
  a.onError(errorHandler({ formatError: apiEnvelope, onError: (err) => seen.push(err) }));
  a.get("/bug", () => {
    throw new TypeError("x is undefined");
  });
  a.get("/gone", () => {
    throw Object.assign(new Error("aborted"), { code: "ECONNRESET" });
  });
  a.get("/teapot", () => {
    throw new HTTPException(418, { message: "short and stout" });
  });
  return a;
}

describe("errorHandler", () => {
  it("a bug is logged once and answers 500 internal_error without details", async () => {
    const seen: unknown[] = [];
    const res = await app(seen).request("/bug");
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({
      data: null,
      error: "Internal server error",
      meta: { code: "internal_error" },
    });
    expect(seen).toEqual([new TypeError("x is undefined")]);
  });

  it("a client disconnect is logged nowhere", async () => {
    const seen: unknown[] = [];
    const res = await app(seen).request("/gone");
    expect(res.status).toBe(499);
    expect(seen).toEqual([]);
  });

  it("an HTTPException keeps its own response", async () => {
    const res = await app([]).request("/teapot");
    expect([res.status, await res.text()]).toEqual([418, "short and stout"]);
  });
});
