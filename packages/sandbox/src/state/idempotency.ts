/**
 * Idempotency-Key store (api-contract A.1, §1.7). Scope: (org, key string). The first response of a
 * POST is kept for 24 h with its route, status, body bytes and content type; a replay gets exactly those
 * bytes back. The same key on another route, or with another body, is refused (409), and a request that
 * arrives while the first one with its key is still running is refused too rather than run twice.
 *
 * Bounded: at most `maxKeys` keys and `maxChars` stored characters (keys, routes, hashes and response
 * bodies). Expired keys are dropped from the oldest end as new ones arrive; past either bound the oldest
 * keys are forgotten before their 24 h (a retry with a forgotten key runs again). The newest key is
 * always kept, whatever its size.
 */

const TTL_MS = 24 * 60 * 60 * 1000;

export interface IdempotencyBounds {
  maxKeys: number;
  maxChars: number;
}

/** 10,000 keys and 16 million characters (about 32 MB of UTF-16 strings). */
export const IDEMPOTENCY_BOUNDS: Readonly<IdempotencyBounds> = { maxKeys: 10_000, maxChars: 16_000_000 };

/** Fixed per-entry overhead counted against `maxChars` (the entry object and its map slot). */
const ENTRY_OVERHEAD = 64;

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
  chars: number;
}

export type IdempotencyLookup =
  | { kind: "new" }
  | { kind: "replay"; response: StoredResponse }
  | { kind: "in_flight" }
  | { kind: "other_route"; route: string }
  | { kind: "other_body" };

export class IdempotencyStore {
  // Insertion order is reservation order, so the oldest keys are always first.
  readonly #entries = new Map<string, Entry>();
  #chars = 0;

  constructor(
    private readonly now: () => number,
    private readonly bounds: Readonly<IdempotencyBounds> = IDEMPOTENCY_BOUNDS,
  ) {}

  /**
   * Looks the key up and, when it is new, reserves it for this request in the same synchronous step,
   * so two concurrent requests with one key cannot both execute.
   */
  begin(orgId: string, key: string, route: string, bodyHash: string): IdempotencyLookup {
    const id = entryId(orgId, key);
    const now = this.now();
    this.#dropExpired(now);
    const entry = this.#entries.get(id);
    if (entry && now - entry.storedAt > TTL_MS) this.#delete(id, entry);
    const live = this.#entries.get(id);
    if (!live) {
      const chars = ENTRY_OVERHEAD + id.length + route.length + bodyHash.length;
      this.#entries.set(id, { route, bodyHash, storedAt: now, response: null, chars });
      this.#chars += chars;
      this.#enforceBounds(id);
      return { kind: "new" };
    }
    if (live.route !== route) return { kind: "other_route", route: live.route };
    if (live.bodyHash !== bodyHash) return { kind: "other_body" };
    if (!live.response) return { kind: "in_flight" };
    return { kind: "replay", response: live.response };
  }

  /** Stores the response of a reserved key. */
  complete(orgId: string, key: string, response: StoredResponse): void {
    const id = entryId(orgId, key);
    const entry = this.#entries.get(id);
    if (!entry || entry.response) return;
    const added = response.body.length + response.contentType.length;
    entry.response = response;
    entry.chars += added;
    this.#chars += added;
    this.#enforceBounds(id);
  }

  /** Releases a reserved key whose request changed nothing (e.g. a 5xx), so a retry runs again. */
  abandon(orgId: string, key: string): void {
    const id = entryId(orgId, key);
    const entry = this.#entries.get(id);
    if (entry && entry.response === null) this.#delete(id, entry);
  }

  get size(): number {
    return this.#entries.size;
  }

  /** Characters counted against `maxChars` right now. */
  get chars(): number {
    return this.#chars;
  }

  #dropExpired(now: number): void {
    for (const [id, entry] of this.#entries) {
      if (now - entry.storedAt <= TTL_MS) return;
      this.#delete(id, entry);
    }
  }

  /** Forgets the oldest keys (never `keep`) until both bounds hold. */
  #enforceBounds(keep: string): void {
    for (const [id, entry] of this.#entries) {
      if (this.#entries.size <= this.bounds.maxKeys && this.#chars <= this.bounds.maxChars) return;
      if (id !== keep) this.#delete(id, entry);
    }
  }

  #delete(id: string, entry: Entry): void {
    this.#entries.delete(id);
    this.#chars -= entry.chars;
  }
}

const entryId = (orgId: string, key: string) => `${orgId}\u0000${key}`;
