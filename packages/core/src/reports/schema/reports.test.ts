/**
 * Every field of every report schema carries a description: the MCP output schemas and the OpenAPI
 * document are generated from them, and a reader deciding who gets paid needs each figure's unit and
 * basis. The walk follows the JSON Schema a front end sees, through nested objects, arrays, nullable
 * unions and record values.
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { REPORT_SCHEMAS } from "./index.js";

interface JsonSchema {
  description?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema | JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  additionalProperties?: JsonSchema | boolean;
  required?: string[];
}

/** Paths of the properties a report may leave out, below `path`. */
function optional(schema: JsonSchema, path: string): string[] {
  const out: string[] = [];
  const required = new Set(schema.required ?? []);
  for (const [name, prop] of Object.entries(schema.properties ?? {})) {
    const at = `${path}.${name}`;
    if (!required.has(name)) out.push(at);
    out.push(...optional(prop, at));
  }
  const items = Array.isArray(schema.items) ? schema.items : schema.items ? [schema.items] : [];
  for (const item of items) out.push(...optional(item, `${path}[]`));
  for (const branch of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])])
    out.push(...optional(branch, path));
  return out;
}

/** Paths of the properties without a description, below `path`. */
function undescribed(schema: JsonSchema, path: string): string[] {
  const out: string[] = [];
  for (const [name, prop] of Object.entries(schema.properties ?? {})) {
    const at = `${path}.${name}`;
    if (!prop.description?.trim()) out.push(at);
    out.push(...undescribed(prop, at));
  }
  const items = Array.isArray(schema.items) ? schema.items : schema.items ? [schema.items] : [];
  for (const item of items) out.push(...undescribed(item, `${path}[]`));
  for (const branch of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])])
    out.push(...undescribed(branch, path));
  if (typeof schema.additionalProperties === "object")
    out.push(...undescribed(schema.additionalProperties, `${path}{}`));
  return out;
}

describe("report schemas", () => {
  it.each(Object.entries(REPORT_SCHEMAS))("%s: every field is described", (kind, schema) => {
    const json = z.toJSONSchema(schema, { io: "output" }) as JsonSchema;
    expect(Object.keys(json.properties ?? {}).length).toBeGreaterThan(3);
    expect(undescribed(json, kind)).toEqual([]);
  });

  it("leaves out only the fields a param asks for: a reader never guesses whether absent means zero", () => {
    const all = Object.entries(REPORT_SCHEMAS).flatMap(([kind, schema]) =>
      optional(z.toJSONSchema(schema, { io: "output" }) as JsonSchema, kind),
    );
    expect(all).toEqual(["underperforming_creators.evaluations"]);
    expect(
      optional(z.toJSONSchema(z.object({ a: z.number(), b: z.number().optional() })) as JsonSchema, "x"),
    ).toEqual(["x.b"]);
  });

  it("catches a field without a description", () => {
    const bare = z.object({
      described: z.number().describe("A number of things."),
      nested: z
        .object({ inner: z.array(z.object({ leaf: z.number().nullable() })).describe("A list.") })
        .describe("Nested."),
      meta: z.object({ at: z.string() }).describe("Described, its field not."),
    });
    expect(undescribed(z.toJSONSchema(bare) as JsonSchema, "bare")).toEqual([
      "bare.nested.inner[].leaf",
      "bare.meta.at",
    ]);
  });

  it("says the unit of every ratio: rates and shares are fractions 0–1, ratios to a norm multiples", () => {
    const fields: Array<[string, string]> = [];
    const collect = (schema: JsonSchema) => {
      for (const [name, prop] of Object.entries(schema.properties ?? {})) {
        fields.push([name, prop.description ?? ""]);
        collect(prop);
      }
      const items = Array.isArray(schema.items) ? schema.items : schema.items ? [schema.items] : [];
      for (const sub of [...items, ...(schema.anyOf ?? [])]) collect(sub);
    };
    for (const schema of Object.values(REPORT_SCHEMAS)) collect(z.toJSONSchema(schema) as JsonSchema);
    const fractions = fields.filter(([name]) =>
      /engagement_rate|_share$|^er_(recent|earlier)$|change_ratio|acceleration/.test(name),
    );
    const multiples = fields.filter(([name]) => /^(ratio_to_\w+|reach_ratio|er_ratio)$/.test(name));
    expect(fractions.length).toBeGreaterThan(10);
    expect(multiples.length).toBeGreaterThan(3);
    for (const [name, text] of fractions) expect(text, name).toMatch(/fraction 0–1/);
    for (const [name, text] of multiples) expect(text, name).toMatch(/a multiple/);
  });
});
