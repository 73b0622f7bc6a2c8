/**
 * Telling "the client went away" from a server bug. A client that closes its connection mid-upload or
 * mid-response (or sends a body the parser rejects half-way) makes the body read fail; that is
 * ordinary traffic, not an unexpected server error, and must not be logged as one.
 * @module
 */
import type { IncomingMessage } from "node:http";

const DISCONNECT_CODES = new Set([
  "ECONNRESET",
  "ECONNABORTED",
  "EPIPE",
  "ERR_STREAM_PREMATURE_CLOSE",
  "ERR_STREAM_DESTROYED",
  "UND_ERR_SOCKET",
]);

/**
 * True when `err` comes from the client disconnecting or breaking the request mid-way: a socket error
 * code (`ECONNRESET`, `EPIPE`, …), an HTTP parser error (`HPE_*`), an `AbortError`, or — when the Node
 * request is at hand — a request that was aborted or whose socket is gone.
 */
export function isClientDisconnect(err: unknown, incoming?: IncomingMessage): boolean {
  if (incoming && (incoming.readableAborted || incoming.socket?.destroyed)) return true;
  for (let e = err, i = 0; e instanceof Error && i < 4; e = e.cause, i++) {
    const code = (e as NodeJS.ErrnoException).code;
    if (typeof code === "string" && (DISCONNECT_CODES.has(code) || code.startsWith("HPE_"))) return true;
    if (e.name === "AbortError") return true;
  }
  return false;
}
