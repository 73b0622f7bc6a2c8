/**
 * The operator endpoints' guards over real HTTP: JSON-only POSTs (no cross-site form can switch on an
 * outage), the Host/Origin check against DNS rebinding, and the operator token.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningSandbox, startSandbox } from "../server.js";
import { head, rawRequest } from "../test-helpers/raw-http.js";
import { NOW } from "../test-helpers/sandbox.js";

const TOKEN = "operator-token-0123456789";
let sb: RunningSandbox;

beforeAll(async () => {
  sb = await startSandbox({ now: NOW, scale: "tiny", rateLimit: false, allowedHosts: ["sandbox.test"] });
});
afterAll(() => sb.stop());

const faults = async (origin = sb.origin, headers: Record<string, string> = {}) =>
  (await fetch(`${origin}/__sandbox/faults`, { headers })).json();

describe("operator POSTs must be JSON", () => {
  it.each([
    ["text/plain", '{"outage":true}'],
    ["application/x-www-form-urlencoded", "outage=true"],
    [
      "multipart/form-data; boundary=b",
      '--b\r\nContent-Disposition: form-data; name="outage"\r\n\r\ntrue\r\n--b--',
    ],
  ])("a %s POST (what a cross-site form sends) is 415 and switches nothing on", async (type, body) => {
    const res = await fetch(`${sb.origin}/__sandbox/faults`, {
      method: "POST",
      headers: { "content-type": type },
      body,
    });
    expect(res.status).toBe(415);
    expect((await res.json()).meta.code).toBe("unsupported_media_type");
    expect((await faults()).outage).toBe(false);
    expect(
      (await fetch(`${sb.url}/projects`, { headers: { authorization: `Bearer ${sb.keys.readWrite}` } }))
        .status,
    ).toBe(200);
  });

  it("a JSON POST works; a bodyless POST without Content-Type (curl -X POST) too", async () => {
    const res = await fetch(`${sb.origin}/__sandbox/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"latencyMs":0}',
    });
    expect([res.status, (await res.json()).latencyMs]).toEqual([200, 0]);
    const reset = await fetch(`${sb.origin}/__sandbox/requests/reset`, { method: "POST" });
    expect(reset.status).toBe(200);
  });

  it("invalid settings are a 400 envelope naming the problem", async () => {
    const res = await fetch(`${sb.origin}/__sandbox/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"errorRate":3}',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      data: null,
      meta: { code: "invalid_body" },
      error: expect.stringContaining("errorRate"),
    });
  });
});

describe("Host and Origin checks", () => {
  const operatorPost = (host: string, extra: string[] = []) =>
    rawRequest(
      sb.port,
      `${head([
        "POST /__sandbox/faults HTTP/1.1",
        `Host: ${host}`,
        "Content-Type: application/json",
        "Content-Length: 15",
        "Connection: close",
        ...extra,
      ])}{"outage":true}`,
    );

  it("a foreign Host (DNS rebinding) is 403 forbidden_host and switches nothing on", async () => {
    for (const host of [`rebind.evil.example:${sb.port}`, `127.0.0.1:${sb.port + 1}`]) {
      const res = await operatorPost(host);
      expect(res.status).toBe(403);
      expect(JSON.parse(res.body)).toEqual({
        data: null,
        error: `Host ${JSON.stringify(host)} is not a name this server answers to`,
        meta: { code: "forbidden_host" },
      });
    }
    expect((await faults()).outage).toBe(false);
  });

  it("a cross-site Origin is 403 forbidden_origin", async () => {
    const res = await operatorPost(`localhost:${sb.port}`, ["Origin: https://evil.example"]);
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body).meta.code).toBe("forbidden_origin");
    expect((await faults()).outage).toBe(false);
  });

  it("loopback names on the bound port and configured names are accepted", async () => {
    for (const host of [`localhost:${sb.port}`, `127.0.0.1:${sb.port}`, "sandbox.test"]) {
      const res = await rawRequest(
        sb.port,
        head(["GET /__sandbox/health HTTP/1.1", `Host: ${host}`, "Connection: close"]),
      );
      expect(res.status).toBe(200);
    }
  });

  it("on loopback, /api/v1 refuses a foreign Host too (the demo keys are public)", async () => {
    const get = (host: string) =>
      rawRequest(
        sb.port,
        head([
          "GET /api/v1/projects HTTP/1.1",
          `Host: ${host}`,
          `Authorization: Bearer ${sb.keys.readWrite}`,
          "Connection: close",
        ]),
      );
    const foreign = await get(`rebind.evil.example:${sb.port}`);
    expect([foreign.status, JSON.parse(foreign.body).meta.code]).toEqual([403, "forbidden_host"]);
    expect((await get("sandbox.test")).status).toBe(200);
  });
});

describe("operator token", () => {
  it("when set, every operator request needs it (Bearer or X-Sandbox-Operator-Token); the API does not", async () => {
    const s = await startSandbox({ now: NOW, scale: "tiny", operatorToken: TOKEN });
    try {
      const missing = await fetch(`${s.origin}/__sandbox/truth`);
      expect([missing.status, (await missing.json()).meta.code]).toEqual([401, "unauthorized"]);
      const wrong = await fetch(`${s.origin}/__sandbox/truth`, {
        headers: { authorization: `Bearer ${TOKEN}x` },
      });
      expect(wrong.status).toBe(401);
      expect((await faults(s.origin, { authorization: `Bearer ${TOKEN}` })).outage).toBe(false);
      expect((await faults(s.origin, { "x-sandbox-operator-token": TOKEN })).outage).toBe(false);
      const api = await fetch(`${s.url}/projects`, {
        headers: { authorization: `Bearer ${s.keys.readWrite}` },
      });
      expect(api.status).toBe(200);
    } finally {
      await s.stop();
    }
  });

  it("binding beyond loopback without a token is refused, with a message saying what to do", async () => {
    await expect(startSandbox({ now: NOW, scale: "tiny", host: "0.0.0.0" })).rejects.toThrow(
      /exposes the operator endpoints.*--operator-token/,
    );
    await expect(
      startSandbox({ now: NOW, scale: "tiny", host: "0.0.0.0", operatorToken: "short" }),
    ).rejects.toThrow(/operatorToken must be at least 16 characters/);
  });

  it("bound beyond loopback with a token: the API answers any Host, the operator endpoints only known ones", async () => {
    const s = await startSandbox({ now: NOW, scale: "tiny", host: "0.0.0.0", operatorToken: TOKEN });
    try {
      expect(s.origin).toBe(`http://127.0.0.1:${s.port}`);
      const api = await rawRequest(
        s.port,
        head([
          "GET /api/v1/projects HTTP/1.1",
          "Host: sandbox:4010",
          `Authorization: Bearer ${s.keys.readWrite}`,
          "Connection: close",
        ]),
      );
      expect(api.status).toBe(200);
      const operator = await rawRequest(
        s.port,
        head([
          "GET /__sandbox/health HTTP/1.1",
          `Host: rebind.evil.example:${s.port}`,
          `Authorization: Bearer ${TOKEN}`,
          "Connection: close",
        ]),
      );
      expect(operator.status).toBe(403);
      expect((await faults(s.origin, { authorization: `Bearer ${TOKEN}` })).outage).toBe(false);
    } finally {
      await s.stop();
    }
  });
});
