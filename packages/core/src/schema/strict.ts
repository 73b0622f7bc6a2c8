/**
 * The strict readers, by what a read-only request returns. Tests and the parity check validate real
 * responses with these: every documented field required, closed enums, no defaults, no unknown fields
 * (nested free-form objects such as `metadata` excepted). Keys are stable: add, never rename.
 */
import type { z } from "zod";
import { StrictAnalytics, StrictAnnotation } from "./analytics.js";
import { ApiSchema, StrictOpenApiDocument } from "./api-schema.js";
import { StrictCampaign, StrictCampaignItem } from "./campaign.js";
import { StrictCreator } from "./creator.js";
import { StrictErrorEnvelope, StrictListMeta } from "./envelope.js";
import { StrictGoal, StrictGoalCompliance } from "./goals.js";
import {
  StrictPayoutAccrual,
  StrictPayoutAssignment,
  StrictPayoutMethod,
  StrictPayoutPayment,
  StrictPayoutStructure,
} from "./payouts.js";
import { StrictProject } from "./project.js";
import { Deleted } from "./results.js";
import { StrictCampaignStats, StrictCreatorStats, StrictVideoStats } from "./stats.js";
import { StrictVideo } from "./video.js";

export const strictSchemas = {
  project: StrictProject,
  creator: StrictCreator,
  video: StrictVideo,
  campaign: StrictCampaign,
  goal: StrictGoal,
  goal_compliance: StrictGoalCompliance,
  creator_stats: StrictCreatorStats,
  campaign_stats: StrictCampaignStats,
  video_stats: StrictVideoStats,
  analytics: StrictAnalytics,
  /** `GET /analytics/schema`: an OpenAPI 3.1 document (not enveloped on the sandbox). */
  analytics_schema: StrictOpenApiDocument,
  annotation: StrictAnnotation,
  payout_structure: StrictPayoutStructure,
  payout_assignment: StrictPayoutAssignment,
  accrual: StrictPayoutAccrual,
  payment: StrictPayoutPayment,
  /** List `meta` (`nextCursor`, `hasMore`). */
  page_meta: StrictListMeta,
  /** A whole error body `{ data: null, error, meta: { code } }`. */
  error_envelope: StrictErrorEnvelope,
  // Added after the first set (keys are only ever added):
  campaign_item: StrictCampaignItem,
  payout_method: StrictPayoutMethod,
  /** `GET /openapi.json`. */
  openapi: StrictOpenApiDocument,
  /** `GET /schema`. */
  api_schema: ApiSchema,
  /** `data` of a delete as goatkit reads the docs (`{ id, deleted: true }`). */
  deleted: Deleted,
} satisfies Record<string, z.ZodType>;

export type StrictSchemaName = keyof typeof strictSchemas;
