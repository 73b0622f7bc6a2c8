import { describe, expect, it } from "vitest";
import { quoteValue } from "./quote.js";

describe("quoteValue", () => {
  it("quotes short values whole", () => {
    expect(quoteValue("2026-13-45")).toBe('"2026-13-45"');
    expect(quoteValue(42)).toBe('"42"');
  });

  it("cuts long values and says how long they were", () => {
    const q = quoteValue("x".repeat(10_000));
    expect(q).toBe(`"${"x".repeat(40)}…" (10000 characters)`);
    expect(q.length).toBeLessThan(80);
  });

  it("escapes control characters and never splits a surrogate pair", () => {
    expect(quoteValue("a\nb\u0000")).toBe('"a\\nb\\u0000"');
    const q = quoteValue(`${"a".repeat(39)}😀tail`);
    expect(q.startsWith(`"${"a".repeat(39)}…"`)).toBe(true);
  });
});
