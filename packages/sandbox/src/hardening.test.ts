/**
 * Hostile input never breaks the sandbox (over real HTTP): body size and depth limits before any handler,
 * parser refusals with an envelope body, 405 with Allow, and client disconnects that log nothing.
 */
import { connect } from "node:net";
import { quoteValue } from "@goatkit/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type RunningSandbox, startSandbox } from "./server.js";
import { head, rawRequest } from "./test-helpers/raw-http.js";
import { NOW } from "./test-helpers/sandbox.js";

let sb: RunningSandbox;
let auth: Record<string, string>;
let creatorId: string;
let projectId: string;

beforeAll(async () => {
  sb = await startSandbox({ now: NOW, scale: "tiny", rateLimit: false, dailyQuota: false });
  auth = { authorization: `Bearer ${sb.keys.readWrite}` };
  projectId = (await (await fetch(`${sb.url}/projects`, { headers: auth })).json()).data[0].id;
  creatorId = (await (await fetch(`${sb.url}/creators?project_id=${projectId}`, { headers: auth })).json())
    .data[0].id;
});
afterAll(() => sb.stop());

const hostHeader = () => `Host: 127.0.0.1:${sb.port}`;
const authHeader = () => `Authorization: Bearer ${sb.keys.readWrite}`;
const nested = (levels: number) => `${'{"a":'.repeat(levels)}1${"}".repeat(levels)}`;

describe("body limits", () => {
  it("a 5,000-level metadata PATCH is 400 invalid_body naming the limit; the creator is untouched and readable", async () => {
    const before = await (await fetch(`${sb.url}/creators/${creatorId}`, { headers: auth })).json();
    const res = await fetch(`${sb.url}/creators/${creatorId}`, {
      method: "PATCH",
      headers: { ...auth, "content-type": "application/json" },
      body: `{"metadata":${nested(5000)}}`,
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      data: null,
      error: "Request body nests JSON deeper than the limit of 32 levels",
      meta: { code: "invalid_body" },
    });
    const after = await fetch(`${sb.url}/creators/${creatorId}`, { headers: auth });
    expect(after.status).toBe(200);
    expect(await after.json()).toEqual(before);
  });

  it("32 levels still reach the handler, which reads the body as usual", async () => {
    const metadata = JSON.parse(nested(31));
    const res = await fetch(`${sb.url}/creators/${creatorId}`, {
      method: "PATCH",
      headers: { ...auth, "content-type": "application/json" },
      body: JSON.stringify({ metadata }),
    });
    expect(res.status).toBe(200);
    expect((await res.json()).data.metadata).toEqual(metadata);
  });

  it("a 20 MB body is 413 payload_too_large and the sandbox keeps serving", async () => {
    const res = await fetch(`${sb.url}/projects/${projectId}/creators`, {
      method: "POST",
      headers: { ...auth, "content-type": "application/json" },
      body: JSON.stringify({ tiktok_handle: "huge", metadata: { blob: "x".repeat(20_000_000) } }),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({
      data: null,
      error: "Request body is larger than the 1 MiB limit",
      meta: { code: "payload_too_large" },
    });
    expect(
      (await fetch(`${sb.url}/creators?search=huge`, { headers: auth }).then((r) => r.json())).data,
    ).toEqual([]);
  });

  it("a chunked body (no Content-Length) is cut off at the limit too", async () => {
    const chunk = `100000\r\n${"x".repeat(0x100000)}\r\n`;
    const res = await rawRequest(sb.port, [
      head([
        `POST /api/v1/projects/${projectId}/creators HTTP/1.1`,
        hostHeader(),
        authHeader(),
        "Content-Type: application/json",
        "Transfer-Encoding: chunked",
      ]),
      chunk,
      chunk,
    ]);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).meta.code).toBe("payload_too_large");
  });

  it("limits are configurable", async () => {
    const small = await startSandbox({
      now: NOW,
      scale: "tiny",
      limits: { maxBodyBytes: 100, maxJsonDepth: 3 },
    });
    try {
      const post = (body: string) =>
        fetch(`${small.origin}/__sandbox/faults`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body,
        });
      expect((await post(JSON.stringify({ latencyMs: 0, pad: "x".repeat(200) }))).status).toBe(413);
      const deep = await post('{"a":{"b":{"c":{}}}}');
      expect([deep.status, (await deep.json()).error]).toEqual([
        400,
        "Request body nests JSON deeper than the limit of 3 levels",
      ]);
    } finally {
      await small.stop();
    }
  });
});

