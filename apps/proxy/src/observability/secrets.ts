/**
 * Secrets out of text the proxy writes (logs, error messages): trackagoat keys (`tga_…`), the proxy's
 * own team tokens (`gkp_…`) and whatever follows `Bearer`. The logger's `redact` paths catch secrets by
 * field name; this catches them wherever they turn up inside a string (an error message quoting a
 * header, a URL, a request id a client made up).
 * @module
 */

export const REDACTED = "[Redacted]";

const SECRET_TEXT = /\b(?:Bearer|Basic)\s+[^\s"',;]+|(?:tga|gkp)_[\w-]+/gi;

/** Query parameters whose value is never logged, whatever it looks like. */
const SECRET_PARAM = /key|token|secret|passw|auth|signature|credential|session/i;

/**
 * @example
 * scrubText("bad key tga_5d5acc1e…") // "bad key [Redacted]"
 */
export function scrubText(text: string): string {
  return text.replace(SECRET_TEXT, (match) =>
    /^(?:bearer|basic)\s/i.test(match) ? `${match.split(/\s/)[0]} ${REDACTED}` : REDACTED,
  );
}

/**
 * A copy of `value` with secrets out of every string in it (plain objects, arrays and errors, a few
 * levels deep); anything else is returned as it is.
 */
export function scrubValue(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return scrubText(value);
  if (value === null || typeof value !== "object" || depth > 6) return value;
  if (Array.isArray(value)) return value.map((v) => scrubValue(v, depth + 1));
  if (value instanceof Error) return scrubError(value, depth);
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = scrubValue(v, depth + 1);
  return out;
}

/** The same kind of error (so loggers still see its type), with its message, stack and fields scrubbed. */
function scrubError(err: Error, depth: number): Error {
  const copy = Object.create(Object.getPrototypeOf(err)) as Error;
  Object.defineProperty(copy, "message", {
    value: scrubText(err.message),
    writable: true,
    configurable: true,
  });
  if (err.stack !== undefined)
    Object.defineProperty(copy, "stack", { value: scrubText(err.stack), writable: true, configurable: true });
  if (err.cause !== undefined)
    Object.defineProperty(copy, "cause", {
      value: scrubValue(err.cause, depth + 1),
      writable: true,
      configurable: true,
    });
  for (const [k, v] of Object.entries(err))
    (copy as unknown as Record<string, unknown>)[k] = scrubValue(v, depth + 1);
  return copy;
}

/**
 * A path and query fit for a log: values of parameters named like a secret are replaced, and secret-looking
 * text anywhere is scrubbed.
 *
 * @example
 * loggablePath("/api/v1/projects?limit=5&api_key=abc") // "/api/v1/projects?limit=5&api_key=[Redacted]"
 */
export function loggablePath(url: URL): string {
  if (url.search === "") return scrubText(url.pathname);
  const parts: string[] = [];
  for (const [name, value] of url.searchParams) {
    parts.push(`${name}=${SECRET_PARAM.test(name) ? REDACTED : value}`);
  }
  return scrubText(`${url.pathname}?${parts.join("&")}`);
}
