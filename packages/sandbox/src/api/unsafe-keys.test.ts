/** Keys that cannot round-trip (`__proto__`, `constructor`, `prototype`) are refused wherever they are. */
import { describe, expect, it } from "vitest";
import { ApiError } from "./api-error.js";
import { assertNoUnsafeKeys, fieldPath } from "./unsafe-keys.js";

function message(raw: string): string | null {
  try {
    assertNoUnsafeKeys(JSON.parse(raw));
    return null;
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    expect([err.status, err.code]).toEqual([400, "invalid_body"]);
    return err.message;
  }
}

describe("assertNoUnsafeKeys", () => {
  it.each([
    ['{"metadata":{"__proto__":{"admin":true}}}', "metadata.__proto__"],
    ['{"metadata":{"a":[{"b":{"constructor":1}}]}}', "metadata.a.0.b.constructor"],
    ['{"metadata":{"prototype":null}}', "metadata.prototype"],
    ['{"__proto__":1}', "__proto__"],
    ['{"creators":[{"tiktok_handle":"x"},{"__proto__":{}}]}', "creators.1.__proto__"],
  ])("%s is refused at %s", (raw, path) => {
    expect(message(raw)).toMatch(
      new RegExp(`^Invalid body: ${path.replace(/\./g, "\\.")}: the key \\w+ is not allowed`),
    );
  });

  it("lets ordinary keys through, including look-alikes", () => {
    expect(message('{"metadata":{"proto":1,"Constructor":2,"__proto":3,"a":{"prototypes":[]}}}')).toBeNull();
    expect(message('["__proto__", "constructor"]')).toBeNull(); // values, not keys
  });

  it("walks a very deep body without a stack overflow, and shortens the path it names", () => {
    const deep = `${'{"a":'.repeat(100_000)}{"__proto__":1}${"}".repeat(100_000)}`;
    const msg = message(deep)!;
    expect(msg).toContain("…(99994 more)…");
    expect(msg.length).toBeLessThan(200);
  });

  it("quotes odd segments short", () => {
    expect(fieldPath(["metadata", "x".repeat(100), 0])).toBe(
      `metadata."${"x".repeat(40)}…" (100 characters).0`,
    );
    expect(fieldPath(["metadata", "a b"])).toBe('metadata."a b"');
  });
});