describe("parser refusals come with an envelope body", () => {
  it("a 100 KB cursor is 431 headers_too_large with an envelope, then the connection closes", async () => {
    const res = await rawRequest(
      sb.port,
      head([`GET /api/v1/creators?cursor=${"c".repeat(100_000)} HTTP/1.1`, hostHeader(), authHeader()]),
    );
    expect(res.status).toBe(431);
    expect(res.headers.connection).toBe("close");
    expect(JSON.parse(res.body)).toEqual({
      data: null,
      error: "Request line and headers are larger than the 16 KiB limit",
      meta: { code: "headers_too_large" },
    });
  });

  it("bad chunking is 400 bad_request with a body", async () => {
    const res = await rawRequest(sb.port, [
      head([
        `POST /api/v1/projects/${projectId}/creators HTTP/1.1`,
        hostHeader(),
        authHeader(),
        "Content-Type: application/json",
        "Transfer-Encoding: chunked",
      ]),
      "2\r\n{}\r\nnope\r\n",
    ]);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toEqual({
      data: null,
      error: "Malformed chunked request body",
      meta: { code: "bad_request" },
    });
  });

  it("Content-Length with Transfer-Encoding is 400 bad_request with a body", async () => {
    const res = await rawRequest(
      sb.port,
      `${head([
        `POST /api/v1/projects/${projectId}/creators HTTP/1.1`,
        hostHeader(),
        authHeader(),
        "Content-Type: application/json",
        "Content-Length: 2",
        "Transfer-Encoding: chunked",
      ])}2\r\n{}\r\n0\r\n\r\n`,
    );
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).meta.code).toBe("bad_request");
    expect(JSON.parse(res.body).error).toContain("Transfer-Encoding");
  });
});

describe("405 with Allow", () => {
  it("a wrong method on an existing path is 405 method_not_allowed with Allow and the envelope", async () => {
    const res = await fetch(`${sb.url}/creators/${creatorId}`, { method: "PUT", headers: auth });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET, HEAD, PATCH, DELETE");
    expect(await res.json()).toEqual({
      data: null,
      error: `Method PUT is not allowed on ${quoteValue(`/api/v1/creators/${creatorId}`)}; allowed: GET, HEAD, PATCH, DELETE`,
      meta: { code: "method_not_allowed" },
    });
    const operator = await fetch(`${sb.origin}/__sandbox/truth`, { method: "DELETE" });
    expect([operator.status, operator.headers.get("allow")]).toEqual([405, "GET, HEAD"]);
  });

  it("an unknown path is still 404, its path quoted short", async () => {
    const res = await fetch(`${sb.url}/${"z".repeat(5000)}`, { headers: auth });
    expect(res.status).toBe(404);
    const body = await res.json();
    expect(body.meta.code).toBe("not_found");
    expect(body.error.length).toBeLessThan(120);
  });
});

describe("client disconnects", () => {
  it("a client that disconnects mid-upload or mid-response logs nothing as an unexpected error", async () => {
    const consoleError = vi.spyOn(console, "error");
    const consoleInfo = vi.spyOn(console, "info");
    const hangUp = (request: string, afterMs: number) =>
      new Promise<void>((resolve) => {
        const socket = connect(sb.port, "127.0.0.1", () => {
          socket.write(request, () => setTimeout(() => socket.destroy(), afterMs));
        });
        socket.on("close", () => resolve());
      });
    try {
      const upload = head([
        `PATCH /api/v1/creators/${creatorId} HTTP/1.1`,
        hostHeader(),
        authHeader(),
        "Content-Type: application/json",
        "Content-Length: 50000",
      ]);
      await hangUp(`${upload}{"metadata":{"note":"`, 100);
      const chunked = head([
        `PATCH /api/v1/creators/${creatorId} HTTP/1.1`,
        hostHeader(),
        authHeader(),
        "Content-Type: application/json",
        "Transfer-Encoding: chunked",
      ]);
      await hangUp(`${chunked}5\r\n{"met`, 100);
      sb.setFaults({ latencyMs: 300 });
      await hangUp(head(["GET /api/v1/projects HTTP/1.1", hostHeader(), authHeader()]), 50);
      await new Promise((r) => setTimeout(r, 500));
      sb.setFaults({ latencyMs: 0 });
      expect(consoleError).not.toHaveBeenCalled();
      expect(consoleInfo).not.toHaveBeenCalled();
      expect((await fetch(`${sb.url}/creators/${creatorId}`, { headers: auth })).status).toBe(200);
    } finally {
      consoleError.mockRestore();
      consoleInfo.mockRestore();
    }
  });
});
