/**
 * One entity kind held by the sandbox: an id map plus any number of named sorted lists ("org:<id>",
 * "project:<id>", ...). Which lists a record belongs to is a function of its current fields (e.g. a
 * soft-deleted creator leaves its listing lists), so every write that can change membership goes through
 * `update()`, which diffs the lists before and after. Nothing is stored per record beyond the lists
 * themselves, which matters at 250,000 videos. The backing world array is kept in step, because the
 * stats functions read the world directly.
 */
import { parseIso } from "../world/time.js";
import { SortedList, type SortKey } from "./sorted-list.js";

export interface CollectionSpec<T> {
  /** The world array this collection mirrors (mutated in place on insert/remove). */
  backing: T[];
  idOf: (record: T) => string;
  createdAtOf: (record: T) => string;
  /** The lists a record belongs to right now. */
  listsOf: (record: T) => readonly string[];
}

const EMPTY = new SortedList<never>();

export class Collection<T> {
  readonly #spec: CollectionSpec<T>;
  readonly #byId = new Map<string, T>();
  readonly #lists = new Map<string, SortedList<T>>();

  constructor(spec: CollectionSpec<T>) {
    this.#spec = spec;
    // Sort once, then append: O(n log n) for the whole world instead of n binary insertions.
    const decorated = spec.backing.map((record) => ({ record, key: this.keyOf(record) }));
    decorated.sort((a, b) => a.key.ts - b.key.ts || (a.key.id < b.key.id ? -1 : a.key.id > b.key.id ? 1 : 0));
    for (const { record, key } of decorated) {
      this.#byId.set(key.id, record);
      for (const name of spec.listsOf(record)) this.#listFor(name).append(record, key);
    }
  }

  keyOf(record: T): SortKey {
    return { ts: parseIso(this.#spec.createdAtOf(record)), id: this.#spec.idOf(record) };
  }

  /** The lists `record` belongs to given its current fields. */
  listsOf(record: T): readonly string[] {
    return this.#spec.listsOf(record);
  }

  get size(): number {
    return this.#byId.size;
  }

  get(id: string): T | undefined {
    return this.#byId.get(id);
  }

  values(): IterableIterator<T> {
    return this.#byId.values();
  }

  /** A named list; an empty one when nothing was ever in it. Read-only for callers. */
  list(name: string): SortedList<T> {
    return (this.#lists.get(name) as SortedList<T> | undefined) ?? (EMPTY as SortedList<T>);
  }

  insert(record: T): void {
    const key = this.keyOf(record);
    if (this.#byId.has(key.id)) throw new Error(`duplicate id ${key.id}`);
    this.#spec.backing.push(record);
    this.#byId.set(key.id, record);
    for (const name of this.#spec.listsOf(record)) this.#listFor(name).insert(record, key);
  }

  /** Applies `mutate` to `record` and moves it between lists if its membership changed. */
  update(record: T, mutate: (record: T) => void): void {
    const before = this.#spec.listsOf(record);
    mutate(record);
    this.relist(record, before);
  }

  /**
   * Moves `record` from the lists it was in (`before`, computed before the change) to the lists it
   * belongs to now. For changes made outside the record (e.g. its creator was removed).
   */
  relist(record: T, before: readonly string[]): void {
    const after = this.#spec.listsOf(record);
    if (before.length === after.length && before.every((name, i) => name === after[i])) return;
    const key = this.keyOf(record);
    for (const name of before) if (!after.includes(name)) this.#lists.get(name)?.remove(key);
    for (const name of after) if (!before.includes(name)) this.#listFor(name).insert(record, key);
  }

  /** Hard delete: gone from the id map, every list and the world array. */
  remove(record: T): void {
    const key = this.keyOf(record);
    for (const name of this.#spec.listsOf(record)) this.#lists.get(name)?.remove(key);
    this.#byId.delete(key.id);
    const at = this.#spec.backing.indexOf(record);
    if (at >= 0) this.#spec.backing.splice(at, 1);
  }

  #listFor(name: string): SortedList<T> {
    let list = this.#lists.get(name);
    if (!list) {
      list = new SortedList<T>();
      this.#lists.set(name, list);
    }
    return list;
  }
}
