/**
 * The workflow catalogue: every workflow goatkit offers, in a stable order (what front ends list and
 * generate from). A workflow added here appears as a `goatkit report` subcommand, a proxy route and an
 * MCP tool without code in those apps.
 * @module
 */
import { campaignComparisonWorkflow } from "../campaign-comparison.js";
import { campaignContentWorkflow } from "../campaign-content.js";
import { campaignPerformanceWorkflow } from "../campaign-performance.js";
import { creatorTrendWorkflow } from "../creator-trend.js";
import { programHealthWorkflow } from "../program-health.js";
import { underperformingCreatorsWorkflow } from "../underperforming-creators.js";

/** Every workflow, in the order front ends list them. */
export const workflows = [
  campaignPerformanceWorkflow,
  campaignComparisonWorkflow,
  underperformingCreatorsWorkflow,
  campaignContentWorkflow,
  creatorTrendWorkflow,
  programHealthWorkflow,
] as const;

export type CatalogueWorkflow = (typeof workflows)[number];
export type WorkflowName = CatalogueWorkflow["name"];

/** The names, in catalogue order. */
export const WORKFLOW_NAMES = workflows.map((w) => w.name) as readonly WorkflowName[];

/**
 * The workflow called `name`, or `undefined`.
 *
 * @example
 * const wf = getWorkflow("program_health");
 * const report = await wf?.run(client, { project_id }, { signal });
 */
export function getWorkflow<N extends WorkflowName>(name: N): Extract<CatalogueWorkflow, { name: N }>;
export function getWorkflow(name: string): CatalogueWorkflow | undefined;
export function getWorkflow(name: string): CatalogueWorkflow | undefined {
  return workflows.find((w) => w.name === name);
}
