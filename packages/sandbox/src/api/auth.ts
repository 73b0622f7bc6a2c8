/**
 * Authentication and scopes (api-contract §1.2, §1.3). `Authorization: Bearer tga_<64 hex>`; a missing,
 * malformed, unknown or revoked key is 401 `invalid_api_key`. The scope comes from the HTTP method
 * (GET needs `read`; POST, PATCH and DELETE need `write`; `/admin/*` needs `admin`), else 403.
 */
import type { MiddlewareHandler } from "hono";
import type { Scope } from "../world/types.js";
import { ApiError } from "./api-error.js";
import type { SandboxContext, SandboxEnv } from "./context.js";

const KEY = /^tga_[0-9a-f]{64}$/;

const invalidKey = () => new ApiError(401, "invalid_api_key", "Invalid or missing API key");

export function authenticate(ctx: SandboxContext): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    const header = c.req.header("authorization") ?? "";
    const token = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
    if (!token || !KEY.test(token)) throw invalidKey();
    const key = ctx.state.apiKeys.get(token);
    if (!key || key.revoked) throw invalidKey();
    const org = ctx.state.orgs.get(key.org_id);
    if (!org) throw invalidKey();
    c.set("auth", { key, org });
    await next();
  };
}

/** The scope a request needs. */
export function requiredScope(method: string, path: string): Scope {
  if (/^\/api\/v1\/admin(\/|$)/.test(path)) return "admin";
  return method === "GET" || method === "HEAD" || method === "OPTIONS" ? "read" : "write";
}

export function authorize(): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    const required = requiredScope(c.req.method, c.req.path);
    const granted = c.get("auth").key.scopes;
    if (!granted.includes(required)) {
      throw new ApiError(
        403,
        "insufficient_scope",
        `This action requires the '${required}' scope. Granted: [${granted.join(", ")}]`,
        { required, granted: [...granted] },
      );
    }
    await next();
  };
}
