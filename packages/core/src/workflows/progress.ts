/**
 * Progress events of long workflows (a 250,000-video project is 2,500 pages), so a TUI can show a
 * counter and an MCP server can send progress notifications.
 * @module
 */

export interface ProgressEvent {
  workflow: string;
  /**
   * `fetch` while pages arrive, `wait` while the client sleeps (rate limit or retry), `analyse` when the
   * pure analysis starts, `done` at the end.
   */
  phase: "fetch" | "wait" | "analyse" | "done";
  /** What is being fetched, e.g. `videos`, `creators`, `campaign items`. */
  resource?: string;
  pages?: number;
  /** Items of `resource` received so far. */
  items?: number;
  /** Upstream requests spent so far by this workflow. */
  requests?: number;
  /** `wait` only: how long the client sleeps, in seconds. */
  seconds?: number;
  /** `wait` only: why: pacing under the rate limit, or a retry after a failure (Retry-After honoured). */
  reason?: "rate_limit" | "retry";
}

export type OnProgress = (event: ProgressEvent) => void;

/**
 * One human line for a progress event, shared by every front end (TUI status bar, CLI, MCP).
 *
 * @example
 * formatProgress({ workflow: "campaign_performance", phase: "fetch", resource: "videos", pages: 3, items: 300, requests: 5 })
 * // "campaign_performance: fetching videos, 300 so far (3 pages, 5 requests)"
 */
export function formatProgress(event: ProgressEvent): string {
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const requests = event.requests === undefined ? "" : `, ${count(event.requests, "request")}`;
  if (event.phase === "fetch") {
    const what = event.resource ?? "data";
    const items = event.items === undefined ? "" : `, ${event.items} so far`;
    const pages = event.pages === undefined ? "" : count(event.pages, "page");
    const detail = [pages, requests.slice(2)].filter(Boolean).join(", ");
    return `${event.workflow}: fetching ${what}${items}${detail ? ` (${detail})` : ""}`;
  }
  if (event.phase === "wait") {
    const why = event.reason === "retry" ? "before a retry" : "for the rate limit";
    return `${event.workflow}: waiting ${event.seconds ?? "?"} s ${why}${requests ? ` (${requests.slice(2)})` : ""}`;
  }
  if (event.phase === "analyse")
    return `${event.workflow}: analysing${requests ? ` (${requests.slice(2)})` : ""}`;
  return `${event.workflow}: done${requests ? ` (${requests.slice(2)})` : ""}`;
}
