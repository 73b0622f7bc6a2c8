/**
 * Host/Origin guard against DNS rebinding and cross-site requests: only requests addressed to a host
 * this server answers to ({@link hostMatcher}) get through, and a browser request from another origin
 * (its `Origin` header) is refused. Both refusals are 403 in the server's own error format.
 * @module
 */
import type { MiddlewareHandler } from "hono";
import { errorResponse, type FormatError } from "./format-error.js";
import { type HostMatcherOptions, hostMatcher } from "./hosts.js";
import { quoteValue } from "./quote.js";

export interface HostGuardOptions extends HostMatcherOptions {
  formatError: FormatError;
  /** Also refuse requests whose `Origin` is another site, or `null` (default true). */
  checkOrigin?: boolean;
}

function originHost(origin: string): string | null {
  try {
    const url = new URL(origin);
    return url.protocol === "http:" || url.protocol === "https:" ? url.host : null;
  } catch {
    return null;
  }
}

/**
 * Middleware: 403 `forbidden_host` unless both the `Host` header and the request URL's host (they differ
 * for an absolute-form request target) are accepted; 403 `forbidden_origin` for a foreign `Origin`.
 */
export function hostGuard(options: HostGuardOptions): MiddlewareHandler {
  const accepts = hostMatcher(options);
  const checkOrigin = options.checkOrigin ?? true;
  return async (c, next) => {
    const header = c.req.header("host");
    const urlHost = new URL(c.req.url).host;
    for (const host of header === undefined ? [urlHost] : [header, urlHost]) {
      if (!accepts(host)) {
        return errorResponse(
          options.formatError,
          403,
          "forbidden_host",
          `Host ${quoteValue(host)} is not a name this server answers to`,
        );
      }
    }
    const origin = c.req.header("origin");
    if (checkOrigin && origin !== undefined) {
      const host = originHost(origin);
      if (host === null || !accepts(host)) {
        return errorResponse(
          options.formatError,
          403,
          "forbidden_origin",
          `Requests from origin ${quoteValue(origin)} are not allowed`,
        );
      }
    }
    await next();
  };
}
