/**
 * Time-based counters behind the rate limits: a sliding one-minute window per API key, and per-org
 * counters that reset at 00:00 UTC (daily API quota, manual scrape triggers). Both hold at most
 * `maxIds` ids (default 10,000), least recently used first out: only authenticated keys and orgs reach
 * them, so the bound is a backstop that a fixed set of keys never meets.
 */

/** Ids each counter keeps at most. */
export const MAX_COUNTER_IDS = 10_000;

/** A sliding window log: the timestamps of accepted requests within the last `windowMs`. */
export class SlidingWindow {
  // Map order is least recently hit first.
  readonly #hits = new Map<string, number[]>();

  constructor(
    private readonly windowMs: number,
    private readonly maxIds = MAX_COUNTER_IDS,
  ) {}

  get size(): number {
    return this.#hits.size;
  }

  /**
   * Records a hit for `id` unless `max` hits are already inside the window. Returns null when accepted,
   * else the seconds (≥ 1) until the oldest hit leaves the window. Rejected requests are not recorded,
   * so a client that waits Retry-After always gets through.
   */
  hit(id: string, max: number, now: number): number | null {
    let hits = this.#hits.get(id);
    if (hits)
      this.#hits.delete(id); // re-inserted below: most recently used
    else hits = [];
    this.#hits.set(id, hits);
    evictOldest(this.#hits, this.maxIds);
    const cutoff = now - this.windowMs;
    let drop = 0;
    while (drop < hits.length && hits[drop]! <= cutoff) drop++;
    if (drop > 0) hits.splice(0, drop);
    if (hits.length >= max) {
      return Math.max(1, Math.ceil((hits[0]! + this.windowMs - now) / 1000));
    }
    hits.push(now);
    return null;
  }
}

/** Counters per (id, UTC day); a new day starts from zero. */
export class DailyCounter {
  // Map order is least recently counted first.
  readonly #counts = new Map<string, { day: string; count: number }>();

  constructor(private readonly maxIds = MAX_COUNTER_IDS) {}

  get size(): number {
    return this.#counts.size;
  }

  get(id: string, day: string): number {
    const entry = this.#counts.get(id);
    return entry && entry.day === day ? entry.count : 0;
  }

  /** Adds one if the count is below `max`; returns whether it was added. */
  take(id: string, day: string, max: number): boolean {
    const current = this.get(id, day);
    if (current >= max) return false;
    this.#counts.delete(id);
    this.#counts.set(id, { day, count: current + 1 });
    evictOldest(this.#counts, this.maxIds);
    return true;
  }
}

/** Drops the first (least recently used) entries until `map` holds at most `max`. */
function evictOldest(map: Map<string, unknown>, max: number): void {
  for (const id of map.keys()) {
    if (map.size <= max) return;
    map.delete(id);
  }
}
