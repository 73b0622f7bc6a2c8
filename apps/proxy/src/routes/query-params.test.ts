/**
 * Query strings to params: core's conversion (tested there) as the derived routes use it: repeated and
 * comma-separated arrays, the route's `format` left out, hostile names defused.
 */
import { getWorkflow, workflowJsonSchemas } from "@goatkit/core";
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
  it("converts numbers, integers, booleans, enums and strings by the schema", () => {
    expect(convert("limit=5&ratio=0.25&flag=true&maybe=false&range=a&name=007")).toEqual({
      limit: 5,
      ratio: 0.25,
      flag: true,
      maybe: false,
      range: "a",
      name: "007",
    });
    expect(convert("ratio=-1.5e2&flag=false")).toEqual({ ratio: -150, flag: false });
  });

  it("reads string arrays from repeated params and from commas", () => {
    expect(convert("ids=a&ids=b")).toEqual({ ids: ["a", "b"] });
    expect(convert("ids=a,b&ids=c")).toEqual({ ids: ["a", "b", "c"] });
    expect(convert("ids=a, b")).toEqual({ ids: ["a", "b"] });
  });

  it("leaves what does not convert as strings, and a repeated scalar as an array", () => {
    expect(convert("limit=abc&flag=yes&ratio=")).toEqual({ limit: "abc", flag: "yes", ratio: "" });
    expect(convert("name=x&name=y")).toEqual({ name: ["x", "y"] });
  });

  it("keeps unknown names, skips reserved ones, and never echoes a long or odd name", () => {
    expect(convert("projct_id=1&format=csv")).toEqual({ projct_id: "1" });
    const long = convert(`${"x".repeat(5000)}=1`);
    expect(Object.keys(long)[0]).toMatch(/^"x{40}…" \(5000 characters\)$/);
    const proto = convert("__proto__=1&constructor=2");
    expect(Object.keys(proto)).toEqual(["__proto__", "constructor"]);
    expect(Object.getPrototypeOf(proto)).toBe(Object.prototype);
  });

  it("gives a workflow's parseParams what it accepts, defaults applied", () => {
    const w = getWorkflow("underperforming_creators");
    const params = queryToParams(
      new URLSearchParams("project_id=p1&limit=3&low_views_factor=0.5&range=last_7_days"),
      workflowJsonSchemas(w).params as JsonSchema,
    );
    expect(w.parseParams(params)).toMatchObject({ project_id: "p1", limit: 3, low_views_factor: 0.5 });
    const comparison = getWorkflow("campaign_comparison");
    const ids = queryToParams(
      new URLSearchParams("campaign_ids=c1,c2"),
      workflowJsonSchemas(comparison).params as JsonSchema,
    );
    expect(comparison.parseParams(ids)).toMatchObject({ campaign_ids: ["c1", "c2"] });
  });
});
