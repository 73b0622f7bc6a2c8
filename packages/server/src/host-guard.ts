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

/** The `host[:port]` of an absolute URL as written (`http://a:1/x` gives `a:1`), without parsing it. */
function authority(url: string): string {
  const start = url.indexOf("://") + 3;
  let end = start;
  while (end < url.length && url[end] !== "/" && url[end] !== "?" && url[end] !== "#") end++;
  return url.slice(start, end);
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
    // The URL is built from the Host header unless the target was absolute-form: when its authority is
    // the header as sent, one check covers both, without parsing a URL per request.
    const sameAsHeader = header !== undefined && authority(c.req.url) === header;
    const hosts = sameAsHeader
      ? [header]
      : header === undefined
        ? [new URL(c.req.url).host]
        : [header, new URL(c.req.url).host];
    for (const host of hosts) {
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
