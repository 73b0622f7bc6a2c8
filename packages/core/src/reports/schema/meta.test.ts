/**
 * `meta` as front ends see it: every field described (MCP and OpenAPI schemas are generated from the
 * descriptions), counts named `*_count`, caveat codes from one list, and no way to pass off a skipped
 * check as a clean one.
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { CAVEAT_CODES } from "./caveat-codes.js";
import { ReportMeta } from "./meta.js";

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  description?: string;
};

/** Every property of the schema, nested ones too, as [dotted path, schema]. */
function properties(s: JsonSchema, prefix = ""): Array<[string, JsonSchema]> {
  const out: Array<[string, JsonSchema]> = [];
  for (const [name, prop] of Object.entries(s.properties ?? {})) {
    const path = prefix + name;
    out.push([path, prop]);
    for (const inner of [prop, prop.items, ...(prop.anyOf ?? [])])
      if (inner) out.push(...properties(inner, `${path}.`));
  }
  return out;
}

const schema = z.toJSONSchema(ReportMeta, { io: "output" }) as JsonSchema;

const valid: ReportMeta = {
  generated_at: "2026-03-15T12:00:00.000Z",
  range: { from: "2026-02-14", to: "2026-03-15" },
  freshness: {
    checked: false,
    is_stale: null,
    checked_count: 0,
    stale_count: 0,
    never_scraped_count: 0,
    oldest_scraped_at: null,
    oldest_age_hours: null,
    stale_ids: [],
    stale_ids_truncated: false,
  },
  excluded: { pending_checked: false, pending_review: null, excluded_count: null, reason: "…" },
  caveats: [{ code: "not_checked", message: "Scrape freshness was not checked." }],
  notes: [],
  request_count: 2,
  api_generation: "legacy",
};

describe("ReportMeta", () => {
  it("describes every field, nested ones included", () => {
    const props = properties(schema);
    expect(props.length).toBeGreaterThan(20);
    for (const [path, prop] of props) expect(prop.description, path).toMatch(/\w{3,}/);
    expect(schema.description).toBeTruthy();
  });

  it("names counts *_count (pending_review keeps the API's status name and says it is a count)", () => {
    const integers = properties(schema).filter(([, p]) =>
      [p.type, ...(p.anyOf ?? []).map((a) => a.type)].flat().includes("integer"),
    );
    expect(integers.map(([path]) => path).sort()).toEqual([
      "excluded.excluded_count",
      "excluded.pending_review",
      "freshness.checked_count",
      "freshness.never_scraped_count",
      "freshness.stale_count",
      "request_count",
    ]);
    const pending = properties(schema).find(([path]) => path === "excluded.pending_review")![1];
    expect(pending.description).toMatch(/^Number of/);
  });

  it("takes caveat codes from the one list in analysis/caveats.ts", () => {
    const code = properties(schema).find(([path]) => path === "caveats.code")![1];
    expect(code.enum).toEqual([...CAVEAT_CODES]);
    for (const c of CAVEAT_CODES) expect(code.description).toContain(`\`${c}\``);
    expect(ReportMeta.safeParse({ ...valid, caveats: ["A bare sentence."] }).success).toBe(false);
    expect(ReportMeta.safeParse({ ...valid, caveats: [{ code: "nope", message: "x" }] }).success).toBe(false);
  });

  it("accepts an honest 'not checked' and refuses it passed off as fresh or as zero", () => {
    expect(ReportMeta.safeParse(valid).error).toBeUndefined();
    const lie = (patch: object, key: "freshness" | "excluded") =>
      ReportMeta.safeParse({ ...valid, [key]: { ...valid[key], ...patch } }).success;
    expect(lie({ is_stale: false }, "freshness")).toBe(false);
    expect(lie({ checked_count: 3 }, "freshness")).toBe(false);
    expect(lie({ checked: true }, "freshness")).toBe(true); // checked, but there was nothing to check
    expect(lie({ checked: true, checked_count: 4, is_stale: false }, "freshness")).toBe(true);
    expect(lie({ checked: true, checked_count: 4, stale_count: 1, is_stale: false }, "freshness")).toBe(
      false,
    );
    expect(lie({ pending_review: 0 }, "excluded")).toBe(false);
    expect(lie({ pending_checked: true }, "excluded")).toBe(false);
    expect(lie({ pending_checked: true, pending_review: 0 }, "excluded")).toBe(true);
  });
});
