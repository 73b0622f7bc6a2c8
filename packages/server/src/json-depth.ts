/**
 * JSON nesting depth of a request body, measured by one linear scan of the raw text before anything
 * parses it. No recursion, no allocation: a 5,000-level (or 5,000,000-level) document costs one pass and
 * never reaches a parser or a handler that walks it recursively.
 * @module
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

/**
 * The deepest nesting of `[` / `{` outside JSON strings: `1` for `{}`, `2` for `{"a":[1]}`, `0` for a
 * scalar. Works on UTF-8 bytes or a string (every byte that matters is ASCII, and no UTF-8 continuation
 * byte is ASCII). Stops early and returns `stopAbove + 1` once the depth exceeds `stopAbove`. Invalid
 * JSON gets a number too; parsing it is the next step's job.
 */
export function jsonDepth(input: string | Uint8Array, stopAbove = Number.POSITIVE_INFINITY): number {
  const length = input.length;
  const at: (i: number) => number =
    typeof input === "string" ? (i) => input.charCodeAt(i) : (i) => input[i] as number;
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < length; i++) {
    const ch = at(i);
    if (inString) {
      if (ch === BACKSLASH) i++;
      else if (ch === QUOTE) inString = false;
    } else if (ch === QUOTE) {
      inString = true;
    } else if (ch === OPEN_BRACE || ch === OPEN_BRACKET) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > stopAbove) return max;
      }
    } else if ((ch === CLOSE_BRACE || ch === CLOSE_BRACKET) && depth > 0) {
      depth--;
    }
  }
  return max;
}
