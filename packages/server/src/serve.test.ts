/** serve(): parser refusals with a body, quiet disconnects, unexpected errors, prompt close — over raw sockets. */
import { connect } from "node:net";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { errorHandler } from "./error-handler.js";
import { apiEnvelope } from "./format-error.js";
import { PortInUseError, type RunningServer, serve } from "./serve.js";
import { rawRequest, serveApp } from "./test-helpers/http.js";

let server: RunningServer;
const unexpected: unknown[] = [];

beforeAll(async () => {
  const app = new Hono();
  app.get("/ok", (c) => c.json({ ok: true }));
  app.post("/upload", async (c) => c.json({ size: (await c.req.arrayBuffer()).byteLength }));
  app.onError(errorHandler({ formatError: apiEnvelope, onError: (err) => unexpected.push(err) }));
  server = await serveApp(app, { onError: (err) => unexpected.push(err) });
});
afterAll(() => server.close());

const head = (lines: string[]) => `${lines.join("\r\n")}\r\n\r\n`;

describe("serve: parser refusals come with the server's error body", () => {
  it("431 headers_too_large for a 100 KB header, as a complete response, then the socket closes", async () => {
    const res = await rawRequest(
      server.port,
      head(["GET /ok HTTP/1.1", "Host: 127.0.0.1", `X-Big: ${"a".repeat(100_000)}`]),
    );
    expect(res.status).toBe(431);
    expect(res.headers.connection).toBe("close");
    expect(Number(res.headers["content-length"])).toBe(Buffer.byteLength(res.body));
    expect(JSON.parse(res.body)).toEqual({
      data: null,
      error: "Request line and headers are larger than the 16 KiB limit",
      meta: { code: "headers_too_large" },
    });
  });

  it("431 for a 100 KB query string (a hostile cursor)", async () => {
    const res = await rawRequest(
      server.port,
      head([`GET /ok?cursor=${"c".repeat(100_000)} HTTP/1.1`, "Host: 127.0.0.1"]),
    );
    expect(res.status).toBe(431);
    expect(JSON.parse(res.body).meta.code).toBe("headers_too_large");
  });

  it("400 bad_request for broken chunking, even with the handler already waiting for the body", async () => {
    const res = await rawRequest(server.port, [
      head(["POST /upload HTTP/1.1", "Host: 127.0.0.1", "Transfer-Encoding: chunked"]),
      "5\r\nhello\r\n",
      "zz\r\nnot a chunk size\r\n",
    ]);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toEqual({
      data: null,
      error: "Malformed chunked request body",
      meta: { code: "bad_request" },
    });
    expect(res.raw.match(/HTTP\/1\.1/g)).toHaveLength(1); // one response, not two
    await new Promise((r) => setTimeout(r, 50));
    expect(unexpected).toEqual([]); // the handler's failed body read is the client's doing
  });

  it("400 bad_request for Content-Length together with Transfer-Encoding (request smuggling)", async () => {
    const res = await rawRequest(
      server.port,
      `${head([
        "POST /upload HTTP/1.1",
        "Host: 127.0.0.1",
        "Content-Length: 5",
        "Transfer-Encoding: chunked",
      ])}0\r\n\r\n`,
    );
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error).toBe("Content-Length and Transfer-Encoding must not be sent together");
  });

  it("400 bad_request with a body for a request without Host", async () => {
    const res = await rawRequest(server.port, head(["GET /ok HTTP/1.1", "Connection: close"]));
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({
      meta: { code: "bad_request" },
      error: expect.stringMatching(/host/i),
    });
  });

  it("400 for garbage that is not HTTP", async () => {
    const res = await rawRequest(server.port, "\x16\x03\x01 hello\r\n\r\n");
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).meta.code).toBe("bad_request");
  });

  it("maxHeaderSize is configurable and named in the message", async () => {
    const small = await serve({ fetch: new Hono().fetch, formatError: apiEnvelope, maxHeaderSize: 1024 });
    try {
      const res = await rawRequest(small.port, head(["GET / HTTP/1.1", "Host: x", `X: ${"a".repeat(2000)}`]));
      expect(res.status).toBe(431);
      expect(JSON.parse(res.body).error).toContain("1 KiB");
    } finally {
      await small.close();
    }
  });
});

