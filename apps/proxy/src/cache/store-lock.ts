/**
 * Coalescing across processes that share a store (several proxies on one SQLite file): before going
 * upstream for a key, take the store's lock on it; whoever finds it taken waits for the holder's entry to
 * appear instead of sending the same request (nginx's `proxy_cache_lock`). In-process coalescing happens
 * before this, so one process takes the lock once per key, whatever its number of waiting callers. A store
 * without locks, or one that fails, just lets the request go.
 * @module
 */
import type { CacheStore } from "@goatkit/core";

export interface StoreLockOptions {
  /** The lock's expiry: a holder that crashed blocks the others no longer than this. */
  ttlMs: number;
  /** Longest wait for another holder's entry; after it, the request goes anyway. */
  waitMs: number;
  /** How often a waiter looks for the entry. */
  pollMs?: number;
}

/**
 * Runs `run` under the store's lock on `key`. While another process holds it, polls `probe` (which
 * resolves with the entry that process stored, if any) and resolves with that instead of running.
 */
export async function underStoreLock<T>(
  store: CacheStore,
  key: string,
  options: StoreLockOptions,
  probe: () => Promise<T | undefined>,
  run: () => Promise<T>,
): Promise<T> {
  if (!store.lock) return run();
  const pollMs = options.pollMs ?? 25;
  const giveUpAt = Date.now() + options.waitMs;
  for (;;) {
    const release = await store.lock(key, options.ttlMs).catch(() => undefined);
    if (release === undefined) return run(); // the store failed: no cross-process coalescing this time
    if (release !== null) {
      try {
        // The holder before us may have stored the entry between our lookup and our lock.
        const stored = await probe().catch(() => undefined);
        if (stored !== undefined) return stored;
        return await run();
      } finally {
        await release().catch(() => {});
      }
    }
    await sleep(pollMs);
    const found = await probe().catch(() => undefined);
    if (found !== undefined) return found;
    if (Date.now() >= giveUpAt) return run();
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
