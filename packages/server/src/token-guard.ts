/**
 * A shared-secret guard (e.g. the sandbox's operator token): the token comes in `Authorization: Bearer`
 * or in a named header, and is compared in constant time (SHA-256 of both sides, `timingSafeEqual`), so
 * neither its content nor its length leaks through response timing.
 * @module
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { errorResponse, type FormatError } from "./format-error.js";

export interface TokenGuardOptions {
  formatError: FormatError;
  /** The secret. */
  token: string;
  /** A header that may carry the token instead of `Authorization: Bearer` (e.g. `x-sandbox-operator-token`). */
  header?: string;
}

const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();

/** True when `given` equals `expected`, in time that depends on neither. */
export function tokensEqual(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/** Middleware: 401 `unauthorized` (with `WWW-Authenticate: Bearer`) unless the token matches. */
export function tokenGuard(options: TokenGuardOptions): MiddlewareHandler {
  if (options.token.length === 0) throw new TypeError("tokenGuard: token must not be empty");
  const expected = options.token;
  const where = options.header ? `"Authorization: Bearer <token>" or "${options.header}"` : "Authorization";
  return async (c, next) => {
    const bearer = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(c.req.header("authorization") ?? "")?.[1];
    const given = bearer ?? (options.header ? c.req.header(options.header)?.trim() : undefined);
    if (given === undefined || given === "" || !tokensEqual(given, expected)) {
      return errorResponse(
        options.formatError,
        401,
        "unauthorized",
        given ? "Invalid token" : `A token is required in ${where}`,
        { "www-authenticate": "Bearer" },
      );
    }
    await next();
  };
}
