/** Which headers cross the proxy, both ways. */
import { describe, expect, it } from "vitest";
import { callerCredential } from "./credential.js";
import { callerResponseHeaders, upstreamRequestHeaders } from "./headers.js";

describe("headers", () => {
  it("forwards end-to-end request headers; drops hop-by-hop ones, Host and those Connection names", () => {
    const out = upstreamRequestHeaders(
      new Headers({
        authorization: "Bearer tga_x",
        "idempotency-key": "k-1",
        "content-type": "application/json",
        "x-request-id": "req-1",
        host: "localhost:4020",
        connection: "keep-alive, x-hop",
        "x-hop": "1",
        "keep-alive": "timeout=5",
        "transfer-encoding": "chunked",
        "proxy-authorization": "Basic abc",
        "content-length": "12",
        "accept-encoding": "gzip",
      }),
    );
    expect(Object.fromEntries(iterate(out))).toEqual({
      authorization: "Bearer tga_x",
      "idempotency-key": "k-1",
      "content-type": "application/json",
      "x-request-id": "req-1",
    });
  });

  it("returns what matters of upstream's answer (Retry-After, X-Request-Id, replay, cookies), not its framing", () => {
    const upstream = new Headers({
      "content-type": "application/json",
      "retry-after": "30",
      "x-request-id": "abc",
      "idempotent-replayed": "true",
      "content-length": "10",
      "content-encoding": "gzip",
      "transfer-encoding": "chunked",
      connection: "close",
      "cache-status": "other-cache; hit",
    });
    upstream.append("set-cookie", "a=1; Path=/");
    upstream.append("set-cookie", "b=2; Path=/");
    const out = callerResponseHeaders(upstream);
    expect(out.get("retry-after")).toBe("30");
    expect(out.get("x-request-id")).toBe("abc");
    expect(out.get("idempotent-replayed")).toBe("true");
    expect(out.get("content-type")).toBe("application/json");
    expect(out.getSetCookie()).toEqual(["a=1; Path=/", "b=2; Path=/"]);
    for (const gone of [
      "content-length",
      "content-encoding",
      "transfer-encoding",
      "connection",
      "cache-status",
    ]) {
      expect(out.has(gone)).toBe(false);
    }
  });

  it("reads the caller's credential as core's client sends it", () => {
    expect(callerCredential("Bearer tga_abc")).toBe("tga_abc");
    expect(callerCredential("bearer   tga_abc ")).toBe("tga_abc");
    expect(callerCredential("Basic dXNlcjpwYXNz")).toBe("Basic dXNlcjpwYXNz");
    expect(callerCredential(undefined)).toBe("");
    expect(callerCredential(null)).toBe("");
  });
});

function iterate(headers: Headers): [string, string][] {
  const out: [string, string][] = [];
  headers.forEach((value, name) => {
    out.push([name, value]);
  });
  return out;
}
