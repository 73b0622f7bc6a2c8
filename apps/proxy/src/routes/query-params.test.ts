/**
 * Query strings to params: core's conversion (tested there) as the derived routes use it: repeated and
 * comma-separated arrays, the route's `format` left out, hostile names defused.
 */
import { describe, expect, it } from "vitest";
import { type JsonSchema, queryToParams } from "./query-params.js";

const schema: JsonSchema = {
  type: "object",
  properties: {
    ids: { type: "array", items: { type: "string" } },
    limit: { type: "integer" },
    ratio: { type: "number" },
    flag: { type: "boolean" },
    maybe: { anyOf: [{ type: "boolean" }, { type: "null" }] },
    range: { type: "string", enum: ["a", "b"] },
    name: { type: "string" },
  },
};
const convert = (query: string) => queryToParams(new URLSearchParams(query), schema, new Set(["format"]));

describe("queryToParams", () => {
  it("converts by the schema through core's paramsFromText, repeated and comma-separated arrays alike", () => {
    expect(convert("limit=5&flag=true&ids=a,b&ids=c")).toEqual({
      limit: 5,
      flag: true,
      ids: ["a", "b", "c"],
    });
  });

  it("keeps unknown names, skips reserved ones, and never echoes a long or odd name", () => {
    expect(convert("projct_id=1&format=csv")).toEqual({ projct_id: "1" });
    const long = convert(`${"x".repeat(5000)}=1`);
    expect(Object.keys(long)[0]).toMatch(/^"x{40}…" \(5000 characters\)$/);
    const proto = convert("__proto__=1&constructor=2");
    expect(Object.keys(proto)).toEqual(["__proto__", "constructor"]);
    expect(Object.getPrototypeOf(proto)).toBe(Object.prototype);
  });
});
