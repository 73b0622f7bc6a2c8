/**
 * Keys a body may not carry anywhere: `__proto__`, `constructor`, `prototype`. `JSON.parse` keeps
 * `{"__proto__": …}` as an own key, but copying the object by assignment (as zod does for `metadata`)
 * sets the prototype instead, so the key would vanish silently; `constructor` and `prototype` are the
 * other two prototype-pollution handles. They cannot round-trip safely, so the sandbox refuses them
 * with a 400 `invalid_body` naming the key, rather than storing something other than what was sent.
 */
import { quoteValue } from "@goatkit/server";
import { badBody } from "./api-error.js";

export const UNSAFE_KEYS: readonly string[] = ["__proto__", "constructor", "prototype"];

const PLAIN_KEY = /^[A-Za-z0-9_$-]{1,64}$/;

const segment = (s: string | number) =>
  typeof s === "number" || PLAIN_KEY.test(s) ? String(s) : quoteValue(s);

/** A readable dotted path; odd or long segments are quoted short, a deep path keeps its ends. */
export function fieldPath(segments: readonly (string | number)[]): string {
  if (segments.length <= 8) return segments.map(segment).join(".");
  const head = segments.slice(0, 3).map(segment);
  const tail = segments.slice(-4).map(segment);
  return [...head, `…(${segments.length - 7} more)…`, ...tail].join(".");
}

interface Node {
  value: unknown;
  key: string | number | null;
  parent: Node | null;
}

function pathOf(node: Node): (string | number)[] {
  const out: (string | number)[] = [];
  for (let n: Node | null = node; n && n.key !== null; n = n.parent) out.push(n.key);
  return out.reverse();
}

/**
 * Throws 400 `invalid_body` at the first unsafe key, at any depth. Walked with an explicit stack and
 * parent links, so a deeply nested body costs linear time and no call stack.
 */
export function assertNoUnsafeKeys(value: unknown): void {
  const stack: Node[] = [{ value, key: null, parent: null }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const v = node.value;
    if (typeof v !== "object" || v === null) continue;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) stack.push({ value: v[i], key: i, parent: node });
      continue;
    }
    for (const key of Object.keys(v)) {
      const child: Node = { value: (v as Record<string, unknown>)[key], key, parent: node };
      if (UNSAFE_KEYS.includes(key)) {
        throw badBody(
          `Invalid body: ${fieldPath(pathOf(child))}: the key ${key} is not allowed (__proto__, constructor and prototype cannot be stored safely)`,
        );
      }
      stack.push(child);
    }
  }
}
