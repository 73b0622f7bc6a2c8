/**
 * An upstream budget kept outside this process, so several proxy instances with the same key together
 * stay under upstream's limit (the limit is per key, not per instance). The pacer asks it first and paces
 * on its own only while it cannot be reached. Implemented on Redis by `redis-budget.ts`.
 * @module
 */
import type { RateLimitOptions } from "@goatkit/core";
import type { Admission } from "./pacer.js";

export interface SharedBudget {
  /**
   * Takes one slot of budget `id` if upstream has not held it off and, with a limit, fewer than
   * `limit.requests` went out in the last `limit.windowMs` from any instance; otherwise says how long
   * until one frees. Never waits. Rejects when the shared state cannot be reached.
   */
  take(id: string, limit: RateLimitOptions | false): Promise<Admission>;
  /** Upstream answered 429 for budget `id`: nothing more goes out with it, from any instance, for `ms`. */
  holdOff(id: string, ms: number): Promise<void>;
}
