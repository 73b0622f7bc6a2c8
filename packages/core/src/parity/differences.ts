/**
 * Turning a strict reader's verdict on one value into differences a person can act on: a missing
 * field, an extra one, a type, an unknown enum value. The strict readers are closed objects with closed
 * enums, so zod's issues already say everything; this maps them to paths like `history[].like_count`
 * (array indexes folded, so 60 creators with the same gap are one line) and to short examples that name
 * a type or an enum value, never a string the API sent (it could be a person's name or a note).
 * @module
 */
import type { z } from "zod";
import type { ParityDifference, ParityDifferenceKind } from "./report.js";

/** One difference in one value. */
export interface Finding {
  kind: ParityDifferenceKind;
  path: string;
  expected: string;
  example: string;
}

type Issue = z.core.$ZodIssue;
type Path = readonly PropertyKey[];

/** `history[].like_count`: numbers become `[]`, keys join with dots. */
export function foldPath(path: Path): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += "[]";
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out;
}

/** A value's type as a reader would say it. */
export function describeType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

/** An enum value, quoted and cut short (enum values are codes, not personal data). */
function describeValue(value: unknown): string {
  if (typeof value !== "string") return describeType(value);
  const text = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return JSON.stringify(text);
}

function valueAt(root: unknown, path: Path): { found: boolean; value: unknown } {
  let current: unknown = root;
  for (const part of path) {
    if (typeof current !== "object" || current === null) return { found: false, value: undefined };
    const record = current as Record<PropertyKey, unknown>;
    if (!(part in record)) return { found: false, value: undefined };
    current = record[part];
  }
  return { found: true, value: current };
}

/** The differences between `value` and what `schema` (a strict reader) accepts. */
export function findDifferences(schema: z.ZodType, value: unknown, prefix: Path = []): Finding[] {
  const result = schema.safeParse(value);
  if (result.success) return [];
  return result.error.issues.flatMap((issue) => fromIssue(issue, value, prefix));
}

function fromIssue(issue: Issue, root: unknown, prefix: Path): Finding[] {
  const at = [...prefix, ...issue.path];
  const here = valueAt(root, issue.path);
  switch (issue.code) {
    case "invalid_type": {
      const expected = String(issue.expected);
      if (!here.found) return [{ kind: "missing_field", path: foldPath(at), expected, example: "absent" }];
      return [{ kind: "type_mismatch", path: foldPath(at), expected, example: describeType(here.value) }];
    }
    case "unrecognized_keys": {
      const parent = here.value as Record<string, unknown>;
      return issue.keys.map((key) => ({
        kind: "extra_field" as const,
        path: foldPath([...at, key]),
        expected: "not in the contract",
        example: describeType(parent?.[key]),
      }));
    }
    case "invalid_value": {
      const expected = `one of ${issue.values.map((v) => String(v)).join(" | ")}`;
      if (!here.found) return [{ kind: "missing_field", path: foldPath(at), expected, example: "absent" }];
      return [{ kind: "unknown_enum", path: foldPath(at), expected, example: describeValue(here.value) }];
    }
    case "invalid_union":
      return bestBranch(issue, here.value, at);
    default: {
      const expected = "format" in issue && issue.format ? `${String(issue.format)} format` : issue.code;
      return [{ kind: "type_mismatch", path: foldPath(at), expected, example: describeType(here.value) }];
    }
  }
}

/** Of a union's branches, the one the value came closest to (fewest differences; the first on a tie). */
function bestBranch(issue: Extract<Issue, { code: "invalid_union" }>, value: unknown, at: Path): Finding[] {
  let best: Finding[] | undefined;
  for (const branch of issue.errors) {
    const findings = branch.flatMap((i) => fromIssue(i, value, at));
    if (best === undefined || findings.length < best.length) best = findings;
  }
  if (best && best.length > 0) return best;
  return [
    {
      kind: "type_mismatch",
      path: foldPath(at),
      expected: "one of the documented shapes",
      example: describeType(value),
    },
  ];
}

/**
 * Folds the findings of every checked item of one route into differences: one per (kind, path), with
 * how many items showed it and up to three distinct examples.
 */
export function collectDifferences(route: string, findingsPerItem: readonly Finding[][]): ParityDifference[] {
  const byKey = new Map<string, { finding: Finding; items: number; examples: string[] }>();
  for (const findings of findingsPerItem) {
    const seen = new Set<string>();
    for (const f of findings) {
      const key = `${f.kind}\u0000${f.path}`;
      let entry = byKey.get(key);
      if (!entry) {
        entry = { finding: f, items: 0, examples: [] };
        byKey.set(key, entry);
      }
      if (!entry.examples.includes(f.example) && entry.examples.length < 3) entry.examples.push(f.example);
      if (!seen.has(key)) {
        seen.add(key);
        entry.items++;
      }
    }
  }
  return [...byKey.values()].map(({ finding, items, examples }) => ({
    route,
    kind: finding.kind,
    path: finding.path,
    expected: finding.expected,
    example: examples.join(", "),
    occurrences: items,
    checked_items: findingsPerItem.length,
  }));
}
