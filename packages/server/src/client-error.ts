/**
 * Refusals by Node's HTTP parser, with a body: headers over `maxHeaderSize`, malformed chunking,
 * `Content-Length` together with `Transfer-Encoding`, a request that took too long. Node's default
 * answers them with a bare status line; this handler writes a complete response in the server's own
 * error format (`Connection: close`), then closes the socket. A socket that is already gone, or that
 * is half-way through another response, is closed silently: those are client disconnects, not errors.
 * @module
 */
import { STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";
import type { FormatError } from "./format-error.js";
import { DEFAULT_MAX_HEADER_SIZE, formatBytes } from "./limits.js";

export interface ClientErrorOptions {
  formatError: FormatError;
  /** The server's `maxHeaderSize`, for the 431 message (default 16 KiB). */
  maxHeaderSize?: number;
}

const CLOSE_AFTER_MS = 2000;

interface Refusal {
  status: number;
  code: string;
  message: string;
}

/** A parser error as Node reports it: `code` (`HPE_*`) and llhttp's fixed `reason` text. */
export interface ParserError {
  code?: string;
  reason?: string;
}

/** The response for a parser error (`HPE_*`, `ERR_HTTP_REQUEST_TIMEOUT`). */
export function refusalFor(err: ParserError, maxHeaderSize = DEFAULT_MAX_HEADER_SIZE): Refusal {
  const bad = (message: string): Refusal => ({ status: 400, code: "bad_request", message });
  switch (err.code) {
    case "HPE_HEADER_OVERFLOW":
      return {
        status: 431,
        code: "headers_too_large",
        message: `Request line and headers are larger than the ${formatBytes(maxHeaderSize)} limit`,
      };
    case "HPE_CHUNK_EXTENSIONS_OVERFLOW":
      return { status: 413, code: "payload_too_large", message: "Chunk extensions are too large" };
    case "ERR_HTTP_REQUEST_TIMEOUT":
      return { status: 408, code: "request_timeout", message: "The request was not received in time" };
    case "HPE_UNEXPECTED_CONTENT_LENGTH":
    case "HPE_INVALID_TRANSFER_ENCODING":
      return /content-length/i.test(err.reason ?? "") || err.code === "HPE_UNEXPECTED_CONTENT_LENGTH"
        ? bad("Content-Length and Transfer-Encoding must not be sent together")
        : bad("Malformed Transfer-Encoding");
    case "HPE_INVALID_CHUNK_SIZE":
    case "HPE_STRICT":
      return bad("Malformed chunked request body");
    default:
      // llhttp's reasons are fixed texts ("Invalid method", …), never request bytes.
      return bad(`Malformed HTTP request${err.reason ? `: ${err.reason}` : ""}`);
  }
}

/** A whole HTTP/1.1 response as bytes on the wire, for a socket that has no `ServerResponse`. */
export function rawResponse(status: number, body: string, contentType: string): string {
  return [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? "Error"}`,
    `Content-Type: ${contentType}`,
    `Content-Length: ${Buffer.byteLength(body)}`,
    "Connection: close",
    "",
    body,
  ].join("\r\n");
}

/** A `clientError` listener for `http.Server` (installed by `createServer`). */
export function clientErrorHandler(options: ClientErrorOptions): (err: Error, socket: Duplex) => void {
  return (err, socket) => {
    const code = (err as NodeJS.ErrnoException).code;
    // Part of a response already went out on this socket: writing another would corrupt it.
    const inFlight = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (code === "ECONNRESET" || !socket.writable || inFlight?.headersSent) {
      socket.destroy();
      return;
    }
    const { status, code: errorCode, message } = refusalFor(err as ParserError, options.maxHeaderSize);
    const { body, contentType } = options.formatError(status, errorCode, message);
    socket.end(rawResponse(status, body, contentType), () => socket.destroy());
    // A peer that never reads could keep the flush pending: close regardless after a moment.
    setTimeout(() => socket.destroy(), CLOSE_AFTER_MS).unref();
  };
}
