/**
 * A tiny scripted HTTP server for client tests: real sockets on 127.0.0.1 (port 0), routes keyed by
 * "METHOD /path" below `/api/v1`, each a list of handlers used in turn (the last one repeats), and a
 * record of every request. Real HTTP means timeouts, dropped sockets and bad bodies are the real thing.
 * @module
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  /** Path below `/api/v1`, without the query. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
  /** The body parsed as JSON, or `undefined`. */
  json: unknown;
  /** Milliseconds since the server started, when the request arrived. */
  at: number;
}

export type Handler = (req: RecordedRequest, res: ServerResponse) => void | Promise<void>;

export interface TestServer {
  /** e.g. `http://127.0.0.1:43121/api/v1` */
  baseUrl: string;
  requests: RecordedRequest[];
  /** Sets the handlers of a route, e.g. `route("GET /creators", ok([...]))`. */
  route(key: string, ...handlers: Handler[]): void;
  /** Requests received for one route key. */
  requestsTo(key: string): RecordedRequest[];
  close(): Promise<void>;
}

const PREFIX = "/api/v1";

/** Starts a server; stop it with `close()` (in `afterEach`/`afterAll`). */
export async function startTestServer(routes: Record<string, Handler | Handler[]> = {}): Promise<TestServer> {
  const table = new Map<string, { handlers: Handler[]; calls: number }>();
  const requests: RecordedRequest[] = [];
  const started = performance.now();

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://localhost");
      const path = url.pathname.startsWith(PREFIX) ? url.pathname.slice(PREFIX.length) : url.pathname;
      const body = Buffer.concat(chunks).toString("utf8");
      const recorded: RecordedRequest = {
        method: req.method ?? "GET",
        path,
        query: url.searchParams,
        headers: req.headers,
        body,
        json: parseOrUndefined(body),
        at: performance.now() - started,
      };
      requests.push(recorded);
      const entry = table.get(`${recorded.method} ${path}`);
      if (!entry) {
        send(res, 404, {
          data: null,
          error: `no test route for ${recorded.method} ${path}`,
          meta: { code: "not_found" },
        });
        return;
      }
      const handler = entry.handlers[Math.min(entry.calls, entry.handlers.length - 1)]!;
      entry.calls++;
      Promise.resolve(handler(recorded, res)).catch((err: unknown) => {
        if (!res.headersSent)
          send(res, 599, { data: null, error: String(err), meta: { code: "test_handler_threw" } });
      });
    });
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  const api: TestServer = {
    baseUrl: `http://127.0.0.1:${port}${PREFIX}`,
    requests,
    route(key, ...handlers) {
      table.set(key, { handlers, calls: 0 });
    },
    requestsTo(key) {
      return requests.filter((r) => `${r.method} ${r.path}` === key);
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
  for (const [key, h] of Object.entries(routes)) api.route(key, ...(Array.isArray(h) ? h : [h]));
  return api;
}

function parseOrUndefined(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Writes a JSON response. */
export function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** A success envelope. */
export const ok =
  (data: unknown, meta: unknown = null, status = 200): Handler =>
  (_req, res) =>
    send(res, status, { data, error: null, meta });

/** One list page: `{ data, error: null, meta: { nextCursor, hasMore } }`. */
export const page = (data: unknown[], nextCursor: string | null): Handler =>
  ok(data, { nextCursor, hasMore: nextCursor !== null, limit: 100 });

/** An error envelope with `meta.code` (and extra meta / headers). */
export const fail =
  (
    status: number,
    code: string,
    error: string,
    extraMeta: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ): Handler =>
  (_req, res) =>
    send(res, status, { data: null, error, meta: { code, ...extraMeta } }, headers);

/** Any body, verbatim. */
export const raw =
  (status: number, text: string, contentType = "application/json"): Handler =>
  (_req, res) => {
    res.writeHead(status, { "content-type": contentType });
    res.end(text);
  };

/** Runs `handler` after `ms`: a slow server. */
export const delayed =
  (ms: number, handler: Handler): Handler =>
  (req, res) =>
    new Promise((resolve) => {
      setTimeout(() => resolve(handler(req, res)), ms);
    });

/** Closes the socket without answering: a dropped connection. */
export const hangUp = (): Handler => (_req, res) => {
  res.socket?.destroy();
};

/** Sends headers and half a body, then stalls for `ms` before finishing. */
export const stallBody =
  (ms: number): Handler =>
  (_req, res) =>
    new Promise((resolve) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"data": [');
      setTimeout(() => {
        if (!res.destroyed) res.end('], "error": null, "meta": null}');
        resolve();
      }, ms);
    });
