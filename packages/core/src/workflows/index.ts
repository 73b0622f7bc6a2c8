/**
 * The agent-guide workflows. Each is defined once in the catalogue (`workflows`, `getWorkflow`): name,
 * description with its cost, params and report schemas, run, and renderers. The functions
 * (`runCampaignPerformance`, …) are thin wrappers over the catalogue's `run`. Report schemas and renderers are
 * in `../reports/` (the `@goatkit/core/reports` entry).
 * @module
 */

export {
  CampaignComparisonParams,
  campaignComparisonWorkflow,
  runCampaignComparison,
} from "./campaign-comparison.js";
export {
  CampaignContentParams,
  campaignContentWorkflow,
  runCampaignContent,
} from "./campaign-content.js";
export {
  CampaignPerformanceParams,
  campaignPerformanceWorkflow,
  runCampaignPerformance,
} from "./campaign-performance.js";
export {
  type CatalogueWorkflow,
  getWorkflow,
  WORKFLOW_NAMES,
  type WorkflowName,
  workflows,
} from "./catalogue/catalogue.js";
export {
  defineWorkflow,
  type Workflow,
  type WorkflowRunOptions,
  type WorkflowSpec,
} from "./catalogue/define-workflow.js";
export type { DeprecatedAsOf } from "./catalogue/deprecated.js";
export { type WorkflowJsonSchemas, workflowJsonSchemas } from "./catalogue/json-schema.js";
export { isWorkflowParamsError, type ParamsIssue, WorkflowParamsError } from "./catalogue/params-error.js";
export {
  type ParamsFromTextOptions,
  type ParamsJsonSchema,
  paramsFromText,
  schemaType,
} from "./catalogue/text-params.js";
export type { WorkflowClient } from "./client.js";
export { CreatorTrendParams, creatorTrendWorkflow, runCreatorTrend } from "./creator-trend.js";
export { fetchAll, mapLimit, PAGE_LIMIT } from "./fetch.js";
export { ProgramHealthParams, programHealthWorkflow, runProgramHealth } from "./program-health.js";
export { formatProgress, type OnProgress, type ProgressEvent } from "./progress.js";
export {
  runUnderperformingCreators,
  UnderperformingCreatorsParams,
  underperformingCreatorsWorkflow,
} from "./underperforming-creators.js";
