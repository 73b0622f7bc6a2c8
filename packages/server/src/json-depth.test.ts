import { describe, expect, it } from "vitest";
import { jsonDepth } from "./json-depth.js";

const nested = (levels: number) => `${'{"a":'.repeat(levels)}1${"}".repeat(levels)}`;

describe("jsonDepth", () => {
  it("counts nesting of objects and arrays", () => {
    expect(jsonDepth("1")).toBe(0);
    expect(jsonDepth("{}")).toBe(1);
    expect(jsonDepth('{"a":[1,{"b":[]}],"c":{}}')).toBe(4);
    expect(jsonDepth(nested(32))).toBe(32);
  });

  it("ignores brackets inside strings, escaped quotes included", () => {
    expect(jsonDepth('{"a":"[[[[{{{{"}')).toBe(1);
    expect(jsonDepth('["\\"[[[", "\\\\", [1]]')).toBe(2);
  });

  it("reads UTF-8 bytes the same as the string", () => {
    const text = '{"é😀":[["[ü]"]]}';
    expect(jsonDepth(new TextEncoder().encode(text))).toBe(jsonDepth(text));
    expect(jsonDepth(text)).toBe(3);
  });

  it("stops early above the limit and never recurses (a million levels)", () => {
    const deep = "[".repeat(1_000_000);
    expect(jsonDepth(deep, 32)).toBe(33);
    expect(jsonDepth(deep)).toBe(1_000_000);
  });
});
