/**
 * The team gateway's door: every request behind it must carry a teammate's proxy token
 * (`Authorization: Bearer gkp_…`), which is swapped for the team's trackagoat key before any route sees
 * the request. Pass-through and derived routes then work exactly as for a caller with that key, so all
 * teammates share one cache partition and one upstream budget: the first to ask pays, the rest hit.
 *
 * Refusals are in the API's envelope with the API's own codes (401 `invalid_api_key`, 403
 * `insufficient_scope` with `required` and `granted`), so every trackagoat client handles them as it
 * handles the API's. The token's name goes to the Hono context as `tokenName` for the access log; neither
 * the token nor the team key is ever echoed.
 * @module
 */
import { apiEnvelope } from "@goatkit/server";
import type { MiddlewareHandler } from "hono";
import { requiredScope, type Scope, scopeAllows, TOKEN_PREFIX } from "./proxy-token.js";
import type { TokenStore } from "./token-store.js";

declare module "hono" {
  interface ContextVariableMap {
    /** The name of the proxy token that authenticated this request (team gateway mode only). */
    tokenName: string;
  }
}

export interface GatewayAuthOptions {
  tokens: TokenStore;
  /** The team's trackagoat key, sent upstream in place of the caller's token. */
  teamKey: string;
  /** Paths served without a token (documentation that carries no data). */
  publicPaths?: readonly string[] | undefined;
}

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;
const HOW = `send your proxy token as Authorization: Bearer ${TOKEN_PREFIX}…`;

/** Middleware: authenticates the caller by proxy token, checks its scope, and puts the team key in place. */
export function gatewayAuth(options: GatewayAuthOptions): MiddlewareHandler {
  const publicPaths = new Set(options.publicPaths ?? []);
  const teamAuthorization = `Bearer ${options.teamKey}`;
  return async (c, next) => {
    if (publicPaths.has(c.req.path)) return next();
    const header = c.req.header("authorization");
    const token = header === undefined ? undefined : BEARER.exec(header)?.[1];
    if (token === undefined) {
      return unauthorized(
        header === undefined
          ? `Missing proxy token: this proxy is a team gateway; ${HOW}`
          : `Malformed Authorization header: ${HOW}`,
      );
    }
    if (token.startsWith("tga_")) {
      return unauthorized(
        `A trackagoat key is not accepted here: this proxy is a team gateway holding the team's key; ${HOW}`,
      );
    }
    const verdict = await options.tokens.verify(token);
    if (!verdict.ok) {
      if (verdict.reason === "unavailable") {
        return refusal(
          503,
          "gateway_unavailable",
          "The gateway's tokens file cannot be used right now; its operator can see why in the proxy's log",
          { "retry-after": "5" },
        );
      }
      return unauthorized(
        verdict.reason === "revoked"
          ? "Revoked proxy token: ask the gateway's operator for a new one"
          : `Unknown proxy token: ${HOW}`,
      );
    }
    c.set("tokenName", verdict.name);
    const required = requiredScope(c.req.method);
    if (!scopeAllows(verdict.scope, required)) return insufficientScope(required, verdict.scope);
    c.req.raw.headers.set("authorization", teamAuthorization);
    await next();
  };
}

function unauthorized(message: string): Response {
  return refusal(401, "invalid_api_key", message, { "www-authenticate": 'Bearer realm="goatkit-proxy"' });
}

/** 403 as the API words it: `This action requires the 'write' scope. Granted: [read]`. */
function insufficientScope(required: Scope, granted: Scope): Response {
  const body = JSON.stringify({
    data: null,
    error: `This action requires the '${required}' scope. Granted: [${granted}]`,
    meta: { code: "insufficient_scope", required, granted: [granted] },
  });
  return new Response(body, {
    status: 403,
    headers: {
      "content-type": "application/json; charset=UTF-8",
      "www-authenticate": `Bearer realm="goatkit-proxy", error="insufficient_scope", scope="${required}"`,
    },
  });
}

function refusal(status: number, code: string, message: string, headers: Record<string, string>): Response {
  const { body, contentType } = apiEnvelope(status, code, message);
  return new Response(body, { status, headers: { ...headers, "content-type": contentType } });
}
