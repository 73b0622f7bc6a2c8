/**
 * What every report carries besides its findings: when and over what range it was computed, how fresh
 * the data was, what was left out and why, the caveats, the notes (`description` texts) it read, what
 * it cost upstream, and which API generation answered. A report without these invites conclusions the
 * data does not support.
 * @module
 */
import { z } from "zod";

const Int = z.number().int().nonnegative();

export const ApiGeneration = z.enum(["legacy", "current"]);
export type ApiGeneration = z.infer<typeof ApiGeneration>;

export const DayRangeSchema = z.object({ from: z.string(), to: z.string() });

export const FreshnessSchema = z.object({
  oldest_scraped_at: z.string().nullable(),
  oldest_age_hours: z.number().nullable(),
  stale_count: Int,
  stale_ids: z.array(z.string()),
  stale_ids_truncated: z.boolean(),
  never_scraped_count: Int,
  checked_count: Int,
  is_stale: z.boolean(),
});

export const NoteSchema = z.object({
  entity: z.enum(["project", "creator", "campaign", "video"]),
  id: z.string(),
  name: z.string().nullable(),
  description: z.string(),
});
export type Note = z.infer<typeof NoteSchema>;

export const ReportMeta = z.object({
  /** The analysis instant (asOf), ISO. */
  generated_at: z.string(),
  range: DayRangeSchema,
  freshness: FreshnessSchema,
  excluded: z.object({ pending_review: Int, excluded_known: Int, reason: z.string() }),
  /** Plain sentences; every caveat the workflow ran into. */
  caveats: z.array(z.string()),
  /** The `description` texts of the entities the workflow read (the agent guide: read them first). */
  notes: z.array(NoteSchema),
  /** Upstream HTTP requests the workflow sent (retries included). */
  requests: Int,
  /** `legacy`: stats routes answered; `current`: they were gone and `/analytics` + lists were used; null: lists only. */
  api_generation: ApiGeneration.nullable(),
});
export type ReportMeta = z.infer<typeof ReportMeta>;
