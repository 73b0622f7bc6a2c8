/**
 * Options shared by `createSandboxApp`, `startSandbox` and the CLI, and their defaults. The defaults are
 * the faithful ones (rate limits and daily quota on); tests that need many requests turn them off.
 */
import type { ApiGeneration } from "./api/context.js";
import type { FaultInput } from "./state/faults.js";
import type { GenerateOptions, World } from "./world/types.js";

export type Scale = NonNullable<GenerateOptions["scale"]>;
export const SCALES: readonly Scale[] = ["tiny", "small", "medium", "large"];
export const API_GENERATIONS: readonly ApiGeneration[] = ["legacy", "current"];

export interface SandboxOptions {
  /** World seed (default 42). */
  seed?: number;
  /** World size (default "small"). */
  scale?: Scale;
  /** The as-of instant of the world (default: now). Fix it for byte-for-byte reproducible data. */
  now?: Date | string;
  /** "legacy" (default) serves the /stats routes; "current" answers them with 410 `gone`. */
  apiGeneration?: ApiGeneration;
  /** Per-key requests per rolling minute (default `{ perMinute: 60 }`), or false for no limit. */
  rateLimit?: { perMinute: number } | false;
  /** Enforce each org's `max_api_requests_per_day` (default true). */
  dailyQuota?: boolean;
  /** Faults active from the start (default none). */
  faults?: FaultInput;
  /** Use this already generated world instead of generating one (it is mutated by writes). */
  world?: World;
  /** Print unexpected errors to stderr (default true). */
  logErrors?: boolean;
}

export const DEFAULT_SEED = 42;
export const DEFAULT_RATE_LIMIT = { perMinute: 60 } as const;

/** Throws a TypeError naming the first invalid option. */
export function checkOptions(options: SandboxOptions): void {
  const { seed, scale, now, apiGeneration, rateLimit } = options;
  if (seed !== undefined && !Number.isSafeInteger(seed))
    throw new TypeError(`seed must be an integer, got ${seed}`);
  if (scale !== undefined && !SCALES.includes(scale)) {
    throw new TypeError(`scale must be one of ${SCALES.join(", ")}, got ${String(scale)}`);
  }
  if (now !== undefined && Number.isNaN(new Date(now).getTime())) {
    throw new TypeError(`now must be an ISO date-time, got ${String(now)}`);
  }
  if (apiGeneration !== undefined && !API_GENERATIONS.includes(apiGeneration)) {
    throw new TypeError(`apiGeneration must be legacy or current, got ${String(apiGeneration)}`);
  }
  if (rateLimit !== undefined && rateLimit !== false) {
    if (!Number.isInteger(rateLimit.perMinute) || rateLimit.perMinute < 1) {
      throw new TypeError(`rateLimit.perMinute must be a positive integer, got ${rateLimit.perMinute}`);
    }
  }
}
