/**
 * Options shared by `createSandboxApp`, `startSandbox` and the CLI, and their defaults. The defaults are
 * the faithful ones (rate limits and daily quota on); tests that need many requests turn them off.
 */
import { DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_JSON_DEPTH, parseHost } from "@goatkit/server";
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
  /**
   * A secret the operator endpoints (`/__sandbox/*`) then require, as `Authorization: Bearer <token>` or
   * `X-Sandbox-Operator-Token: <token>` (at least 16 characters). `startSandbox` refuses to bind beyond
   * loopback without one.
   */
  operatorToken?: string;
  /**
   * Host names the sandbox answers to besides `localhost`, `127.0.0.1`, `[::1]` and its bound address:
   * `"name"` (any port, e.g. behind a proxy) or `"name:port"`.
   */
  allowedHosts?: readonly string[];
  /** Request body limits (defaults: 1 MiB, 32 levels of JSON nesting). */
  limits?: SandboxLimits;
  /**
   * Drift mode (default false): responses differ from the contract the way a real API might (renamed and
   * dropped optional fields, unknown enum values, Part B stats shapes); `driftManifest` lists each change.
   * Only responses change, never the state.
   */
  drift?: boolean;
}

export interface SandboxLimits {
  /** Largest request body in bytes (default 1 MiB); larger ones answer 413 `payload_too_large`. */
  maxBodyBytes?: number;
  /** Deepest JSON nesting of a request body (default 32); deeper ones answer 400 `invalid_body`. */
  maxJsonDepth?: number;
}

export const DEFAULT_SEED = 42;
export const DEFAULT_RATE_LIMIT = { perMinute: 60 } as const;
export const DEFAULT_LIMITS = {
  maxBodyBytes: DEFAULT_MAX_BODY_BYTES,
  maxJsonDepth: DEFAULT_MAX_JSON_DEPTH,
} as const;
/** Shortest operator token accepted: long enough that it cannot be guessed online. */
export const MIN_OPERATOR_TOKEN_LENGTH = 16;

/** Why `token` is not a usable operator token, or null. */
export function operatorTokenProblem(token: string): string | null {
  if (token.length < MIN_OPERATOR_TOKEN_LENGTH) {
    return `must be at least ${MIN_OPERATOR_TOKEN_LENGTH} characters`;
  }
  if (!/^[\x21-\x7e]+$/.test(token)) return "must be printable ASCII without spaces";
  return null;
}

/** Throws a TypeError naming the first invalid option. */
export function checkOptions(options: SandboxOptions): void {
  const { seed, scale, now, apiGeneration, rateLimit, operatorToken, allowedHosts, limits, drift } = options;
  if (drift !== undefined && typeof drift !== "boolean")
    throw new TypeError(`drift must be a boolean, got ${String(drift)}`);
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
  if (operatorToken !== undefined) {
    const problem =
      typeof operatorToken === "string" ? operatorTokenProblem(operatorToken) : "must be a string";
    if (problem) throw new TypeError(`operatorToken ${problem}`);
  }
  for (const host of allowedHosts ?? []) {
    if (typeof host !== "string" || !parseHost(host)) {
      throw new TypeError(`allowedHosts: ${JSON.stringify(host)} is not a host name (name or name:port)`);
    }
  }
  for (const key of ["maxBodyBytes", "maxJsonDepth"] as const) {
    const value = limits?.[key];
    if (value !== undefined && (!Number.isSafeInteger(value) || value < 1)) {
      throw new TypeError(`limits.${key} must be a positive integer, got ${value}`);
    }
  }
}
