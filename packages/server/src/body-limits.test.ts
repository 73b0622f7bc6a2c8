/** Body limits over real HTTP: Content-Length and chunked bodies, depth, and the body still readable after. */
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bodyLimits } from "./body-limits.js";
import { apiEnvelope } from "./format-error.js";
import { DEFAULT_MAX_BODY_BYTES } from "./limits.js";
import type { RunningServer } from "./serve.js";
import { rawRequest, serveApp } from "./test-helpers/http.js";

let server: RunningServer;
let handled = 0;

beforeAll(async () => {
  const app = new Hono();
  app.use("/small/*", bodyLimits({ formatError: apiEnvelope, maxBytes: 1024, maxDepth: 4 }));
  app.use("/default/*", bodyLimits({ formatError: apiEnvelope }));
  // Reads the body three ways: the cached bytes must serve them all.
  app.post("/small/echo", async (c) => {
    handled++;
    const text = await c.req.text();
    const json = await c.req.json();
    return c.json({ text, json });
  });
  app.post("/small/bytes", async (c) => c.json([...new Uint8Array(await c.req.arrayBuffer())]));
  app.on(["GET", "POST"], "/small/bare", (c) => c.text("ok"));
  app.post("/default/size", async (c) => c.json({ size: (await c.req.arrayBuffer()).byteLength }));
  server = await serveApp(app);
});
afterAll(() => server.close());

const post = (path: string, body: BodyInit, headers: Record<string, string> = {}) =>
  fetch(`${server.origin}${path}`, {
    method: "POST",
    body,
    headers: { "content-type": "application/json", ...headers },
  });

const nested = (levels: number) => `${'{"a":'.repeat(levels)}1${"}".repeat(levels)}`;

describe("bodyLimits", () => {
  it("passes a body within the limits to the handler, still readable as text and JSON", async () => {
    const res = await post("/small/echo", nested(4));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ text: nested(4), json: { a: { a: { a: { a: 1 } } } } });
  });

  it("keeps non-UTF-8 bytes intact", async () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x00, 0x7b, 0x80]);
    const res = await post("/small/bytes", bytes, { "content-type": "application/octet-stream" });
    expect(await res.json()).toEqual([...bytes]);
  });

  it("413 payload_too_large by Content-Length, before the handler", async () => {
    const before = handled;
    const res = await post("/small/echo", `"${"x".repeat(2000)}"`);
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({
      data: null,
      error: "Request body is larger than the 1 KiB limit",
      meta: { code: "payload_too_large" },
    });
    expect(handled).toBe(before);
  });

  it("413 for a chunked body (no Content-Length) once it passes the limit", async () => {
    const chunk = `400\r\n${"x".repeat(0x400)}\r\n`;
    const res = await rawRequest(server.port, [
      "POST /small/echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n",
      chunk,
      chunk,
      chunk,
    ]);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).meta.code).toBe("payload_too_large");
  });

  it("a chunked body within the limit reaches the handler", async () => {
    const body = nested(2);
    const res = await rawRequest(server.port, [
      "POST /small/echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n",
      `${body.length.toString(16)}\r\n${body}\r\n`,
      "0\r\n\r\n",
    ]);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body).json).toEqual({ a: { a: 1 } });
  });

  it("400 invalid_body naming the limit for nesting deeper than maxDepth, whatever the Content-Type", async () => {
    const before = handled;
    for (const type of ["application/json", "text/plain"]) {
      const res = await post("/small/echo", nested(5), { "content-type": type });
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({
        data: null,
        error: "Request body nests JSON deeper than the limit of 4 levels",
        meta: { code: "invalid_body" },
      });
    }
    expect(handled).toBe(before);
  });

  it("defaults: 1 MiB passes, one byte more is 413", async () => {
    const ok = await post("/default/size", new Uint8Array(DEFAULT_MAX_BODY_BYTES));
    expect(await ok.json()).toEqual({ size: DEFAULT_MAX_BODY_BYTES });
    const tooBig = await post("/default/size", new Uint8Array(DEFAULT_MAX_BODY_BYTES + 1));
    expect(tooBig.status).toBe(413);
    expect((await tooBig.json()).error).toContain("1 MiB");
  });

  it("a request that frames no body passes untouched; one that frames a body is still checked", async () => {
    const bare = await rawRequest(
      server.port,
      "POST /small/bare HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    );
    expect(bare.status).toBe(200);
    const big = "x".repeat(2048);
    const framed = await rawRequest(
      server.port,
      `POST /small/bare HTTP/1.1\r\nHost: x\r\nContent-Length: ${big.length}\r\nConnection: close\r\n\r\n${big}`,
    );
    expect(framed.status).toBe(413);
  });

  it("rejects nonsense limits when the middleware is built", () => {
    expect(() => bodyLimits({ formatError: apiEnvelope, maxBytes: 0 })).toThrow(/maxBytes/);
    expect(() => bodyLimits({ formatError: apiEnvelope, maxDepth: 1.5 })).toThrow(/maxDepth/);
  });
});
