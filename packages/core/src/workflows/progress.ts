/**
 * Progress events of long workflows (a 250,000-video project is 2,500 pages), so a TUI can show a
 * counter and an MCP server can send progress notifications.
 * @module
 */

export interface ProgressEvent {
  workflow: string;
  /** `fetch` while pages arrive, `analyse` when the pure analysis starts, `done` at the end. */
  phase: "fetch" | "analyse" | "done";
  /** What is being fetched, e.g. `videos`, `creators`, `campaign items`. */
  resource?: string;
  pages?: number;
  /** Items of `resource` received so far. */
  items?: number;
  /** Upstream requests spent so far by this workflow. */
  requests?: number;
}

export type OnProgress = (event: ProgressEvent) => void;
