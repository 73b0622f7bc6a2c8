/**
 * Names a user may type for a workflow: the catalogue name (`underperforming_creators`), its kebab form,
 * a documented short alias (`underperformers`), or any prefix of these that picks exactly one workflow.
 * Help always shows the catalogue name.
 * @module
 */
import { type CatalogueWorkflow, type WorkflowName, workflows } from "@goatkit/core";

/** Short aliases, documented in `goatkit workflows` and the README. */
export const WORKFLOW_ALIASES: Readonly<Record<WorkflowName, readonly string[]>> = {
  campaign_performance: ["campaign", "performance"],
  campaign_comparison: ["compare", "comparison"],
  underperforming_creators: ["underperformers"],
  campaign_content: ["content"],
  creator_trend: ["trend"],
  program_health: ["health"],
};

export function namesOf(workflow: CatalogueWorkflow): string[] {
  return [workflow.name, workflow.name.replaceAll("_", "-"), ...(WORKFLOW_ALIASES[workflow.name] ?? [])];
}

export type Resolution =
  | { workflow: CatalogueWorkflow }
  | { error: string; candidates: readonly WorkflowName[] };

/** The workflow `typed` means, or why it means none. */
export function resolveWorkflow(typed: string): Resolution {
  const t = typed.toLowerCase();
  const exact = workflows.find((w) => namesOf(w).includes(t));
  if (exact) return { workflow: exact };
  const matches = workflows.filter((w) => namesOf(w).some((n) => n.startsWith(t)));
  if (matches.length === 1) return { workflow: matches[0]! };
  const all = workflows.map((w) => w.name);
  if (matches.length > 1)
    return {
      error: `"${typed}" could be ${matches.map((w) => w.name).join(" or ")}: type more of the name.`,
      candidates: matches.map((w) => w.name),
    };
  return { error: `unknown workflow "${typed}" (workflows: ${all.join(", ")}).`, candidates: all };
}
