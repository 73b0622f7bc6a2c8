/**
 * The parity report: what a read-only run against an API found different from the contract, route by
 * route, and what such a run cannot observe at all. Like every goatkit report it is plain, JSON-safe
 * data with a zod schema, so front ends can print it as JSON or render it (`renderParityMarkdown`).
 * A route that was not asked, or answered with an error, is listed as such: never as "no differences".
 * @module
 */
import { z } from "zod";

const Count = z.number().int().nonnegative();

export const PARITY_DIFFERENCE_KINDS = [
  "missing_field",
  "extra_field",
  "type_mismatch",
  "unknown_enum",
  "envelope",
] as const;
export const ParityDifferenceKind = z
  .enum(PARITY_DIFFERENCE_KINDS)
  .describe(
    "missing_field: a documented field was absent; extra_field: a field the contract does not list; " +
      "type_mismatch: a value of another type or format; unknown_enum: a value the contract's enum does not " +
      "list; envelope: the { data, error, meta } wrapper or an error body differs.",
  );
export type ParityDifferenceKind = z.infer<typeof ParityDifferenceKind>;

export const ParityDifference = z
  .object({
    route: z.string().describe("The route as a pattern, e.g. `GET /creators/{id}/stats` (never an id)."),
    kind: ParityDifferenceKind,
    path: z
      .string()
      .describe(
        "Field path inside one item of `data` (for a list: inside each listed item), `[]` for array items, " +
          'e.g. `history[].like_count`; "" for the whole of `data`; envelope paths start at the envelope ' +
          "(`meta.nextCursor`).",
      ),
    expected: z.string().describe("What the contract says, briefly (a type, `one of auto | selective`)."),
    example: z
      .string()
      .describe(
        "A short example of what was received: a type, or an enum value (never a string value that could " +
          "carry personal data).",
      ),
    occurrences: Count.describe("How many checked items showed the difference."),
    checked_items: Count.describe("How many items of this route were checked (1 for a single object)."),
  })
  .describe("One difference between the contract and the answers of one route.");
export type ParityDifference = z.infer<typeof ParityDifference>;

export const ParityCheck = z
  .object({
    route: z.string().describe("The route as a pattern, e.g. `GET /videos`."),
    schema: z.string().describe("The strict reader the answer was validated with (`video`, `page_meta`, …)."),
    status: z.number().int().nullable().describe("HTTP status of the answer; null when none arrived."),
    outcome: z
      .enum(["matches", "differs", "gone", "error", "skipped"])
      .describe(
        "matches: validated, no difference; differs: validated, differences listed; gone: 410 (the other API " +
          "generation), its error envelope validated; error: the route answered an error or no valid JSON, so " +
          "its shape was not checked; skipped: not asked (no item to ask about, or the request budget was spent).",
      ),
    items: Count.describe("How many items were validated (0 when the route was not validated)."),
    note: z
      .string()
      .nullable()
      .describe("Why a route was skipped or failed, or what it showed; null otherwise."),
  })
  .describe("One route the run asked, or meant to ask.");
export type ParityCheck = z.infer<typeof ParityCheck>;

export const NotChecked = z
  .object({
    what: z.string().describe("What was not checked."),
    why: z.string().describe("Why a read-only run cannot observe it, or why this run did not."),
  })
  .describe("Something this run did not check: never read as fine.");
export type NotChecked = z.infer<typeof NotChecked>;

export const ParityReport = z
  .object({
    kind: z.literal("parity"),
    generated_at: z.string().describe("When the run finished, ISO 8601 UTC."),
    base_url: z.string().describe("The API base URL that answered (credentials never included)."),
    api_generation: z
      .enum(["legacy", "current", "unknown"])
      .describe(
        "legacy: the per-entity stats routes answered; current: they answered 410 Gone; unknown: not asked.",
      ),
    project: z
      .object({ id: z.string(), name: z.string().nullable() })
      .nullable()
      .describe("The project whose records were sampled; null when the org has none."),
    request_budget: Count.describe("Most HTTP requests the run may send (retries included)."),
    request_count: Count.describe("HTTP requests the run sent, retries included."),
    differences: z.array(ParityDifference).describe("Every difference found, by route then path."),
    checks: z.array(ParityCheck).describe("Every route the run asked or meant to ask, in order."),
    not_checked: z.array(NotChecked).describe("What this run did not check, and why."),
    summary: z
      .object({
        differences: Count.describe("Number of differences."),
        routes_checked: Count.describe("Routes validated (outcome matches, differs or gone)."),
        routes_not_checked: Count.describe("Routes skipped or answered with an error."),
        matches_contract: z
          .boolean()
          .describe(
            "true only when no difference was found AND every planned route was validated; a route not " +
              "checked makes this false (unknown is not fine).",
          ),
      })
      .describe("The headline numbers."),
  })
  .describe("What a read-only run found different between an API and goatkit's contract.");
export type ParityReport = z.infer<typeof ParityReport>;
