/**
 * `createServer()` / `serve()`: a Hono `fetch` on Node's HTTP server (through @hono/node-server's
 * request listener) with the hardening every goatkit server needs — a documented `maxHeaderSize`,
 * parser refusals answered with a body ({@link clientErrorHandler}), a missing `Host` or a malformed
 * request target answered 400 in the server's format, client disconnects kept out of the error log,
 * and a `close()` that does not wait for keep-alive sockets, or, given a grace period, lets the requests in
 * flight finish first ({@link trackInFlight}).
 * @module
 */
import { createServer as createHttpServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { getRequestListener, type HttpBindings, RequestError } from "@hono/node-server";
import { clientErrorHandler } from "./client-error.js";
import { isClientDisconnect } from "./disconnect.js";
import { trackInFlight } from "./drain.js";
import { CLIENT_CLOSED_REQUEST } from "./error-handler.js";
import { errorResponse, type FormatError } from "./format-error.js";
import { DEFAULT_MAX_HEADER_SIZE } from "./limits.js";

/** What answers requests: a Hono app's `fetch` (`app.fetch`). */
export type FetchHandler = (request: Request, env: HttpBindings) => Response | Promise<Response>;

export interface CreateServerOptions {
  fetch: FetchHandler;
  formatError: FormatError;
  /** Largest request line plus headers in bytes (default {@link DEFAULT_MAX_HEADER_SIZE}, 16 KiB). */
  maxHeaderSize?: number;
  /** Time allowed to receive the headers, ms (default 30 s: Node's 60 s is generous to slow clients). */
  headersTimeout?: number;
  /** Time allowed to receive the whole request, ms (default 120 s). */
  requestTimeout?: number;
  /** Where unexpected errors go (default `console.error`); client disconnects never do. */
  onError?: (err: unknown) => void;
}

export interface ServeOptions extends CreateServerOptions {
  /** Port (default 0: a free one). */
  port?: number;
  /** Interface to bind (default `127.0.0.1`). */
  host?: string;
}

export interface RunningServer {
  server: Server;
  /** The bound interface, as given. */
  host: string;
  /** The port actually bound. */
  port: number;
  /** `http://host:port`, with IPv6 in brackets and a wildcard bind shown as 127.0.0.1. */
  origin: string;
  /** Requests received whose response has not finished yet. */
  readonly inFlight: number;
  /**
   * Stops listening and closes every connection, idle keep-alive ones included. Idempotent. With
   * `graceMs`, requests in flight get up to that long to finish (answered `Connection: close`) before
   * the remaining connections are cut; a later call with a smaller grace (or none) cuts sooner.
   */
  close(options?: CloseOptions): Promise<void>;
}

export interface CloseOptions {
  /** How long requests in flight may take to finish before their connections are cut (default 0). */
  graceMs?: number;
}

type FetchCallback = Parameters<typeof getRequestListener>[0];

export const DEFAULT_HEADERS_TIMEOUT_MS = 30_000;
export const DEFAULT_REQUEST_TIMEOUT_MS = 120_000;

/** An `http.Server` (not listening yet) serving `fetch` with the hardening above. */
export function createServer(options: CreateServerOptions): Server {
  const maxHeaderSize = options.maxHeaderSize ?? DEFAULT_MAX_HEADER_SIZE;
  const onError = options.onError ?? ((err: unknown) => console.error(err));
  const { formatError } = options;
  // A client that left mid-request makes the app's body read (or its response) fail: answer nobody,
  // log nothing. Checked here, where the Node request is at hand to confirm the socket is gone.
  const fetch: FetchCallback = (request, env) => {
    const incoming = (env as HttpBindings).incoming;
    const quiet = (err: unknown) => {
      if (isClientDisconnect(err, incoming)) return new Response(null, { status: CLIENT_CLOSED_REQUEST });
      throw err;
    };
    try {
      const res = options.fetch(request, env as HttpBindings);
      return res instanceof Promise ? res.catch(quiet) : res;
    } catch (err) {
      return quiet(err);
    }
  };
  const listener = getRequestListener(fetch, {
    // Errors the app did not turn into a response: a request node-server could not build (no Host,
    // bad request target) is the client's; the rest are bugs.
    errorHandler: (err) => {
      if (err instanceof RequestError) return errorResponse(formatError, 400, "bad_request", err.message);
      onError(err);
      return errorResponse(formatError, 500, "internal_error", "Internal server error");
    },
  });
  const server = createHttpServer(
    {
      maxHeaderSize,
      // node-server answers a missing Host itself (400 through errorHandler above, with a body).
      requireHostHeader: false,
      headersTimeout: options.headersTimeout ?? DEFAULT_HEADERS_TIMEOUT_MS,
      requestTimeout: options.requestTimeout ?? DEFAULT_REQUEST_TIMEOUT_MS,
    },
    listener,
  );
  server.on("clientError", clientErrorHandler({ formatError, maxHeaderSize }));
  return server;
}

/** Thrown by {@link serve} when the port is taken, with a message fit for a terminal. */
export class PortInUseError extends Error {
  /** Node's code, kept so code that checked the raw listen error still recognises it. */
  readonly code = "EADDRINUSE";
  constructor(
    readonly port: number,
    readonly host: string,
    options?: { cause?: unknown },
  ) {
    super(
      `Port ${port} on ${host} is already in use. Pick another with --port, or --port 0 for a free one.`,
      options,
    );
    this.name = "PortInUseError";
  }
}

/** {@link createServer}, listening. Rejects with a {@link PortInUseError} for a taken port, else the listen error. */
export async function serve(options: ServeOptions): Promise<RunningServer> {
  const host = options.host ?? "127.0.0.1";
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new TypeError(`port must be 0–65535, got ${port}`);
  }
  const server = createServer(options);
  const inFlight = trackInFlight(server);
  await new Promise<void>((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) =>
      reject(err.code === "EADDRINUSE" ? new PortInUseError(port, host, { cause: err }) : err);
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      resolve();
    });
  });
  const bound = (server.address() as AddressInfo).port;
  const hostInUrl = host.includes(":") ? `[${host}]` : host === "0.0.0.0" ? "127.0.0.1" : host;
  return {
    server,
    host,
    port: bound,
    origin: `http://${hostInUrl === "[::]" ? "[::1]" : hostInUrl}:${bound}`,
    get inFlight() {
      return inFlight.size;
    },
    close(closeOptions = {}) {
      return inFlight.drain(closeOptions.graceMs ?? 0);
    },
  };
}
