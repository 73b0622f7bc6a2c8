/**
 * The two organisations and their plan limits. Org A is an Ultra workspace sized to its scale (limits
 * leave headroom so writes through the API succeed); org B is a Starter workspace whose generated data
 * stays under the Starter row of the tier table, so limit errors can be provoked there.
 */
import { uuid } from "./ids.js";
import type { Rng } from "./prng.js";
import type { OrgRecord, Tier } from "./types.js";

/** "Unlimited" as a number, so limit checks stay plain comparisons and limits stay JSON. */
export const UNLIMITED = 1_000_000;

/** What the generated data of one org uses, to size the Ultra limits above it. */
export interface OrgUsage {
  creators: number;
  videos: number;
  projects: number;
  maxCampaignsPerProject: number;
  maxItemsPerCampaign: number;
  maxStructuresPerProject: number;
  payoutMethods: number;
  apiKeys: number;
}

export function makeOrg(rng: Rng, name: string, tier: Tier): OrgRecord {
  return { id: uuid(rng), name, tier, timezone: "UTC", limits: {} };
}

function roundUp(x: number, step: number): number {
  return Math.ceil(x / step) * step;
}

/** Every limit key of the product notes' limits page (§A15). */
export function planLimits(tier: Tier, u: OrgUsage): Record<string, number> {
  if (tier === "ultra") {
    return {
      max_creators_per_org: Math.max(300, u.creators + 50),
      max_tracked_videos_per_org: Math.max(100_000, roundUp(u.videos * 1.2, 10_000)),
      max_projects_per_org: Math.max(10, u.projects + 3),
      max_members_per_org: 50,
      max_campaigns_per_project: Math.max(100, u.maxCampaignsPerProject + 20),
      max_campaign_items_per_campaign: Math.max(500, roundUp(u.maxItemsPerCampaign + 100, 100)),
      max_api_keys_per_org: Math.max(25, u.apiKeys + 10),
      max_api_requests_per_day: 50_000,
      max_manual_scrape_triggers_per_day: 100,
      max_payout_methods_per_org: UNLIMITED,
      max_payout_structures_per_project: Math.max(50, u.maxStructuresPerProject + 10),
      min_video_stats_hours: 1,
      min_discover_videos_hours: 1,
      min_creator_profiles_hours: 2,
      stats_history_retention_days: UNLIMITED,
    };
  }
  if (tier === "starter") {
    return {
      max_creators_per_org: 50,
      max_tracked_videos_per_org: 5_000,
      max_projects_per_org: 3,
      max_members_per_org: 5,
      max_campaigns_per_project: 20,
      max_campaign_items_per_campaign: 100,
      max_api_keys_per_org: 5,
      max_api_requests_per_day: 1_000,
      max_manual_scrape_triggers_per_day: 10,
      max_payout_methods_per_org: 10,
      max_payout_structures_per_project: 10,
      min_video_stats_hours: 6,
      min_discover_videos_hours: 6,
      min_creator_profiles_hours: 6,
      stats_history_retention_days: 365,
    };
  }
  return {
    max_creators_per_org: 5,
    max_tracked_videos_per_org: 500,
    max_projects_per_org: 1,
    max_members_per_org: 2,
    max_campaigns_per_project: 5,
    max_campaign_items_per_campaign: 25,
    max_api_keys_per_org: 1,
    max_api_requests_per_day: 0,
    max_manual_scrape_triggers_per_day: 1,
    max_payout_methods_per_org: 6,
    max_payout_structures_per_project: 2,
    min_video_stats_hours: 24,
    min_discover_videos_hours: 24,
    min_creator_profiles_hours: 24,
    stats_history_retention_days: 30,
  };
}
