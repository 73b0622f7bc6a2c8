/**
 * Cursor pagination. A list call returns a {@link PagePromise}: `await` it for the first page, or
 * `for await` over it for every item of every page. Pages are followed by `meta.nextCursor` while
 * `meta.hasMore` is true, through empty pages too, with the caller's query kept on every request; a
 * cursor the API already gave is an error rather than an endless loop.
 * @module
 */
import { z } from "zod";
import { PaginationError } from "./errors.js";
import type { RequestOptions } from "./options.js";
import type { Transport } from "./transport.js";

/** `toArray()` without `max` stops (with an error) past this many items. */
export const DEFAULT_TO_ARRAY_MAX = 10_000;

/** One page of a list. */
export interface Page<T> {
  readonly data: T[];
  /** Opaque; pass it back as `cursor` to get the next page. `null` on the last page. */
  readonly nextCursor: string | null;
  readonly hasMore: boolean;
  /** The response's `meta` as sent. */
  readonly meta: Record<string, unknown> | null;
  hasNextPage(): boolean;
  /** The next page, or `null` after the last one. */
  nextPage(): Promise<Page<T> | null>;
}

/** Fetches the page at `cursor` (`null` for the first page). */
export type PageFetcher<T> = (
  cursor: string | null,
) => Promise<{ data: T[]; meta: Record<string, unknown> | null }>;

class CursorPage<T> implements Page<T> {
  readonly data: T[];
  readonly nextCursor: string | null;
  readonly hasMore: boolean;
  readonly meta: Record<string, unknown> | null;
  readonly #fetch: PageFetcher<T>;
  readonly #label: string;
  /**
   * Every cursor followed from the first page, with the depth of the page it loaded. A next cursor that
   * already loaded a page at this depth or above means the API is going in circles. (Depths, not a plain
   * set, so that iterating the same list twice or asking a page twice for its next one is no loop.)
   */
  readonly #cursors: Map<string, number>;
  /** Pages before this one. */
  readonly #depth: number;

  constructor(
    data: T[],
    meta: Record<string, unknown> | null,
    fetch: PageFetcher<T>,
    label: string,
    cursors: Map<string, number>,
    depth: number,
  ) {
    this.data = data;
    this.meta = meta;
    const cursor = meta?.nextCursor;
    this.nextCursor = typeof cursor === "string" && cursor !== "" ? cursor : null;
    // Older docs show only `nextCursor`: without `hasMore`, a cursor means "more".
    this.hasMore = typeof meta?.hasMore === "boolean" ? meta.hasMore : this.nextCursor !== null;
    this.#fetch = fetch;
    this.#label = label;
    this.#cursors = cursors;
    this.#depth = depth;
  }

  hasNextPage(): boolean {
    return this.hasMore;
  }

  async nextPage(): Promise<Page<T> | null> {
    if (!this.hasMore) return null;
    const cursor = this.nextCursor;
    if (cursor === null) {
      throw new PaginationError(`${this.#label}: meta.hasMore is true but meta.nextCursor is missing`);
    }
    const usedAt = this.#cursors.get(cursor);
    if (usedAt !== undefined && usedAt <= this.#depth) {
      throw new PaginationError(
        `${this.#label}: the API returned cursor ${JSON.stringify(shorten(cursor))} a second time; ` +
          "stopping instead of looping forever",
      );
    }
    this.#cursors.set(cursor, this.#depth + 1);
    return loadPage(this.#fetch, cursor, this.#label, this.#cursors, this.#depth + 1);
  }
}

async function loadPage<T>(
  fetch: PageFetcher<T>,
  cursor: string | null,
  label: string,
  cursors: Map<string, number>,
  depth: number,
): Promise<CursorPage<T>> {
  const { data, meta } = await fetch(cursor);
  return new CursorPage(data, meta, fetch, label, cursors, depth);
}

/**
 * The result of a list call: awaitable for the first page, async-iterable over all items.
 * Nothing is requested until it is awaited or iterated; the first page is fetched once and shared.
 *
 * @example
 * // every creator of a project, page after page
 * for await (const creator of tg.creators.list({ project_id, limit: 100 })) {
 *   console.log(creator.tiktok_handle);
 * }
 *
 * // or just the first page
 * const page = await tg.creators.list({ project_id });
 * page.data; page.hasMore; await page.nextPage();
 *
 * // or everything into an array, refusing more than 5 000 items
 * const all = await tg.videos.list({ project_id }).toArray({ max: 5_000 });
 */
export class PagePromise<T> implements PromiseLike<Page<T>>, AsyncIterable<T> {
  readonly #fetch: PageFetcher<T>;
  readonly #label: string;
  #first: Promise<Page<T>> | undefined;

