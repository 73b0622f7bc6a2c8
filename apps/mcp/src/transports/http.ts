/**
 * Streamable HTTP: `POST/GET/DELETE /mcp` with sessions (one MCP server per session over the process's
 * shared context, so every session shares one cache and one rate budget). Hardened with
 * `@goatkit/server`: Host/Origin validation against DNS rebinding (the MCP specification requires it for
 * local servers), a bearer token of its own (never the trackagoat key), body limits, and refusals
 * written as JSON-RPC errors.
 * @module
 */
import { randomBytes, randomUUID } from "node:crypto";
import {
  bodyLimits,
  type FormatError,
  hostGuard,
  type ListenAddress,
  type RunningServer,
  serve,
  tokenGuard,
} from "@goatkit/server";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { isInitializeRequest } from "@modelcontextprotocol/sdk/types.js";
import { Hono } from "hono";
import type { ServerContext } from "../context.js";
import { createMcpServer, type McpServerOptions, stderrLog } from "../server.js";

export const MCP_PATH = "/mcp";
/** Sessions kept at once; the least recently used is closed past this. */
export const MAX_SESSIONS = 64;
export const MAX_BODY_BYTES = 256 * 1024;
/** A session with no request for this long is closed (its client re-initializes on the 404). */
export const DEFAULT_SESSION_IDLE_MS = 30 * 60_000;

/** Refusals as JSON-RPC errors (no request id: the request was never read). */
export const jsonRpcError: FormatError = (_status, code, message) => ({
  body: JSON.stringify({ jsonrpc: "2.0", error: { code: -32000, message, data: { code } }, id: null }),
  contentType: "application/json",
});

const rpcError = (status: number, code: number, message: string) =>
  new Response(JSON.stringify({ jsonrpc: "2.0", error: { code, message }, id: null }), {
    status,
    headers: { "content-type": "application/json" },
  });

export interface HttpServerOptions extends McpServerOptions {
  context: ServerContext;
  port?: number;
  host?: string;
  /** The bearer token clients must send; default: a random one (read it from the result). */
  token?: string | undefined;
  /** More Host names to answer to (behind a reverse proxy): `name` or `name:port`. */
  allowedHosts?: readonly string[] | undefined;
  /**
   * Close a session after this long without a request (default 30 min), so clients that vanish without a
   * DELETE do not hold a server each until the LRU cap; `0` keeps sessions until DELETE or the cap.
   */
  sessionIdleMs?: number | undefined;
}

export interface RunningHttpServer {
  /** The MCP endpoint, e.g. `http://127.0.0.1:4030/mcp`. */
  url: string;
  origin: string;
  port: number;
  token: string;
  /** Sessions open now. */
  readonly sessions: number;
  close(): Promise<void>;
}

interface Session {
  transport: WebStandardStreamableHTTPServerTransport;
  server: McpServer;
  /** When the session last received a request (ms since epoch). */
  lastSeen: number;
}

export function generateToken(): string {
  return randomBytes(24).toString("base64url");
}

export async function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  const token = options.token ?? generateToken();
  const log = options.log ?? stderrLog;
  const sessions = new Map<string, Session>();
  let listening: ListenAddress | undefined;

  const closeSession = async (id: string) => {
    const s = sessions.get(id);
    if (!s) return;
    sessions.delete(id);
    await s.server.close().catch(() => {});
  };

  // Sessions are kept in least-recently-used order, so the idle ones are at the front.
  const idleMs = options.sessionIdleMs ?? DEFAULT_SESSION_IDLE_MS;
  const idleFor = idleMs >= 60_000 ? `${Math.round(idleMs / 60_000)} min` : `${idleMs / 1000} s`;
  const sweep =
    idleMs > 0
      ? setInterval(
          () => {
            const cutoff = Date.now() - idleMs;
            for (const [id, s] of sessions) {
              if (s.lastSeen > cutoff) break;
              log(`goatkit-mcp: closing session ${id.slice(0, 8)}…, idle for ${idleFor}`);
              void closeSession(id);
            }
          },
          Math.max(10, Math.min(idleMs / 2, 60_000)),
        ).unref()
      : undefined;

  const app = new Hono();
  app.get("/healthz", (c) => c.json({ ok: true }));
  app.use(
    MCP_PATH,
    hostGuard({ formatError: jsonRpcError, allowedHosts: options.allowedHosts, listening: () => listening }),
    tokenGuard({ formatError: jsonRpcError, token }),
    bodyLimits({ formatError: jsonRpcError, maxBytes: MAX_BODY_BYTES }),
  );
  app.all(MCP_PATH, async (c) => {
    const method = c.req.method;
    if (method !== "POST" && method !== "GET" && method !== "DELETE")
      return rpcError(405, -32000, `Method ${method} not allowed: use POST, GET or DELETE.`);
    let body: unknown;
    if (method === "POST") {
      try {
        body = await c.req.json();
      } catch {
        return rpcError(400, -32700, "Parse error: the body is not JSON.");
      }
    }
    const sessionId = c.req.header("mcp-session-id");
    if (sessionId !== undefined) {
      const session = sessions.get(sessionId);
      if (!session)
        return rpcError(404, -32001, "Session not found: it expired or was closed. Initialize a new one.");
      // Least recently used order.
      session.lastSeen = Date.now();
      sessions.delete(sessionId);
      sessions.set(sessionId, session);
      return session.transport.handleRequest(c.req.raw, { parsedBody: body });
    }
    const initializing = Array.isArray(body) ? body.some(isInitializeRequest) : isInitializeRequest(body);
    if (method !== "POST" || !initializing)
      return rpcError(400, -32000, "No Mcp-Session-Id header: send an initialize request first.");
    if (sessions.size >= MAX_SESSIONS) await closeSession(sessions.keys().next().value!);
    const server = createMcpServer(options.context, { ...options, log });
    const transport: WebStandardStreamableHTTPServerTransport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (id) => {
        sessions.set(id, { transport, server, lastSeen: Date.now() });
      },
      onsessionclosed: (id) => {
        void closeSession(id);
      },
    });
    transport.onclose = () => {
      if (transport.sessionId) sessions.delete(transport.sessionId);
    };
    await server.connect(transport);
    return transport.handleRequest(c.req.raw, { parsedBody: body });
  });
  app.notFound(() => rpcError(404, -32000, `Not found: the MCP endpoint is ${MCP_PATH}.`));
  app.onError((err) => {
    log(`goatkit-mcp: HTTP handler failed: ${err.stack ?? err.message}`);
    return rpcError(500, -32603, "Internal error");
  });

  const running: RunningServer = await serve({
    fetch: app.fetch,
    formatError: jsonRpcError,
    port: options.port ?? 0,
    host: options.host ?? "127.0.0.1",
    onError: (err) => log(`goatkit-mcp: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`),
  });
  listening = { host: running.host, port: running.port };
  return {
    url: `${running.origin}${MCP_PATH}`,
    origin: running.origin,
    port: running.port,
    token,
    get sessions() {
      return sessions.size;
    },
    async close() {
      clearInterval(sweep);
      await Promise.all([...sessions.keys()].map(closeSession));
      await running.close();
    },
  };
}
