/**
 * Request counters for the operator endpoint `GET /__sandbox/requests`: totals per route pattern
 * ("GET /creators/{id}"), per API key (by a redacted label, never the key itself) and per status.
 * Tests and benchmarks use them to prove how many upstream calls a workflow or a cache really made.
 *
 * Counters only (no per-request entries), and bounded whatever clients send: keys the sandbox does not
 * know all share the label "(invalid)", a request without a key is "(none)", and each of byRoute,
 * byKey and byStatus holds at most `REQUEST_LOG_MAX_LABELS` labels, further ones counted as "(other)".
 */
import { BoundedCounts } from "./bounded-counts.js";

export interface RequestCounts {
  total: number;
  byRoute: Record<string, number>;
  byKey: Record<string, number>;
  byStatus: Record<string, number>;
}

/** Labels per dimension (byRoute, byKey, byStatus); the sandbox's own routes, keys and statuses fit many times over. */
export const REQUEST_LOG_MAX_LABELS = 1_000;

/** The key label of a request without an Authorization bearer token. */
export const NO_KEY_LABEL = "(none)";
/** The one key label shared by every token the sandbox does not know (malformed, unknown). */
export const INVALID_KEY_LABEL = "(invalid)";

/** `tga_3f2a…9c1d`: enough to tell keys apart in a log, useless to an attacker. */
export function redactKey(key: string): string {
  if (!key.startsWith("tga_") || key.length < 16) return "(malformed)";
  return `${key.slice(0, 8)}…${key.slice(-4)}`;
}

/**
 * The label a request is counted under: the redacted key when it is one the sandbox knows (revoked keys
 * included), else one shared label, so clients cannot grow the log by inventing keys.
 */
export function keyLabelOf(token: string | null, isKnown: (token: string) => boolean): string {
  if (token === null) return NO_KEY_LABEL;
  return isKnown(token) ? redactKey(token) : INVALID_KEY_LABEL;
}

export class RequestLog {
  #total = 0;
  readonly #byRoute: BoundedCounts;
  readonly #byKey: BoundedCounts;
  readonly #byStatus: BoundedCounts;

  constructor(maxLabels = REQUEST_LOG_MAX_LABELS) {
    this.#byRoute = new BoundedCounts(maxLabels);
    this.#byKey = new BoundedCounts(maxLabels);
    this.#byStatus = new BoundedCounts(maxLabels);
  }

  /** Counts one request; a null key label means no key was presented. */
  record(route: string, keyLabel: string | null, status: number | "dropped"): void {
    this.#total++;
    this.#byRoute.add(route);
    this.#byKey.add(keyLabel ?? NO_KEY_LABEL);
    this.#byStatus.add(String(status));
  }

  counts(): RequestCounts {
    return {
      total: this.#total,
      byRoute: this.#byRoute.toObject(),
      byKey: this.#byKey.toObject(),
      byStatus: this.#byStatus.toObject(),
    };
  }

  /** Distinct labels held right now, per dimension. */
  get labels(): { byRoute: number; byKey: number; byStatus: number } {
    return { byRoute: this.#byRoute.size, byKey: this.#byKey.size, byStatus: this.#byStatus.size };
  }

  reset(): void {
    this.#total = 0;
    this.#byRoute.clear();
    this.#byKey.clear();
    this.#byStatus.clear();
  }
}
