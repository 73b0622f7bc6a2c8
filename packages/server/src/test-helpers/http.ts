/**
 * Test helpers: serve a Hono app on a free loopback port, and talk to it over a raw `node:net` socket
 * (for requests no HTTP client would send: oversized headers, broken chunking, lying lengths).
 */
import { connect } from "node:net";
import type { Hono } from "hono";
import { apiEnvelope } from "../format-error.js";
import { type RunningServer, type ServeOptions, serve } from "../serve.js";

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Everything the server wrote before closing. */
  raw: string;
}

/** Starts `app` on 127.0.0.1 port 0 with the API envelope as error format. */
export function serveApp(app: Hono, options: Partial<ServeOptions> = {}): Promise<RunningServer> {
  return serve({ fetch: app.fetch, formatError: apiEnvelope, ...options });
}

export function parseRaw(raw: string): RawResponse {
  const split = raw.indexOf("\r\n\r\n");
  const head = split === -1 ? raw : raw.slice(0, split);
  const [statusLine = "", ...lines] = head.split("\r\n");
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const i = line.indexOf(":");
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  let body = split === -1 ? "" : raw.slice(split + 4);
  if (headers["transfer-encoding"] === "chunked") {
    let out = "";
    let rest = body;
    for (;;) {
      const eol = rest.indexOf("\r\n");
      const size = Number.parseInt(rest.slice(0, eol), 16);
      if (!(size > 0)) break;
      out += rest.slice(eol + 2, eol + 2 + size);
      rest = rest.slice(eol + 2 + size + 2);
    }
    body = out;
  }
  return { status: Number(statusLine.split(" ")[1]), headers, body, raw };
}

/**
 * Writes `parts` to a fresh connection (a string, or an array written one after another), then reads
 * until the server closes the connection or `timeoutMs` passes.
 */
export function rawRequest(
  port: number,
  parts: string | Array<string | Buffer>,
  timeoutMs = 5000,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no close within ${timeoutMs} ms; got: ${Buffer.concat(chunks).toString()}`));
    }, timeoutMs);
    socket.on("data", (d) => chunks.push(d));
    socket.on("error", () => {}); // a reset after the response is fine: we judge what was received
    socket.on("close", () => {
      clearTimeout(timer);
      resolve(parseRaw(Buffer.concat(chunks).toString()));
    });
    socket.on("connect", async () => {
      for (const part of typeof parts === "string" ? [parts] : parts) {
        if (socket.destroyed) return;
        await new Promise<void>((done) => socket.write(part, () => done()));
      }
    });
  });
}
