/**
 * Fetching helpers shared by the workflows: paginate to completion (the agent guide insists: never
 * conclude from a first page), run independent calls with a small concurrency cap (the API allows 60
 * requests a minute, so a wide fan-out only queues in the client's limiter), and fall back to the
 * second API generation when a stats route answers 410.
 * @module
 */
import { GoneError } from "../client/errors.js";
import type { PagePromise } from "../client/pagination.js";

/** The largest page the API serves; fewer, bigger pages cost fewer requests. */
export const PAGE_LIMIT = 100;

/** Every item of a list, page after page, reporting each page. */
export async function fetchAll<T>(
  list: PagePromise<T>,
  onPage?: (pages: number, items: number) => void,
): Promise<T[]> {
  const items: T[] = [];
  let pages = 0;
  for await (const page of list.pages()) {
    pages++;
    for (const item of page.data) items.push(item);
    onPage?.(pages, items.length);
  }
  return items;
}

/** `fn` over `items` with at most `limit` calls in flight; results keep the input order. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
) {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Whether an error says the route was removed in the current API generation. */
export function isGone(err: unknown): err is GoneError {
  return (
    err instanceof GoneError ||
    (typeof err === "object" && err !== null && (err as { status?: unknown }).status === 410)
  );
}

/** Whether an error says `from` lies before the plan's analytics history (402 `retention_exceeded`). */
export function isRetentionExceeded(err: unknown): boolean {
  if (typeof err !== "object" || err === null) return false;
  const e = err as { status?: unknown; code?: unknown };
  return e.status === 402 && e.code === "retention_exceeded";
}
