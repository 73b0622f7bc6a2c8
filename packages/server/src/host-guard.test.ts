/** Host/Origin guard over real HTTP: raw Host headers, absolute-form targets and Origin headers. */
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiEnvelope } from "./format-error.js";
import { hostGuard } from "./host-guard.js";
import type { RunningServer } from "./serve.js";
import { rawRequest, serveApp } from "./test-helpers/http.js";

let server: RunningServer;
let port = 0;

beforeAll(async () => {
  const app = new Hono();
  app.use(
    "/guarded/*",
    hostGuard({
      formatError: apiEnvelope,
      allowedHosts: ["sandbox.internal"],
      listening: () => ({ host: "127.0.0.1", port }),
    }),
  );
  app.all("/guarded/x", (c) => c.text("in"));
  server = await serveApp(app);
  port = server.port;
});
afterAll(() => server.close());

const request = (host: string, extra: string[] = [], target = "/guarded/x") =>
  rawRequest(
    port,
    `${[`POST ${target} HTTP/1.1`, `Host: ${host}`, "Content-Length: 0", "Connection: close", ...extra].join("\r\n")}\r\n\r\n`,
  );

describe("hostGuard", () => {
  it("accepts the loopback names with the bound port, and configured names", async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, "sandbox.internal"]) {
      expect((await request(host)).body).toBe("in");
    }
    const fromFetch = await fetch(`${server.origin}/guarded/x`);
    expect(fromFetch.status).toBe(200);
  });

  it("403 forbidden_host for a foreign name (DNS rebinding) or another port", async () => {
    for (const host of [`evil.example:${port}`, `localhost:${port + 1}`, "localhost"]) {
      const res = await request(host);
      expect(res.status).toBe(403);
      expect(JSON.parse(res.body)).toEqual({
        data: null,
        error: `Host ${JSON.stringify(host)} is not a name this server answers to`,
        meta: { code: "forbidden_host" },
      });
    }
  });

  it("checks both the Host header and the host of an absolute-form request target", async () => {
    const res = await request(`127.0.0.1:${port}`, [], `http://evil.example:${port}/guarded/x`);
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body).meta.code).toBe("forbidden_host");
    // …and the Host header even when the target names a good host.
    const res2 = await request(`evil.example:${port}`, [], `http://127.0.0.1:${port}/guarded/x`);
    expect(res2.status).toBe(403);
  });

  it("403 forbidden_origin for a cross-site Origin or Origin: null; same origin passes", async () => {
    for (const origin of ["https://evil.example", "null", `http://localhost:${port + 1}`]) {
      const res = await request(`127.0.0.1:${port}`, [`Origin: ${origin}`]);
      expect(res.status).toBe(403);
      expect(JSON.parse(res.body).meta.code).toBe("forbidden_origin");
    }
    expect((await request(`127.0.0.1:${port}`, [`Origin: http://localhost:${port}`])).body).toBe("in");
  });

  it("quotes a hostile Host short in the message", async () => {
    const res = await request(`${"a".repeat(5000)}.example`);
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body).error.length).toBeLessThan(120);
  });
});
