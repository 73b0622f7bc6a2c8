/**
 * The catalogue as front ends see it: six workflows in a stable order, one snake_case name each, strict
 * plain-data params with clean JSON Schemas, and descriptions that say what a run costs.
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { REPORT_SCHEMAS } from "../../reports/schema/index.js";
import { getWorkflow, WORKFLOW_NAMES, workflows } from "./catalogue.js";
import { withAsOf } from "./deprecated.js";
import { workflowJsonSchemas } from "./json-schema.js";
import { WorkflowParamsError } from "./params-error.js";

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  description?: string;
  additionalProperties?: unknown;
  required?: string[];
  default?: unknown;
};

/** The JSON types a params field may have: plain data, or arrays of it. */
function plainTypes(s: JsonSchema): string[] {
  if (s.anyOf) return s.anyOf.flatMap(plainTypes);
  if (s.type === "array") return s.items ? plainTypes(s.items).map((t) => `${t}[]`) : ["?[]"];
  if (s.enum && !s.type) return ["enum"];
  return Array.isArray(s.type) ? s.type : [s.type ?? "?"];
}

describe("the workflow catalogue", () => {
  it("lists the six workflows in a stable order", () => {
    expect(WORKFLOW_NAMES).toEqual([
      "campaign_performance",
      "campaign_comparison",
      "underperforming_creators",
      "campaign_content",
      "creator_trend",
      "program_health",
    ]);
    for (const w of workflows) expect(getWorkflow(w.name)).toBe(w);
    expect(getWorkflow("nope")).toBeUndefined();
  });

  it("uses each workflow's name as its report kind", () => {
    for (const w of workflows) {
      expect(w.name).toMatch(/^[a-z]+(_[a-z]+)*$/);
      expect(Object.keys(REPORT_SCHEMAS)).toContain(w.name);
      expect(w.report).toBe(REPORT_SCHEMAS[w.name]);
      const kind = (z.toJSONSchema(w.report) as JsonSchema).properties?.kind;
      expect(kind).toMatchObject({ const: w.name });
    }
  });

  it.each(workflows.map((w) => [w.name, w] as const))("%s: params give a clean JSON Schema", (_, w) => {
    const schema = workflowJsonSchemas(w).params as JsonSchema;
    expect(schema.type).toBe("object");
    expect(schema.additionalProperties).toBe(false);
    const props = Object.entries(schema.properties ?? {});
    expect(props.length).toBeGreaterThan(2);
    for (const [name, prop] of props) {
      expect(name, "snake_case").toMatch(/^[a-z]+(_[a-z]+)*$/);
      expect(prop.description, `${w.name}.${name} is described`).toBeTruthy();
      for (const t of plainTypes(prop))
        expect(["string", "number", "integer", "boolean", "enum", "string[]"]).toContain(t);
      // A default the schema applies is stated in the description, so a reader of --help or a tool list sees it.
      if (prop.default !== undefined) expect(prop.description).toContain(`Default: ${String(prop.default)}`);
    }
    expect(Object.keys(schema.properties ?? {})).toContain("as_of");
  });

  it.each(workflows.map((w) => [w.name, w] as const))("%s: the report gives a JSON Schema", (_, w) => {
    const schema = workflowJsonSchemas(w).report as JsonSchema;
    expect(schema.type).toBe("object");
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
    expect(schema.required).toEqual(expect.arrayContaining(["kind", "meta"]));
  });

  it("describes when to use each workflow and what it costs in ceil(n/100) terms", () => {
    for (const w of workflows) {
      expect(w.title.length).toBeGreaterThan(3);
      expect(w.description).toMatch(/Use it/);
      expect(w.description).toMatch(/Needs /);
      expect(w.description).toMatch(/Cost/);
      expect(w.description).toMatch(/ceil\(/);
    }
  });
});

describe("params", () => {
  const perf = getWorkflow("campaign_performance");
  const catchParams = (input: unknown) => {
    try {
      perf.parseParams(input);
    } catch (err) {
      if (err instanceof WorkflowParamsError) return err;
      throw err;
    }
    throw new Error("expected a WorkflowParamsError");
  };

  it("applies the described defaults", () => {
    expect(perf.parseParams({ campaign_id: "c1" })).toEqual({ campaign_id: "c1", detail: "full" });
    expect(getWorkflow("underperforming_creators").parseParams({ project_id: "p" })).toMatchObject({
      limit: 25,
      low_views_factor: 0.4,
    });
  });

  it("refuses unknown params, naming each", () => {
    const err = catchParams({ campaign_id: "c1", campain_id: "x", detial: "stats" });
    expect(err.workflow).toBe("campaign_performance");
    expect(err.issues.map((i) => i.path)).toEqual(["campain_id", "detial"]);
    expect(err.issues[0]!.code).toBe("unrecognized_keys");
    expect(err.message).toContain("campain_id: unknown param (did you mean campaign_id?)");
    expect(catchParams({ campaign_id: "c", colour: "red" }).message).toContain(
      "colour: unknown param (known: campaign_id, project_id, range, from, to, as_of, detail)",
    );
  });

  it("points runtime options and the old asOf to where they belong", () => {
    const err = catchParams({ campaign_id: "c1", onProgress: () => {}, asOf: "2026-01-01" });
    expect(err.message).toContain("onProgress is a runtime option");
    expect(err.message).toContain("use as_of");
  });

  it("names the field of a missing, mistyped or malformed value", () => {
    expect(catchParams({}).field).toBe("campaign_id");
    expect(catchParams({}).message).toBe("campaign_performance: campaign_id: required (expected string)");
    expect(catchParams({ campaign_id: 7 }).field).toBe("campaign_id");
    expect(catchParams({ campaign_id: "c", detail: "everything" }).field).toBe("detail");
    expect(catchParams({ campaign_id: "c", from: "2026-13-45" }).field).toBe("from");
    expect(catchParams({ campaign_id: "c", to: "2026-02-30" }).field).toBe("to");
    expect(catchParams({ campaign_id: "c", from: "yesterday" }).field).toBe("from");
    expect(catchParams({ campaign_id: "c", as_of: "not-a-date" }).field).toBe("as_of");
    expect(catchParams({ campaign_id: "c", range: "last_week" }).field).toBe("range");
  });

  it("refuses a reversed range, and a preset together with days", () => {
    const reversed = catchParams({ campaign_id: "c", from: "2026-11-20", to: "2026-11-01" });
    expect(reversed.field).toBe("from");
    expect(reversed.message).toContain("after");
    expect(catchParams({ campaign_id: "c", range: "last_7_days", from: "2026-11-01" }).field).toBe("range");
  });

  it("needs project_id or campaign_ids to compare", () => {
    const cmp = getWorkflow("campaign_comparison");
    expect(() => cmp.parseParams({})).toThrow(WorkflowParamsError);
    expect(() => cmp.parseParams({ campaign_ids: [] })).toThrow(/campaign_ids/);
    expect(cmp.parseParams({ campaign_ids: ["a", "b"] })).toEqual({ campaign_ids: ["a", "b"] });
  });

  it("refuses params that are not an object", () => {
    for (const bad of ["x", 3, [], null]) {
      const err = (() => {
        try {
          getWorkflow("program_health").parseParams(bad);
        } catch (e) {
          return e;
        }
      })();
      expect(err).toBeInstanceOf(WorkflowParamsError);
    }
  });
});

describe("the deprecated asOf of the function wrappers", () => {
  it("becomes as_of, as an ISO instant, unless as_of is given", () => {
    expect(withAsOf({ project_id: "p", asOf: new Date("2026-03-15T12:00:00Z") })).toEqual({
      project_id: "p",
      as_of: "2026-03-15T12:00:00.000Z",
    });
    expect(withAsOf({ project_id: "p", asOf: Date.parse("2026-03-15T12:00:00Z") }).as_of).toBe(
      "2026-03-15T12:00:00.000Z",
    );
    expect(withAsOf({ project_id: "p", as_of: "2026-01-01", asOf: "2026-03-15" })).toEqual({
      project_id: "p",
      as_of: "2026-01-01",
    });
    expect(withAsOf({ project_id: "p", as_of: undefined })).toEqual({ project_id: "p", as_of: undefined });
  });

  it("leaves a malformed asOf to the params check, which names as_of", () => {
    const params = withAsOf({ project_id: "p", asOf: "yesterday-ish" });
    expect(() => getWorkflow("program_health").parseParams(params)).toThrow(/as_of/);
  });
});
