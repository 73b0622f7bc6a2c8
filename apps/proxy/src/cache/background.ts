/**
 * Work that outlives the request that started it (stale-while-revalidate refreshes). Failures are
 * reported, never thrown: a refresh that fails leaves the stale entry in place, which is the point.
 * `idle()` lets a shutdown (or a test) wait for what is still running.
 * @module
 */

export class BackgroundTasks {
  readonly #running = new Set<Promise<void>>();
  readonly #onError: (err: unknown) => void;

  constructor(onError: (err: unknown) => void = () => {}) {
    this.#onError = onError;
  }

  /** Tasks still running. */
  get size(): number {
    return this.#running.size;
  }

  run(task: () => Promise<unknown>): void {
    const done: Promise<void> = (async () => {
      try {
        await task();
      } catch (err) {
        this.#onError(err);
      }
    })().finally(() => this.#running.delete(done));
    this.#running.add(done);
  }

  /** Resolves once every task started so far (and any they started) has finished. */
  async idle(): Promise<void> {
    while (this.#running.size > 0) await Promise.all([...this.#running]);
  }
}