describe("serve: disconnects and errors", () => {
  it("a client that disconnects mid-upload or mid-response is not an error: nothing is logged", async () => {
    const seen: unknown[] = [];
    let failedReads = 0;
    // A bare fetch handler (no Hono onError in between): its rejection reaches serve() itself.
    const s = await serve({
      fetch: async (req) => {
        if (new URL(req.url).pathname === "/slow") {
          await new Promise((r) => setTimeout(r, 150));
          return new Response(new ReadableStream({ pull: (c) => c.enqueue(new Uint8Array(65536)) }));
        }
        try {
          return new Response(String((await req.arrayBuffer()).byteLength));
        } catch (err) {
          failedReads++;
          throw err;
        }
      },
      formatError: apiEnvelope,
      onError: (err) => seen.push(err),
    });
    const consoleError = vi.spyOn(console, "error");
    const consoleInfo = vi.spyOn(console, "info");
    try {
      const hangUp = (request: string, afterMs: number) =>
        new Promise<void>((resolve) => {
          const socket = connect(s.port, "127.0.0.1", () => {
            socket.write(request, () => setTimeout(() => socket.destroy(), afterMs));
          });
          socket.on("close", () => resolve());
        });
      await hangUp(
        `${head(["POST /up HTTP/1.1", "Host: 127.0.0.1", "Content-Length: 100000"])}${"x".repeat(1000)}`,
        50,
      );
      await vi.waitFor(() => expect(failedReads).toBe(1));
      await hangUp(head(["GET /slow HTTP/1.1", "Host: 127.0.0.1"]), 250);
      await new Promise((r) => setTimeout(r, 200));
      expect(seen).toEqual([]);
      expect(consoleError).not.toHaveBeenCalled();
      expect(consoleInfo).not.toHaveBeenCalled();
    } finally {
      consoleError.mockRestore();
      consoleInfo.mockRestore();
      await s.close();
    }
  });

  it("an error the app did not handle goes to onError and answers a 500 in the server's format", async () => {
    const seen: unknown[] = [];
    const s = await serve({
      fetch: () => {
        throw new Error("boom");
      },
      formatError: apiEnvelope,
      onError: (err) => seen.push(err),
    });
    try {
      const res = await fetch(`${s.origin}/`);
      expect(res.status).toBe(500);
      expect((await res.json()).meta.code).toBe("internal_error");
      expect(seen).toEqual([new Error("boom")]);
    } finally {
      await s.close();
    }
  });

  it("close() does not wait for an idle keep-alive connection; a taken port rejects", async () => {
    const s = await serve({
      fetch: new Hono().get("/", (c) => c.text("hi")).fetch,
      formatError: apiEnvelope,
    });
    expect(s.origin).toBe(`http://127.0.0.1:${s.port}`);
    expect(await (await fetch(`${s.origin}/`, { keepalive: true })).text()).toBe("hi");
    await expect(
      serve({ fetch: new Hono().fetch, formatError: apiEnvelope, port: s.port }),
    ).rejects.toMatchObject({ name: "PortInUseError", code: "EADDRINUSE" });
    const t = performance.now();
    await s.close();
    expect(performance.now() - t).toBeLessThan(1000);
    await expect(fetch(`${s.origin}/`)).rejects.toThrow();
  });
});

describe("serve: listening", () => {
  it("a taken port rejects with a PortInUseError that says what to do", async () => {
    const err = await serve({
      fetch: () => new Response("x"),
      formatError: apiEnvelope,
      port: server.port,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PortInUseError);
    expect((err as PortInUseError).port).toBe(server.port);
    expect((err as Error).message).toMatch(/already in use.*--port 0/);
  });
});
