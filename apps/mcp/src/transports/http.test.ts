/**
 * Streamable HTTP: the SDK's own HTTP client with the bearer token; refusals (no token, a foreign Host or
 * Origin, an oversized body, no session) answered as JSON-RPC errors; sessions opened and closed.
 */
import { request } from "node:http";
import { type SandboxHarness, startTestSandbox } from "@goatkit/core-test-helpers/sandbox.js";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContext } from "../context.js";
import { MAX_BODY_BYTES, type RunningHttpServer, startHttpServer } from "./http.js";

let sb: SandboxHarness;
let http: RunningHttpServer;
beforeAll(async () => {
  sb = await startTestSandbox();
  const context = createContext({
    apiKey: sb.sandbox.keys.readWrite,
    baseUrl: sb.sandbox.url,
    rateLimit: false,
  });
  http = await startHttpServer({ context, log: () => {} });
});
afterAll(async () => {
  await http?.close();
  await sb?.sandbox.stop();
});

async function client(
  token = http.token,
): Promise<{ client: Client; transport: StreamableHTTPClientTransport }> {
  const transport = new StreamableHTTPClientTransport(new URL(http.url), {
    requestInit: { headers: { authorization: `Bearer ${token}` } },
  });
  const c = new Client({ name: "http-test", version: "0" });
  await c.connect(transport);
  return { client: c, transport };
}

/** A raw request, for headers fetch will not let us set (Host). */
function raw(options: { method?: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>(
    (resolve, reject) => {
      const req = request(
        `${http.url}`,
        {
          method: options.method ?? "POST",
          headers: {
            "content-type": "application/json",
            accept: "application/json, text/event-stream",
            ...options.headers,
          },
        },
        (res) => {
          let body = "";
          res.on("data", (d) => {
            body += d;
          });
          res.on("end", () => resolve({ status: res.statusCode!, body, headers: res.headers }));
        },
      );
      req.on("error", reject);
      req.end(options.body ?? "{}");
    },
  );
}

const auth = () => ({ authorization: `Bearer ${http.token}` });
const init = JSON.stringify({
  jsonrpc: "2.0",
  id: 1,
  method: "initialize",
  params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "raw", version: "0" } },
});

describe("over Streamable HTTP", () => {
  it("lists tools and answers a tool call through the SDK's HTTP client", async () => {
    const { client: c } = await client();
    const { tools } = await c.listTools();
    expect(tools.map((t) => t.name)).toContain("program_health");
    const r = await c.callTool({ name: "orient", arguments: {} });
    expect(r.isError).toBeFalsy();
    expect((r.structuredContent as { projects: unknown[] }).projects.length).toBe(2);
    await c.close();
  });

  it("keeps one session per client and ends it on DELETE", async () => {
    const a = await client();
    const b = await client();
    expect(http.sessions).toBeGreaterThanOrEqual(2);
    const before = http.sessions;
    await a.transport.terminateSession();
    expect(http.sessions).toBe(before - 1);
    const gone = await raw({
      headers: { ...auth(), "mcp-session-id": a.transport.sessionId ?? "x" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 2, method: "tools/list" }),
    });
    expect(gone.status).toBe(404);
    await a.client.close();
    await b.client.close();
  });

  it("closes a session idle past sessionIdleMs, keeping the busy one", async () => {
    const context = createContext({
      apiKey: sb.sandbox.keys.readWrite,
      baseUrl: sb.sandbox.url,
      rateLimit: false,
    });
    const logged: string[] = [];
    const idle = await startHttpServer({ context, log: (l) => logged.push(l), sessionIdleMs: 1000 });
    try {
      const connect = async () => {
        const transport = new StreamableHTTPClientTransport(new URL(idle.url), {
          requestInit: { headers: { authorization: `Bearer ${idle.token}` } },
        });
        const c = new Client({ name: "idle-test", version: "0" });
        await c.connect(transport);
        return { c, transport };
      };
      const quiet = await connect();
      const busy = await connect();
      expect(idle.sessions).toBe(2);
      // The quiet session idles 2.5 s (past the 1 s limit); the busy one is never 1 s without a request.
      for (let i = 0; i < 25; i++) {
        await new Promise((r) => setTimeout(r, 100));
        await busy.c.listTools();
      }
      expect(idle.sessions).toBe(1);
      const gone = await fetch(idle.url, {
        method: "POST",
        headers: {
          authorization: `Bearer ${idle.token}`,
          "content-type": "application/json",
          accept: "application/json, text/event-stream",
          "mcp-session-id": quiet.transport.sessionId ?? "x",
        },
        body: JSON.stringify({ jsonrpc: "2.0", id: 9, method: "tools/list" }),
      });
      expect(gone.status).toBe(404);
      expect(((await gone.json()) as { error: { message: string } }).error.message).toMatch(/expired/);
      expect((await busy.c.listTools()).tools.length).toBeGreaterThan(0);
      const quietId = quiet.transport.sessionId ?? "?";
      expect(logged.filter((l) => /idle/.test(l))).toEqual([
        expect.stringMatching(new RegExp(`session ${quietId.slice(0, 8)}…, idle for 1 s$`)),
      ]);
      expect(logged.join("\n")).not.toContain(quietId);
      await quiet.c.close();
      await busy.c.close();
    } finally {
      await idle.close();
    }
  });

  it("refuses a request without the token (401), never echoing the token", async () => {
    const r = await raw({ body: init });
    expect(r.status).toBe(401);
    expect(r.headers["www-authenticate"]).toBe("Bearer");
    expect(JSON.parse(r.body)).toMatchObject({ jsonrpc: "2.0", error: { code: -32000 }, id: null });
    const wrong = await raw({ headers: { authorization: "Bearer nope-nope-nope-nope" }, body: init });
    expect(wrong.status).toBe(401);
    expect(wrong.body).not.toContain(http.token);
    await expect(client("wrong-token-123456")).rejects.toThrow();
  });

  it("refuses a foreign Host (DNS rebinding) and a foreign Origin (403)", async () => {
    const host = await raw({ headers: { ...auth(), host: "evil.example:80" }, body: init });
    expect(host.status).toBe(403);
    expect(JSON.parse(host.body).error.data.code).toBe("forbidden_host");
    const origin = await raw({ headers: { ...auth(), origin: "https://evil.example" }, body: init });
    expect(origin.status).toBe(403);
    expect(JSON.parse(origin.body).error.data.code).toBe("forbidden_origin");
  });

  it("limits the body size and asks for initialize first", async () => {
    const big = await raw({ headers: auth(), body: JSON.stringify({ pad: "x".repeat(MAX_BODY_BYTES) }) });
    expect(big.status).toBe(413);
    const noSession = await raw({
      headers: auth(),
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }),
    });
    expect(noSession.status).toBe(400);
    expect(JSON.parse(noSession.body).error.message).toMatch(/initialize/);
    const notJson = await raw({ headers: auth(), body: "{nope" });
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.body).error.code).toBe(-32700);
  });
});
