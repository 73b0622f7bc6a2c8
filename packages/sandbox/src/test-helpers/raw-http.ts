/**
 * Test helper: one request over a raw `node:net` socket, for what no HTTP client sends (oversized
 * headers, broken chunking, lying lengths, foreign Host headers). Reads until the server closes the
 * connection. Not shipped (excluded from the build).
 */
import { connect } from "node:net";

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Everything the server wrote. */
  raw: string;
}

/** The request head: request line, headers, blank line. */
export const head = (lines: string[]) => `${lines.join("\r\n")}\r\n\r\n`;

function parse(raw: string): RawResponse {
  const split = raw.indexOf("\r\n\r\n");
  const [statusLine = "", ...lines] = (split === -1 ? raw : raw.slice(0, split)).split("\r\n");
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const i = line.indexOf(":");
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  return {
    status: Number(statusLine.split(" ")[1]),
    headers,
    body: split === -1 ? "" : raw.slice(split + 4),
    raw,
  };
}

/** Writes `parts` one after another on a new connection to 127.0.0.1:`port`; resolves when it closes. */
export function rawRequest(port: number, parts: string | string[], timeoutMs = 5000): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`connection still open after ${timeoutMs} ms; got: ${Buffer.concat(chunks)}`));
    }, timeoutMs);
    socket.on("data", (d) => chunks.push(d));
    socket.on("error", () => {}); // a reset after the response is fine: we judge what was received
    socket.on("close", () => {
      clearTimeout(timer);
      resolve(parse(Buffer.concat(chunks).toString()));
    });
    socket.on("connect", async () => {
      for (const part of typeof parts === "string" ? [parts] : parts) {
        if (socket.destroyed) return;
        await new Promise<void>((done) => socket.write(part, () => done()));
      }
    });
  });
}
