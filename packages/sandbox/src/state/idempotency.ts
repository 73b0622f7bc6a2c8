/**
 * Idempotency-Key store (api-contract A.1, §1.7). Scope: (org, key string). The first response of a
 * POST is kept for 24 h with its route, status, body bytes and content type; a replay gets exactly those
 * bytes back. The same key on another route, or with another body, is refused (409), and a request that
 * arrives while the first one with its key is still running is refused too rather than run twice.
 */

const TTL_MS = 24 * 60 * 60 * 1000;

export interface StoredResponse {
  status: number;
  body: string;
  contentType: string;
}

interface Entry {
  route: string;
  bodyHash: string;
  storedAt: number;
  response: StoredResponse | null; // null while the first request is in flight
}

export type IdempotencyLookup =
  | { kind: "new" }
  | { kind: "replay"; response: StoredResponse }
  | { kind: "in_flight" }
  | { kind: "other_route"; route: string }
  | { kind: "other_body" };

export class IdempotencyStore {
  readonly #entries = new Map<string, Entry>();

  constructor(private readonly now: () => number) {}

  /**
   * Looks the key up and, when it is new, reserves it for this request in the same synchronous step,
   * so two concurrent requests with one key cannot both execute.
   */
  begin(orgId: string, key: string, route: string, bodyHash: string): IdempotencyLookup {
    const id = `${orgId}\u0000${key}`;
    const entry = this.#entries.get(id);
    if (entry && this.now() - entry.storedAt > TTL_MS) this.#entries.delete(id);
    const live = this.#entries.get(id);
    if (!live) {
      this.#entries.set(id, { route, bodyHash, storedAt: this.now(), response: null });
      return { kind: "new" };
    }
    if (live.route !== route) return { kind: "other_route", route: live.route };
    if (live.bodyHash !== bodyHash) return { kind: "other_body" };
    if (!live.response) return { kind: "in_flight" };
    return { kind: "replay", response: live.response };
  }

  /** Stores the response of a reserved key. */
  complete(orgId: string, key: string, response: StoredResponse): void {
    const entry = this.#entries.get(`${orgId}\u0000${key}`);
    if (entry) entry.response = response;
  }

  /** Releases a reserved key whose request should not be cached (e.g. a 5xx), so a retry runs again. */
  abandon(orgId: string, key: string): void {
    const id = `${orgId}\u0000${key}`;
    if (this.#entries.get(id)?.response === null) this.#entries.delete(id);
  }

  get size(): number {
    return this.#entries.size;
  }
}
