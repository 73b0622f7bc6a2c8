/**
 * Guards against the read-write race: a GET sent before a write finished may bring back the old data
 * after the write already invalidated the cache, and storing it would undo the invalidation for a whole
 * TTL. Each invalidation gets a sequence number; a response is stored only if none of its tags was
 * invalidated after its request started. Memory is bounded: past the cap the oldest tags are forgotten,
 * and a request older than anything forgotten is simply not stored.
 * @module
 */

const MAX_TAGS = 10_000;

export class RecentInvalidations {
  #seq = 0;
  /** Tag → sequence number of its latest invalidation, oldest first. */
  readonly #latest = new Map<string, number>();
  /** Requests that started before this were racing with a tag that is no longer remembered. */
  #floor = 0;

  /** A mark to take when a request starts. */
  mark(): number {
    return this.#seq;
  }

  record(tags: Iterable<string>): void {
    this.#seq++;
    for (const tag of tags) {
      this.#latest.delete(tag); // re-inserted at the end: the map stays ordered by recency
      this.#latest.set(tag, this.#seq);
    }
    for (const [tag, seq] of this.#latest) {
      if (this.#latest.size <= MAX_TAGS) break;
      this.#latest.delete(tag);
      this.#floor = Math.max(this.#floor, seq);
    }
  }

  /** Whether a response whose request started at `mark` and that carries `tags` may be stored. */
  mayStore(mark: number, tags: readonly string[]): boolean {
    if (mark === this.#seq) return true;
    if (mark < this.#floor) return false;
    return tags.every((tag) => (this.#latest.get(tag) ?? 0) <= mark);
  }
}
