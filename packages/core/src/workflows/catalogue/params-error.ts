/**
 * The one error a workflow raises for bad params: an unknown or misspelt field, a malformed date, an
 * id that names nothing this key can see. Front ends map it to a usage error (CLI exit 2, HTTP 400, an
 * MCP `isError` result) because the caller, not the API, has to change something.
 * @module
 */
import type { z } from "zod";

/** One problem with the params: where (`campaign_ids.2`), what kind, and what to change. */
export interface ParamsIssue {
  /** Dotted path of the field, `""` for the params object itself. */
  path: string;
  /** zod's issue code (`unrecognized_keys`, `invalid_type`, …) or `not_found`. */
  code: string;
  message: string;
}

/** Runtime options that belong in the third argument of `run`, not in the params. */
const RUNTIME_OPTIONS = new Set(["signal", "onProgress", "cache", "asOf"]);

export class WorkflowParamsError extends Error {
  override readonly name = "WorkflowParamsError";
  /** The workflow whose params were refused. */
  readonly workflow: string;
  readonly issues: readonly ParamsIssue[];

  constructor(workflow: string, issues: readonly ParamsIssue[]) {
    super(`${workflow}: ${issues.map(describeIssue).join("; ")}`);
    this.workflow = workflow;
    this.issues = issues;
  }

  /** The first offending field, e.g. `from`; `""` when the params as a whole are wrong. */
  get field(): string {
    return this.issues[0]?.path ?? "";
  }

  /** From a failed `safeParse`; `known` (the params' field names) lets an unknown key suggest its likely spelling. */
  static fromZod(workflow: string, error: z.ZodError, known: readonly string[] = []): WorkflowParamsError {
    const issues: ParamsIssue[] = [];
    for (const issue of error.issues) {
      const base = issue.path.map(String).join(".");
      if (issue.code === "unrecognized_keys") {
        // One issue per key, so each names its field.
        for (const key of issue.keys) {
          issues.push({
            path: base ? `${base}.${key}` : key,
            code: issue.code,
            message: RUNTIME_OPTIONS.has(key)
              ? key === "asOf"
                ? "unknown param: use as_of (an ISO date or instant)"
                : `unknown param: ${key} is a runtime option, pass it in the options argument: run(client, params, { ${key} })`
              : unknownParam(key, known),
          });
        }
      } else if (issue.code === "invalid_type" && / received undefined$/.test(issue.message)) {
        issues.push({
          path: base,
          code: issue.code,
          message: `required (${issue.message.replace(/^Invalid input: |, received undefined$/g, "")})`,
        });
      } else issues.push({ path: base, code: issue.code, message: issue.message });
    }
    return new WorkflowParamsError(workflow, issues);
  }

  /** For an id the API does not know (or does not show this key). */
  static notFound(workflow: string, field: string, message: string): WorkflowParamsError {
    return new WorkflowParamsError(workflow, [{ path: field, code: "not_found", message }]);
  }
}

function unknownParam(key: string, known: readonly string[]): string {
  const close = known.find((k) => editDistance(k, key.toLowerCase()) <= 2);
  return close
    ? `unknown param (did you mean ${close}?)`
    : `unknown param${known.length ? ` (known: ${known.join(", ")})` : ""}`;
}

/** Levenshtein distance, for "did you mean" on short param names. */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

function describeIssue(issue: ParamsIssue): string {
  return issue.path ? `${issue.path}: ${issue.message}` : issue.message;
}

export function isWorkflowParamsError(err: unknown): err is WorkflowParamsError {
  return err instanceof WorkflowParamsError;
}
