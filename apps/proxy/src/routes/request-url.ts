/**
 * The path and query of a request's URL without a `new URL()` per request: on a cache hit, parsing the
 * same URL in every layer (route, cache key, access log) cost more than the answer's own bookkeeping.
 * @module
 */

export interface PathAndQuery {
  /** As `URL.pathname`: percent-encoded, never empty. */
  pathname: string;
  /** As `URL.search`: `""` or `?` followed by the query. */
  search: string;
}

// A request URL here is already serialised (WHATWG): a web `Request` serialises its URL, and
// @hono/node-server builds it either through `new URL().href` or, for a plain target, from characters
// the URL parser keeps as they are in a path (no `%`, no dot segments). Only `'` (percent-encoded in a
// query) and `#` (a fragment) would read differently in the raw text; then the URL parser decides.
const NEEDS_PARSER = /['#]/;

/**
 * `pathname` and `search` of `href`, as `new URL(href)` gives them.
 *
 * @example
 * pathAndQuery("http://127.0.0.1:4020/api/v1/creators?limit=5") // { pathname: "/api/v1/creators", search: "?limit=5" }
 */
export function pathAndQuery(href: string): PathAndQuery {
  const scheme = href.indexOf("://");
  const slash = scheme === -1 ? -1 : href.indexOf("/", scheme + 3);
  if (slash === -1 || NEEDS_PARSER.test(href)) {
    const url = new URL(href);
    return { pathname: url.pathname, search: url.search };
  }
  const query = href.indexOf("?", slash);
  if (query === -1) return { pathname: href.slice(slash), search: "" };
  // `URL.search` is "" for a bare trailing "?".
  return {
    pathname: href.slice(slash, query),
    search: query === href.length - 1 ? "" : href.slice(query),
  };
}
