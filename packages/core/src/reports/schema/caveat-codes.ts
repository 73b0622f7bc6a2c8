/**
 * The caveat vocabulary every report shares: each code names one stable situation (the sentence may
 * change wording, the code may not), so front ends style, filter or act on them. The report schema's
 * enum is built from CAVEAT_CODES; workflows collect caveats with `Caveats` (workflows/caveats.ts).
 * @module
 */
import { z } from "zod";

/** Every caveat code, in a stable order (the report schema's enum is built from it). */
export const CAVEAT_CODES = [
  "stale_data",
  "never_scraped",
  "not_checked",
  "snapshot_not_cumulative",
  "pending_left_out",
  "tracking_disabled_left_out",
  "unknown_status_left_out",
  "tracking_unreported",
  "over_posting_unconfirmed",
  "provisional_goals",
  "recursive_dedup",
  "empty_input",
  "api_fallback",
  "stats_other_shape",
  "data_changed",
  "out_of_range",
  "unresolved_items",
  "unattributed",
  "cross_check_mismatch",
  "lifetime_basis",
  "partial_bucket",
  "truncated",
  "unavailable",
  "method",
  "other",
] as const;

export type CaveatCode = (typeof CAVEAT_CODES)[number];

/** What each code tells a reader, for schema descriptions and front-end help texts. */
export const CAVEAT_CODE_MEANINGS: Readonly<Record<CaveatCode, string>> = {
  stale_data:
    "some entities were last scraped more than 12 h before the analysis time; their counters may lag",
  never_scraped: "some entities were never scraped; their counters are unknown, not zero",
  not_checked:
    "scrape freshness and/or pending_review videos were not checked (the data source does not carry them); no warning about them is not a clean bill",
  snapshot_not_cumulative:
    "counters are lifetime snapshots as of the last scrape (or daily series), not sums over the date range",
  pending_left_out: "pending_review videos waiting in the Tracking Inbox were left out of every figure",
  tracking_disabled_left_out:
    "videos whose tracking was disabled (tracking_enabled: false) were left out of every figure: they count in no stat, goal or campaign",
  unknown_status_left_out:
    "videos with a tracking_status the docs do not name were left out of every figure (the conservative reading)",
  tracking_unreported:
    "the API sent no tracking_enabled field on some videos; they were treated as enabled (the documented default)",
  over_posting_unconfirmed:
    "creator-days that would be over-posting incidents if their low view counts were confirmed; a count is confirmed only by a reading at least 2 h after posting",
  provisional_goals:
    "goal periods that closed less than 48 h ago: late posts may still arrive, so their numbers are not final",
  recursive_dedup:
    "campaign figures cover sub-campaigns with each video counted once; overlapping campaigns must not be added up",
  empty_input: "there was nothing to analyse; empty figures mean no data, not zero performance",
  api_fallback: "the stats routes answered 410 Gone; figures were rebuilt from /analytics and the lists",
  stats_other_shape:
    "a stats route answered in a shape that lacks fields the figures need (another documented shape); figures were rebuilt from /analytics and the lists instead of computed on missing values",
  data_changed:
    "two sources read in the same run disagree (data changed between the calls); re-run to get consistent figures",
  out_of_range: "videos posted outside the date range were left out",
  unresolved_items:
    "campaign items did not resolve to a listed video (excluded, deleted, tracking disabled or in another project) and count nowhere",
  unattributed: "counted videos without a creator (added by URL) are attributed to nobody",
  cross_check_mismatch: "a value the API reported differs from goatkit's local recomputation of it",
  lifetime_basis:
    "a figure (e.g. target progress) was measured on lifetime totals, views from before the campaign included, because gains since its start could not be measured; it may overstate progress",
  partial_bucket: "the last day or week of a series is still in progress",
  truncated: "a list was cut to a limit; the report shows fewer items than exist",
  unavailable: "part of the report could not be fetched (scope, plan or error) and is left empty",
  method: "how a figure is computed (time zone, thresholds); the same on every run",
  other: "anything else",
};

const codeList = CAVEAT_CODES.map((c) => `\`${c}\`: ${CAVEAT_CODE_MEANINGS[c]}`).join("; ");

export const CaveatCode = z
  .enum(CAVEAT_CODES)
  .describe(
    `A stable machine code for the kind of caveat (the message may be reworded, the code not). ${codeList}.`,
  );

export const Caveat = z
  .object({
    code: CaveatCode,
    message: z.string().describe("The caveat as one plain English sentence, with this run's numbers."),
  })
  .describe("Something the reader must know to read the figures right.");
export type Caveat = z.infer<typeof Caveat>;
