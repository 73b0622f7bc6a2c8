/**
 * Every tool, and the selection a server lists: toolsets chosen by `--toolsets` (default all read-only
 * ones), write tools only with `--allow-writes`.
 * @module
 */
import { writeTools } from "./notes.js";
import { orientTool } from "./orient.js";
import { searchTools } from "./search.js";
import { TOOLSETS, type Tool, type Toolset } from "./tool.js";
import { workflowTools } from "./workflows.js";

export { TOOLSETS, type Tool, type Toolset };

/** Every tool, whatever the flags: orient, the search tools, one per workflow, the write tools. */
export function allTools(): Tool[] {
  return [orientTool, ...searchTools(), ...workflowTools(), ...writeTools()];
}

export const DEFAULT_TOOLSETS: readonly Toolset[] = ["context", "browse", "analysis"];

export interface Selection {
  toolsets?: readonly Toolset[] | undefined;
  allowWrites?: boolean | undefined;
}

/** The tools a server with these flags lists. `write` tools need both the toolset and `allowWrites`. */
export function selectTools(selection: Selection = {}): Tool[] {
  const sets = new Set<Toolset>(
    selection.toolsets ?? [...DEFAULT_TOOLSETS, ...(selection.allowWrites ? (["write"] as const) : [])],
  );
  return allTools().filter(
    (t) => sets.has(t.toolset) && (t.toolset !== "write" || selection.allowWrites === true),
  );
}
