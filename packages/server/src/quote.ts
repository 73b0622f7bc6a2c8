/**
 * Short quoting of a value a client sent, for error messages: a 10 KB query value or a hostile id is
 * shown as its first characters and its length, never echoed whole (an error body must not grow with
 * the input, nor carry control characters into a log line).
 * @module
 */

const DEFAULT_MAX = 40;

/**
 * The value JSON-quoted, cut to `max` characters with its full length noted, control characters escaped.
 *
 * @example
 * quoteValue("2026-13-45") // "\"2026-13-45\""
 * quoteValue("x".repeat(10_000)) // "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…\" (10000 characters)"
 */
export function quoteValue(value: unknown, max = DEFAULT_MAX): string {
  const text = typeof value === "string" ? value : String(value);
  if (text.length <= max) return JSON.stringify(text);
  // Cut on a code point boundary, so a surrogate pair is never split into invalid UTF-16.
  const head = Array.from(text.slice(0, max + 1))
    .join("")
    .slice(0, max)
    .replace(/[\uD800-\uDBFF]$/, "");
  return `${JSON.stringify(`${head}…`)} (${text.length} characters)`;
}
