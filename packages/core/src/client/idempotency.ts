/**
 * Idempotency keys for POSTs that create. One key per logical call, reused on every retry, so that a
 * retry after a lost response is replayed by the server instead of creating a second object.
 * @module
 */
import { randomUUID } from "node:crypto";

/** Whether a request sends an `Idempotency-Key`, and which. */
export type IdempotencyMode = "create" | "none";

/**
 * The key a call sends: the caller's, else a fresh UUID v4 for a create, else none.
 *
 * @example
 * idempotencyKeyFor("create", undefined) // "1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed"
 * idempotencyKeyFor("none", "my-key")    // "my-key"
 */
export function idempotencyKeyFor(mode: IdempotencyMode, callerKey: string | undefined): string | undefined {
  if (callerKey !== undefined) return callerKey;
  return mode === "create" ? randomUUID() : undefined;
}
