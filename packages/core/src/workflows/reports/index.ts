/**
 * Every report's zod schema, and `Report`, the union front ends render. Reports are plain JSON data:
 * no Dates, Maps or NaN; `null` where a value is undefined.
 * @module
 */
import { z } from "zod";
import { CampaignReport } from "./campaign.js";
import { CampaignComparisonReport } from "./comparison.js";
import { CampaignContentReport } from "./content.js";
import { CreatorTrendReport } from "./creator-trend.js";
import { ProgramHealthReport } from "./program-health.js";
import { UnderperformersReport } from "./underperformers.js";

export * from "./campaign.js";
export * from "./comparison.js";
export * from "./content.js";
export * from "./creator-trend.js";
export * from "./meta.js";
export * from "./parts.js";
export * from "./program-health.js";
export * from "./underperformers.js";

export const Report = z.discriminatedUnion("kind", [
  CampaignReport,
  CampaignComparisonReport,
  UnderperformersReport,
  CampaignContentReport,
  CreatorTrendReport,
  ProgramHealthReport,
]);
export type Report = z.infer<typeof Report>;
export type ReportKind = Report["kind"];

/** The schema of one report kind, e.g. to validate a report received over the wire. */
export const REPORT_SCHEMAS = {
  campaign: CampaignReport,
  campaign_comparison: CampaignComparisonReport,
  underperformers: UnderperformersReport,
  campaign_content: CampaignContentReport,
  creator_trend: CreatorTrendReport,
  program_health: ProgramHealthReport,
} as const;
