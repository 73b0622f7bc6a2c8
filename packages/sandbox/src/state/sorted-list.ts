/**
 * A list kept sorted by (created_at, id), the API's list order. Lists are built once from the world and
 * then maintained by binary-search insertion and removal, so a page is a binary search plus a slice,
 * even with 250,000 videos: no filter-and-sort per request.
 */

/** Sort position of a record: its `created_at` in epoch ms, then its id as a tiebreak. */
export interface SortKey {
  ts: number;
  id: string;
}

export function compareKeys(aTs: number, aId: string, bTs: number, bId: string): number {
  if (aTs !== bTs) return aTs < bTs ? -1 : 1;
  if (aId === bId) return 0;
  return aId < bId ? -1 : 1;
}

export class SortedList<T> {
  readonly #items: T[] = [];
  // Parallel key arrays: comparing numbers and strings is much cheaper than re-parsing dates.
  readonly #ts: number[] = [];
  readonly #ids: string[] = [];

  get length(): number {
    return this.#items.length;
  }

  at(index: number): T | undefined {
    return this.#items[index];
  }

  /** Index of the first item whose key is strictly greater than (ts, id). */
  upperBound(ts: number, id: string): number {
    let lo = 0;
    let hi = this.#items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareKeys(this.#ts[mid]!, this.#ids[mid]!, ts, id) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Index of the first item whose key is greater than or equal to (ts, id). */
  lowerBound(ts: number, id: string): number {
    let lo = 0;
    let hi = this.#items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareKeys(this.#ts[mid]!, this.#ids[mid]!, ts, id) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Appends without searching; the caller guarantees `key` sorts after the current last item. */
  append(item: T, key: SortKey): void {
    this.#items.push(item);
    this.#ts.push(key.ts);
    this.#ids.push(key.id);
  }

  insert(item: T, key: SortKey): void {
    const last = this.#items.length - 1;
    // Fast path: new records carry the newest timestamp, so they almost always go at the end.
    if (last < 0 || compareKeys(this.#ts[last]!, this.#ids[last]!, key.ts, key.id) < 0) {
      this.append(item, key);
      return;
    }
    const at = this.lowerBound(key.ts, key.id);
    if (this.#ids[at] === key.id && this.#ts[at] === key.ts) return; // already present
    this.#items.splice(at, 0, item);
    this.#ts.splice(at, 0, key.ts);
    this.#ids.splice(at, 0, key.id);
  }

  remove(key: SortKey): boolean {
    const at = this.lowerBound(key.ts, key.id);
    if (this.#ids[at] !== key.id || this.#ts[at] !== key.ts) return false;
    this.#items.splice(at, 1);
    this.#ts.splice(at, 1);
    this.#ids.splice(at, 1);
    return true;
  }

  /** Items from `start` on, in order (a lazy view: callers stop early when a page is full). */
  *from(start: number): Generator<T> {
    for (let i = start; i < this.#items.length; i++) yield this.#items[i]!;
  }

  /** The backing array itself, for read-only scans without a copy. Do not mutate. */
  view(): readonly T[] {
    return this.#items;
  }

  toArray(): T[] {
    return this.#items.slice();
  }
}
