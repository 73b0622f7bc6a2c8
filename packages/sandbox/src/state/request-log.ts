/**
 * Request counters for the operator endpoint `GET /__sandbox/requests`: totals per route pattern
 * ("GET /creators/{id}"), per API key (by a redacted label, never the key itself) and per status.
 * Tests and benchmarks use them to prove how many upstream calls a workflow or a cache really made.
 */

export interface RequestCounts {
  total: number;
  byRoute: Record<string, number>;
  byKey: Record<string, number>;
  byStatus: Record<string, number>;
}

/** `tga_3f2a…9c1d`: enough to tell keys apart in a log, useless to an attacker. */
export function redactKey(key: string): string {
  if (!key.startsWith("tga_") || key.length < 16) return "(malformed)";
  return `${key.slice(0, 8)}…${key.slice(-4)}`;
}

export class RequestLog {
  #total = 0;
  #byRoute = new Map<string, number>();
  #byKey = new Map<string, number>();
  #byStatus = new Map<string, number>();

  record(route: string, keyLabel: string | null, status: number | "dropped"): void {
    this.#total++;
    bump(this.#byRoute, route);
    bump(this.#byKey, keyLabel ?? "(none)");
    bump(this.#byStatus, String(status));
  }

  counts(): RequestCounts {
    return {
      total: this.#total,
      byRoute: Object.fromEntries(this.#byRoute),
      byKey: Object.fromEntries(this.#byKey),
      byStatus: Object.fromEntries(this.#byStatus),
    };
  }

  reset(): void {
    this.#total = 0;
    this.#byRoute.clear();
    this.#byKey.clear();
    this.#byStatus.clear();
  }
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}
