/**
 * The entities the sandbox serves, with their core zod schemas and a one-line description. One table
 * feeds both `GET /schema` and the OpenAPI documents, so they describe the same shapes the client parses.
 */
import {
  Analytics,
  Annotation,
  Campaign,
  CampaignItem,
  CampaignStats,
  Creator,
  CreatorStats,
  Goal,
  GoalCompliance,
  PayoutAccrual,
  PayoutAssignment,
  PayoutMethod,
  PayoutPayment,
  PayoutStructure,
  PostingHeatmapCell,
  Project,
  Video,
  VideoLeaderboardRow,
  VideoStats,
} from "@goatkit/core/schema";

export interface JsonSchemaSource {
  toJSONSchema(params?: {
    io?: "input" | "output";
    unrepresentable?: "any" | "throw";
    target?: string;
  }): unknown;
}

export interface EntityDoc {
  schema: JsonSchemaSource;
  description: string;
}

/** Resource entities, keyed by the names `GET /schema` uses. */
export const ENTITIES: Record<string, EntityDoc> = {
  project: {
    schema: Project,
    description: "A grouping for one creator program or period, inside an organization.",
  },
  creator: {
    schema: Creator,
    description:
      "A tracked TikTok account in one project. Counts are the current snapshot; description holds the team's notes.",
  },
  video: {
    schema: Video,
    description:
      "One TikTok post. Only auto_tracked, included and direct_add videos count in stats; excluded videos are never listed.",
  },
  campaign: {
    schema: Campaign,
    description:
      "A named, nestable grouping of creators, videos and sub-campaigns; stats are recursive, each video once.",
  },
  campaign_item: { schema: CampaignItem, description: "A direct member of a campaign." },
  goal: {
    schema: Goal,
    description: "A per-creator target (posts, views, engagement, followers) per period.",
  },
  annotation: { schema: Annotation, description: "A dated note shown on analytics charts." },
  payout_method: {
    schema: PayoutMethod,
    description: "How creators are paid; Venmo, Cash App and PayPal are built in.",
  },
  payout_structure: {
    schema: PayoutStructure,
    description:
      "A project's earning rule; rule edits create a new version that affects future accruals only.",
  },
  payout_assignment: { schema: PayoutAssignment, description: "A creator assigned to a payout structure." },
  payout_accrual: {
    schema: PayoutAccrual,
    description: "What a creator earned for one period under one structure version.",
  },
  payout_payment: {
    schema: PayoutPayment,
    description: "A recorded payment; the method name is snapshotted; void to undo.",
  },
};

/** Response payloads that are not entities, for the OpenAPI components. */
export const PAYLOADS: Record<string, JsonSchemaSource> = {
  creator_stats: CreatorStats,
  campaign_stats: CampaignStats,
  video_stats: VideoStats,
  analytics: Analytics,
  goal_compliance: GoalCompliance,
  video_leaderboard_row: VideoLeaderboardRow,
  posting_heatmap_cell: PostingHeatmapCell,
};

/**
 * JSON Schema (2020-12, the OpenAPI 3.1 dialect) of a zod schema, without the `$schema` marker. The
 * input side is what travels on the wire (the client parses it into the output side).
 */
export function jsonSchemaOf(schema: JsonSchemaSource): Record<string, unknown> {
  const out = schema.toJSONSchema({ io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  delete out.$schema;
  return out;
}
