/**
 * The agent-guide workflows as functions `(client, params) → report`: they fetch with the fewest
 * requests, work on both API generations, and return zod-typed, JSON-serialisable reports that carry
 * their caveats. `renderMarkdown` turns any report into markdown.
 * @module
 */
export { type AnalyzeCampaignParams, analyzeCampaign } from "./analyze-campaign.js";
export { type AnalyzeContentParams, analyzeCampaignContent } from "./analyze-content.js";
export { type AnalyzeCreatorTrendParams, analyzeCreatorTrend } from "./analyze-creator-trend.js";
export {
  type CampaignTree,
  type CampaignVideoSet,
  campaignVideoSet,
  resolveCampaignTree,
} from "./campaign-tree.js";
export type { AnalysisClient } from "./client.js";
export { type CompareCampaignsParams, compareCampaigns } from "./compare-campaigns.js";
export { fetchAll, mapLimit, PAGE_LIMIT } from "./fetch.js";
export { type FindUnderperformersParams, findUnderperformingCreators } from "./find-underperformers.js";
export * from "./markdown/index.js";
export { type ProgramHealthParams, programHealth } from "./program-health.js";
export { formatProgress, type OnProgress, type ProgressEvent } from "./progress.js";
export * from "./reports/index.js";
