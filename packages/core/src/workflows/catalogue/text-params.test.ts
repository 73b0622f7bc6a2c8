/**
 * Text to params, read off the workflows' own JSON Schemas: each type converts, what does not convert
 * stays a string for the strict schema to refuse by name.
 */
import { describe, expect, it } from "vitest";
import { getWorkflow } from "./catalogue.js";
import { workflowJsonSchemas } from "./json-schema.js";
import { type ParamsJsonSchema, paramsFromText } from "./text-params.js";

const schema: ParamsJsonSchema = {
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
const convert = (query: string) => paramsFromText(schema, new URLSearchParams(query));

describe("paramsFromText", () => {
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

  it("reads string arrays from repeated entries and from commas, dropping empty items", () => {
    expect(convert("ids=a&ids=b")).toEqual({ ids: ["a", "b"] });
    expect(convert("ids=a,b&ids=c")).toEqual({ ids: ["a", "b", "c"] });
    expect(convert("ids=a, b,")).toEqual({ ids: ["a", "b"] });
  });

  it("leaves what does not convert as strings, and a repeated scalar as an array", () => {
    expect(convert("limit=abc&flag=yes&ratio=")).toEqual({ limit: "abc", flag: "yes", ratio: "" });
    expect(convert("name=x&name=y")).toEqual({ name: ["x", "y"] });
  });

  it("keeps unknown names (renamed when asked), including __proto__ as an own property", () => {
    expect(convert("projct_id=1")).toEqual({ projct_id: "1" });
    const renamed = paramsFromText(schema, [["x".repeat(100), "1"]], { renameUnknown: () => "long" });
    expect(renamed).toEqual({ long: "1" });
    const proto = convert("__proto__=1&constructor=2");
    expect(Object.keys(proto)).toEqual(["__proto__", "constructor"]);
    expect(Object.getPrototypeOf(proto)).toBe(Object.prototype);
  });

  it("gives a workflow's parseParams what it accepts, defaults applied", () => {
    const w = getWorkflow("underperforming_creators");
    const params = paramsFromText(
      workflowJsonSchemas(w).params,
      new URLSearchParams(
        "project_id=p1&limit=3&low_views_factor=0.5&range=last_7_days&include_all_creators=true",
      ),
    );
    expect(w.parseParams(params)).toMatchObject({
      project_id: "p1",
      limit: 3,
      low_views_factor: 0.5,
      include_all_creators: true,
    });
    const comparison = getWorkflow("campaign_comparison");
    const ids = paramsFromText(workflowJsonSchemas(comparison).params, [["campaign_ids", "c1,c2"]]);
    expect(comparison.parseParams(ids)).toMatchObject({ campaign_ids: ["c1", "c2"] });
  });
});
