/** `pathAndQuery` reads a request URL's path and query exactly as the URL parser does. */
import { describe, expect, it } from "vitest";
import { pathAndQuery } from "./request-url.js";

describe("pathAndQuery", () => {
  it.each([
    "http://127.0.0.1:4020/api/v1/creators?limit=5",
    "http://127.0.0.1:4020/api/v1/creators",
    "http://localhost/api/v1/creators?",
    "http://localhost/",
    "https://[::1]:8443/api/v1/creators/cr_1/stats?b=2&a=1&a=",
    "http://h/api/v1/creators?q=it's",
    "http://h/api/v1/creators?q=a#frag",
    "http://h/api/v1/creators#frag?x",
    "http://h/api/v1/a%20b/%2e%2e/c?x=%41&y=/z?w",
    "http://h/api/v1/creators?x=a/b?c",
  ])("%s as new URL() reads it", (href) => {
    // Serialised first, as every request URL the proxy sees is.
    const serialised = new URL(href).href;
    const url = new URL(serialised);
    expect(pathAndQuery(serialised)).toEqual({ pathname: url.pathname, search: url.search });
  });

  it("reads a raw target @hono/node-server kept as it was (no dot segments, no %)", () => {
    expect(pathAndQuery("http://127.0.0.1:9/api/v1/creators?limit=5&project_id=p_1")).toEqual({
      pathname: "/api/v1/creators",
      search: "?limit=5&project_id=p_1",
    });
    // A quote in the query is percent-encoded by the URL parser: the parser decides.
    expect(pathAndQuery("http://127.0.0.1:9/api/v1/x?q='a'")).toEqual({
      pathname: "/api/v1/x",
      search: "?q=%27a%27",
    });
  });
});
