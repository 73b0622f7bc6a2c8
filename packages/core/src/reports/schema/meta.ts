/**
 * What every report carries besides its findings: when and over what range it was computed, how fresh
 * the data was, what was left out and why, the caveats, the notes (`description` texts) it read, what
 * it cost upstream, and which API generation answered. A report without these invites conclusions the
 * data does not support.
 *
 * Every field is described: MCP output schemas and the OpenAPI document are generated from these
 * descriptions. A check a workflow did not run is `null` or `checked: false`, never a reassuring 0.
 * @module
 */
import { z } from "zod";
import { DayRange } from "../../schema/day-range.js";
import { Caveat } from "./caveat-codes.js";

const Count = z.number().int().nonnegative();

export const ApiGeneration = z
  .enum(["legacy", "current"])
  .describe(
    "Which API generation answered: `legacy` when the per-entity stats routes answered, `current` when they " +
      "answered 410 Gone and figures were rebuilt from /analytics and the paginated lists.",
  );
export type ApiGeneration = z.infer<typeof ApiGeneration>;

export const ReportFreshness = z
  .object({
    checked: z
      .boolean()
      .describe(
        "Whether the workflow looked at scrape times at all. false: the data it read does not carry them " +
          "(e.g. stats routes only); every count below is then 0 and is_stale is null — unknown, not fresh.",
      ),
    is_stale: z
      .boolean()
      .nullable()
      .describe(
        "true when at least one checked entity is stale (last scraped more than 12 h before generated_at, or " +
          "never scraped); false when all checked entities are fresh; null when nothing was checked " +
          "(checked is false or checked_count is 0).",
      ),
    checked_count: Count.describe("Number of entities (creators or videos) whose scrape time was checked."),
    stale_count: Count.describe(
      "Number of checked entities that are stale (> 12 h since the last scrape), never-scraped ones included.",
    ),
    never_scraped_count: Count.describe(
      "Number of checked entities never scraped (counted in stale_count too); their counters are unknown, not zero.",
    ),
    oldest_scraped_at: z
      .string()
      .nullable()
      .describe(
        "The oldest last-scrape instant among the checked entities, ISO 8601; null when none was ever scraped.",
      ),
    oldest_age_hours: z
      .number()
      .nullable()
      .describe(
        "Hours between oldest_scraped_at and generated_at, one decimal; null when oldest_scraped_at is null.",
      ),
    stale_ids: z
      .array(z.string())
      .describe("Ids of stale entities, never-scraped first, then oldest first; at most 20."),
    stale_ids_truncated: z
      .boolean()
      .describe("true when stale_ids was cut to its limit (stale_count is larger)."),
  })
  // Validating a report over the wire catches the one lie that matters: "not checked" passed off as fresh.
  .refine(
    (f) => (f.checked && f.checked_count > 0 ? f.is_stale === f.stale_count > 0 : f.is_stale === null),
    {
      path: ["is_stale"],
      message: "is_stale is null when nothing was checked, else whether stale_count > 0",
    },
  )
  .refine((f) => f.checked || f.checked_count === 0, {
    path: ["checked_count"],
    message: "nothing is counted as checked when checked is false",
  })
  .describe("How fresh the scraped counters behind the report were at generated_at.");

export const Excluded = z
  .object({
    pending_checked: z
      .boolean()
      .describe(
        "Whether the workflow looked for pending_review videos. false: the data it read does not list them, so " +
          "pending_review is null — unknown, not zero.",
      ),
    pending_review: Count.nullable().describe(
      "Number of pending_review videos (waiting for approval in the Tracking Inbox) left out of every figure; " +
        "null when pending_checked is false.",
    ),
    excluded_count: Count.nullable().describe(
      "Number of excluded videos left out; null when unknown, which is the usual case: the API never lists " +
        "excluded videos.",
    ),
    reason: z
      .string()
      .describe("One paragraph saying which videos count and what was left out, for a reader."),
  })
  .refine((e) => e.pending_checked === (e.pending_review !== null), {
    path: ["pending_review"],
    message: "pending_review is a count exactly when pending_checked is true, else null",
  })
  .describe("Videos left out of the figures, by tracking status.");

export const Note = z
  .object({
    entity: z
      .enum(["project", "creator", "campaign", "video"])
      .describe("The kind of entity whose note this is."),
    id: z.string().describe("The entity's id."),
    name: z
      .string()
      .nullable()
      .describe("The entity's name (a creator's TikTok handle); null when it has none."),
    description: z
      .string()
      .describe("The entity's `description` text, trimmed, at most 2,000 characters (then ending in …)."),
  })
  .describe(
    "A note an operator wrote on an entity the workflow read; it may change how a figure should be read.",
  );
export type Note = z.infer<typeof Note>;

export const ReportMeta = z
  .object({
    generated_at: z
      .string()
      .describe(
        "The analysis instant (the as_of param, else the run's start), ISO 8601 UTC; all ages are relative to it.",
      ),
    range: DayRange.describe("The analysed date range, both ends inclusive."),
    freshness: ReportFreshness,
    excluded: Excluded,
    caveats: z
      .array(Caveat)
      .describe("Every caveat the workflow ran into, in the order met, without duplicates."),
    notes: z
      .array(Note)
      .describe(
        "The `description` texts of the entities the workflow read (the agent guide: read them first).",
      ),
    request_count: Count.describe("Number of upstream HTTP requests the workflow sent, retries included."),
    api_generation: ApiGeneration.nullable().describe(
      "Which API generation answered the stats: `legacy` (stats routes), `current` (410 Gone, rebuilt from " +
        "/analytics and the lists), or null when the workflow read only lists.",
    ),
  })
  .describe("How, when and from what the report was computed, and what to keep in mind reading it.");
export type ReportMeta = z.infer<typeof ReportMeta>;
