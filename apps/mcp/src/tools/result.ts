/**
 * Builds every successful tool result the same way: the structured value fitted to the response
 * format's budget (budget.ts), a short text rendering of what was kept, and — when something was cut —
 * a `truncation` field saying what and how to get the rest. The text is what most clients show the
 * model; `structuredContent` is the same data, typed by the tool's output schema.
 * @module
 */
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import {
  BUDGETS,
  type Cut,
  describeCuts,
  estimateTokens,
  fitText,
  fitToBudget,
  MAX_RESULT_TOKENS,
  type ResponseFormat,
} from "../budget.js";

export const Truncation = z
  .object({
    truncated: z.literal(true),
    budget_tokens: z.number().describe("The structured part's budget (estimated tokens, characters / 4)."),
    cut: z
      .array(
        z.object({
          path: z.string(),
          offset: z.number(),
          shown: z.number(),
          total: z.number(),
        }),
      )
      .describe("Lists that were shortened: from offset, shown items of total."),
    shortened_fields: z.array(z.string()).describe("Long texts cut in half as a last resort."),
    how_to_get_more: z.string(),
  })
  .optional()
  .describe("Present only when the result was cut to fit the context budget.");

export interface BudgetedInput<T> {
  structured: T;
  render: (value: T) => string;
  format: ResponseFormat;
  focus?: { path: string; offset: number } | undefined;
  keep?: readonly string[];
  /** Marker of a footer the text keeps whole when it is cut (a report's caveats and notes). */
  tailFrom?: string | undefined;
  /** How to get the rest, given the lists that were cut. */
  more: (cuts: readonly Cut[]) => string;
}

export function budgetedResult<T extends object>(input: BudgetedInput<T>): CallToolResult {
  let budget = BUDGETS[input.format];
  for (let attempt = 0; ; attempt++) {
    const fitted = fitToBudget(input.structured, budget.structured, {
      focus: input.focus,
      keep: input.keep ?? [],
    });
    const cut = fitted.cuts.length > 0 || fitted.shortened.length > 0;
    const how = cut ? input.more(fitted.cuts) : "";
    const structured: Record<string, unknown> = { ...(fitted.value as Record<string, unknown>) };
    if (cut) {
      structured.truncation = {
        truncated: true,
        budget_tokens: budget.structured,
        cut: fitted.cuts,
        shortened_fields: fitted.shortened,
        how_to_get_more: how,
      };
    }
    const note = cut ? `Cut to fit the context budget (${describeCuts(fitted.cuts)}). ${how}` : "";
    const body = fitText(
      input.render(fitted.value),
      budget.text,
      "text shortened; the structured result has every field.",
      input.tailFrom,
    );
    const text = cut ? `${body}\n\n${note}` : body;
    const result: CallToolResult = { content: [{ type: "text", text }], structuredContent: structured };
    // The parts are budgeted separately; this is the guarantee on the whole.
    if (estimateTokens(result) <= MAX_RESULT_TOKENS || attempt >= 4) return result;
    budget = { structured: Math.floor(budget.structured / 2), text: Math.floor(budget.text / 2) };
  }
}