  constructor(fetch: PageFetcher<T>, label = "list") {
    this.#fetch = fetch;
    this.#label = label;
  }

  #firstPage(): Promise<Page<T>> {
    this.#first ??= loadPage(this.#fetch, null, this.#label, new Map(), 0);
    return this.#first;
  }

  // biome-ignore lint/suspicious/noThenProperty: deliberately thenable, so `await list()` gives the first page.
  then<A = Page<T>, B = never>(
    onfulfilled?: ((page: Page<T>) => A | PromiseLike<A>) | null,
    onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.#firstPage().then(onfulfilled, onrejected);
  }

  catch<B = never>(onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<Page<T> | B> {
    return this.#firstPage().catch(onrejected);
  }

  finally(onfinally?: (() => void) | null): Promise<Page<T>> {
    return this.#firstPage().finally(onfinally);
  }

  /** Every page, first to last (empty pages included). */
  async *pages(): AsyncGenerator<Page<T>, void, undefined> {
    let page: Page<T> | null = await this.#firstPage();
    while (page) {
      yield page;
      page = await page.nextPage();
    }
  }

  /** Every item of every page. */
  [Symbol.asyncIterator](): AsyncIterator<T, undefined> {
    // Hand-written rather than `yield*` in an async generator: items of a page already in memory are
    // handed out without a generator round-trip each, which is most of the per-item cost.
    const pages = this.pages();
    let items: T[] = [];
    let index = 0;
    const refill = async (): Promise<IteratorResult<T, undefined>> => {
      while (index >= items.length) {
        const next = await pages.next();
        if (next.done) return { done: true, value: undefined };
        items = next.value.data;
        index = 0;
      }
      return { done: false, value: items[index++] as T };
    };
    return {
      next: () =>
        index < items.length ? Promise.resolve({ done: false, value: items[index++] as T }) : refill(),
      return: async () => {
        items = [];
        await pages.return(undefined);
        return { done: true, value: undefined };
      },
    };
  }

  /**
   * All items in one array. Throws a {@link PaginationError} when there are more than `max`
   * (default {@link DEFAULT_TO_ARRAY_MAX}) rather than cut the list short silently.
   */
  async toArray(options: { max?: number } = {}): Promise<T[]> {
    const max = options.max ?? DEFAULT_TO_ARRAY_MAX;
    const items: T[] = [];
    for await (const item of this) {
      if (items.length >= max) {
        throw new PaginationError(
          `${this.#label} has more than ${max} items; pass toArray({ max }) with a higher cap, or iterate with for await`,
        );
      }
      items.push(item);
    }
    return items;
  }

  get [Symbol.toStringTag](): string {
    return "PagePromise";
  }
}

const arraySchemas = new WeakMap<z.ZodType, z.ZodType>();

/** `z.array(item)`, built once per item schema. */
function arrayOf<T>(item: z.ZodType<T>): z.ZodType<T[]> {
  let schema = arraySchemas.get(item);
  if (!schema) {
    schema = z.array(item);
    arraySchemas.set(item, schema);
  }
  return schema as z.ZodType<T[]>;
}

/**
 * A {@link PagePromise} over `GET path`: the caller's query is copied once and sent with every page,
 * plus the `cursor` of the page.
 */
export function paginate<T>(
  transport: Transport,
  path: string,
  query: object | undefined,
  item: z.ZodType<T>,
  options: RequestOptions = {},
): PagePromise<T> {
  const base: Record<string, unknown> = { ...query };
  const schema = arrayOf(item);
  return new PagePromise<T>(async (cursor) => {
    const { data, meta } = await transport.request(
      { method: "GET", path, query: cursor === null ? base : { ...base, cursor }, schema },
      options,
    );
    return { data, meta };
  }, `GET ${path}`);
}

function shorten(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
