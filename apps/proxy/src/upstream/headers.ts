/**
 * Which headers cross the proxy. End-to-end headers pass both ways untouched (Authorization,
 * Idempotency-Key, Content-Type, Retry-After, X-Request-Id, Idempotent-Replayed, …); hop-by-hop ones
 * (RFC 9110 §7.6.1) and those a `Connection` header names describe one connection and stop here. Lengths
 * and encodings are dropped because the bodies are re-sent as the bytes `fetch` decoded.
 * @module
 */

const HOP_BY_HOP = [
  "connection",
  "keep-alive",
  "proxy-authenticate",
  "proxy-authorization",
  "proxy-connection",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
];

// Host: fetch sets the upstream's own (the sandbox checks it against DNS rebinding). Accept-Encoding:
// fetch negotiates and decodes itself. Expect: nothing upstream should see 100-continue from us.
const NOT_FORWARDED = new Set([...HOP_BY_HOP, "host", "content-length", "accept-encoding", "expect"]);

// Content-Encoding/Length: the body was decoded by fetch and is re-measured by the server. Cache-Status:
// this proxy writes its own (an upstream cache's entry would not describe the answer sent).
const NOT_RETURNED = new Set([...HOP_BY_HOP, "content-length", "content-encoding", "cache-status"]);

/** The request headers to send upstream. */
export function upstreamRequestHeaders(incoming: Headers): Headers {
  return filtered(incoming, NOT_FORWARDED);
}

/** The upstream response headers to send to the caller. */
export function callerResponseHeaders(upstream: Headers): Headers {
  return filtered(upstream, NOT_RETURNED);
}

function filtered(source: Headers, dropped: ReadonlySet<string>): Headers {
  const named = new Set(
    (source.get("connection") ?? "")
      .split(",")
      .map((name) => name.trim().toLowerCase())
      .filter((name) => name !== ""),
  );
  const out = new Headers();
  source.forEach((value, name) => {
    if (!dropped.has(name) && !named.has(name)) out.append(name, value);
  });
  // Headers iteration joins repeated fields, which breaks Set-Cookie; it alone has its own accessor.
  if (!dropped.has("set-cookie") && !named.has("set-cookie")) {
    out.delete("set-cookie");
    for (const cookie of source.getSetCookie()) out.append("set-cookie", cookie);
  }
  return out;
}
