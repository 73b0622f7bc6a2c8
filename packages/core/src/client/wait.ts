/**
 * Wait notifications: the client tells the caller before it sleeps, so a UI can say "waiting 12 s for
 * the rate limit" instead of looking hung. A callback that throws must not fail the request it watches.
 * @module
 */
import type { Logger } from "./logger.js";

/** What the client is about to wait for. */
export interface WaitEvent {
  /** `rate_limit`: the client-side limiter has no free slot; `retry`: backing off before a retry. */
  reason: "rate_limit" | "retry";
  /** How long, in seconds (an estimate for `rate_limit`). */
  seconds: number;
  /** For `retry`: the HTTP status that caused it (absent for connection errors and timeouts). */
  status?: number;
  /** For `retry`: the error class that caused it, e.g. `"ServerError"`, `"TimeoutError"`. */
  error?: string;
  /** The attempt the wait precedes: 1 for the first send, 2 for the first retry, … */
  attempt?: number;
}

export type OnWait = (wait: WaitEvent) => void;

/** Calls `onWait`, logging (not throwing) what it throws. */
export function notifyWait(onWait: OnWait | undefined, event: WaitEvent, log: Logger | undefined): void {
  if (!onWait) return;
  try {
    onWait(event);
  } catch (err) {
    log?.debug(`onWait threw: ${err instanceof Error ? err.message : String(err)}`);
  }
}
