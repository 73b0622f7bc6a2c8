/**
 * Keeping the API key out of everything the client prints or throws: log lines, error messages,
 * error JSON. Anything that leaves the client goes through one of these helpers first.
 * @module
 */

/** A trackagoat key anywhere in a string, well-formed or nearly so (so a typo'd key is hidden too). */
const KEY_PATTERN = /tga_[0-9A-Za-z]{8,}/g;

/**
 * A recognisable but useless stand-in for a key: the first 8 characters and an ellipsis
 * (`tga_ab12…`). Short strings show nothing at all, since 8 characters of them could be most of it.
 *
 * @example
 * maskKey("tga_ab12cd34…64 hex…") // "tga_ab12…"
 */
export function maskKey(key: string): string {
  return key.length >= 16 ? `${key.slice(0, 8)}…` : "…";
}

/** Replaces every key-looking substring by its masked form. */
export function redactSecrets(text: string): string {
  return text.replace(KEY_PATTERN, (k) => maskKey(k));
}

/** A URL fit for logs and errors: no user-info, no key in the query. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    u.username = "";
    u.password = "";
    return redactSecrets(u.toString());
  } catch {
    return redactSecrets(url);
  }
}

/** Request headers fit for logs: `Authorization` reduced to its masked key. */
export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() !== "authorization") {
      out[name] = redactSecrets(value);
      continue;
    }
    const [scheme, token] = value.trim().split(/\s+/, 2);
    out[name] = token === undefined ? maskKey(value) : `${scheme} ${maskKey(token)}`;
  }
  return out;
}

/** Path and query of a URL, for short messages (`GET /api/v1/creators?limit=100`). */
export function urlPath(url: string): string {
  try {
    const u = new URL(url);
    return redactSecrets(u.pathname + u.search);
  } catch {
    return redactSecrets(url);
  }
}
