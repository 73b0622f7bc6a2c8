/**
 * 405 instead of 404 when the path exists with other methods: the allowed methods are derived from the
 * Hono app's own route table (`app.routes`, matched with Hono's `TrieRouter`, so `:param`, `:id{regex}`
 * and `*` patterns behave exactly as in routing). `HEAD` is allowed wherever `GET` is (Hono answers it).
 * @module
 */
import type { Hono, NotFoundHandler } from "hono";
import { TrieRouter } from "hono/router/trie-router";
import { errorResponse, type FormatError } from "./format-error.js";
import { quoteValue } from "./quote.js";

interface RouteTable {
  readonly routes: ReadonlyArray<{ method: string; path: string }>;
}

const routers = new WeakMap<RouteTable, { count: number; router: TrieRouter<string> }>();

function routerOf(app: RouteTable): TrieRouter<string> {
  const cached = routers.get(app);
  if (cached && cached.count === app.routes.length) return cached.router;
  const router = new TrieRouter<string>();
  // "ALL" is middleware (or a catch-all handler, which would have answered): it allows nothing.
  for (const { method, path } of app.routes) if (method !== "ALL") router.add("ALL", path, method);
  routers.set(app, { count: app.routes.length, router });
  return router;
}

/** The methods `app` has a handler for at `path` (e.g. `["GET", "HEAD", "POST"]`); empty for no route. */
export function allowedMethods(app: Pick<Hono, "routes"> | RouteTable, path: string): string[] {
  const methods = new Set<string>();
  for (const [method] of routerOf(app).match("ALL", path)[0]) {
    methods.add(method);
    if (method === "GET") methods.add("HEAD");
  }
  return [...methods];
}

export interface RouteNotFoundOptions {
  /** The app whose routes decide between 404 and 405 (the root app, where `notFound` is set). */
  app: Pick<Hono, "routes"> | RouteTable;
  formatError: FormatError;
}

/**
 * A `notFound` handler: 405 `method_not_allowed` with an `Allow` header when the path has routes for
 * other methods, else 404 `not_found`. Messages quote the path short ({@link quoteValue}).
 */
export function routeNotFound(options: RouteNotFoundOptions): NotFoundHandler {
  return (c) => {
    const path = c.req.path;
    const allowed = allowedMethods(options.app, path);
    if (allowed.length > 0 && !allowed.includes(c.req.method)) {
      const allow = allowed.join(", ");
      return errorResponse(
        options.formatError,
        405,
        "method_not_allowed",
        `Method ${c.req.method} is not allowed on ${quoteValue(path)}; allowed: ${allow}`,
        { allow },
      );
    }
    return errorResponse(
      options.formatError,
      404,
      "not_found",
      `No route for ${c.req.method} ${quoteValue(path)}`,
    );
  };
}
