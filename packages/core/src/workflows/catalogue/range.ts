/**
 * The day range a run covers, from its validated date params: a preset, explicit days, or the default
 * (the 30 days ending on the analysis day, the API's own default).
 * @module
 */
import { type DatePreset, presetRange } from "../../analysis/date-presets.js";
import { type DayRange, resolveWindow } from "../../analysis/dates.js";
import type { WorkflowRun } from "../run.js";

export interface DateParams {
  range?: DatePreset | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export function paramsRange(run: WorkflowRun, params: DateParams, defaultDays = 30): DayRange {
  if (params.range) return presetRange(params.range, run.asOfMs);
  return resolveWindow(run.asOfMs, params.from, params.to, defaultDays);
}
