/**
 * From a strict reader's verdict to differences, on hand-made values: each kind, folded paths, unions
 * (the closest branch), and the per-route tally. Examples never quote a string the API sent, except
 * enum values.
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { collectDifferences, findDifferences, foldPath } from "./differences.js";

const Item = z.strictObject({
  id: z.string(),
  name: z.string().nullable(),
  mode: z.enum(["auto", "selective"]),
  history: z.array(z.strictObject({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), views: z.number() })),
});

describe("findDifferences", () => {
  it("finds nothing in a value the reader accepts", () => {
    expect(findDifferences(Item, { id: "a", name: null, mode: "auto", history: [] })).toEqual([]);
  });

  it("names each kind, with folded paths and examples that are types or enum values", () => {
    const found = findDifferences(Item, {
      id: 7,
      mode: "paused",
      nickname: "Maya from Leeds",
      history: [{ date: "31/03/2026", views: 1, likes: 2 }],
    });
    expect(found).toEqual(
      expect.arrayContaining([
        { kind: "type_mismatch", path: "id", expected: "string", example: "number" },
        { kind: "missing_field", path: "name", expected: "string", example: "absent" },
        { kind: "unknown_enum", path: "mode", expected: "one of auto | selective", example: '"paused"' },
        { kind: "extra_field", path: "nickname", expected: "not in the contract", example: "string" },
        { kind: "type_mismatch", path: "history[].date", expected: "regex format", example: "string" },
        { kind: "extra_field", path: "history[].likes", expected: "not in the contract", example: "number" },
      ]),
    );
    expect(found).toHaveLength(6);
    expect(JSON.stringify(found)).not.toContain("Maya");
  });

  it("reports a union against its closest branch", () => {
    const Stats = z.union([
      z.strictObject({ history: z.array(z.number()), from: z.string() }),
      z.strictObject({ series: z.array(z.number()) }),
    ]);
    expect(findDifferences(Stats, { series: [1], extra: true })).toEqual([
      { kind: "extra_field", path: "extra", expected: "not in the contract", example: "boolean" },
    ]);
  });

  it("folds array indexes", () => {
    expect(foldPath(["top_videos", 3, "id"])).toBe("top_videos[].id");
    expect(foldPath([])).toBe("");
  });
});

describe("collectDifferences", () => {
  it("tallies items per (kind, path) and keeps up to three distinct examples", () => {
    const unknown = (v: string) => ({
      kind: "unknown_enum" as const,
      path: "mode",
      expected: "…",
      example: v,
    });
    const diffs = collectDifferences("GET /creators", [
      [unknown('"a"'), unknown('"a"')],
      [],
      [unknown('"b"')],
      [unknown('"c"')],
      [unknown('"d"')],
    ]);
    expect(diffs).toEqual([
      {
        route: "GET /creators",
        kind: "unknown_enum",
        path: "mode",
        expected: "…",
        example: '"a", "b", "c"',
        occurrences: 4,
        checked_items: 5,
      },
    ]);
  });
});
