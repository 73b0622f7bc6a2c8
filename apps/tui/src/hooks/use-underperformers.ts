/**
 * The project's underperformer report, one load shared by the creators pane, the campaign and the
 * creator screens (same params, so the session memo and cache serve all three). `include_all_creators`
 * asks core for every creator's evaluation, so the creators table has figures for unflagged rows too.
 * @module
 */
import type { UnderperformingCreatorsReport } from "@goatkit/core";
import { useApp } from "./app-context.js";
import { rangeParams } from "./range.js";
import type { LoadState } from "./use-load.js";
import { useWorkflow } from "./use-workflow.js";

export function useUnderperformers(projectId: string): LoadState<UnderperformingCreatorsReport> {
  const app = useApp();
  return useWorkflow<UnderperformingCreatorsReport>("underperforming_creators", {
    project_id: projectId,
    limit: 10_000,
    include_all_creators: true,
    ...rangeParams(app.range),
  });
}
