/**
 * In-process request coalescing: callers asking for the same key while a request for it is in flight
 * wait for that request instead of sending their own. Each caller can still abort on its own; the shared
 * request is cancelled only when every caller waiting on it has gone.
 * @module
 */

interface Flight {
  promise: Promise<unknown>;
  controller: AbortController;
  waiters: number;
}

export interface Coalesced<T> {
  value: T;
  /** `true` when this caller joined a request another caller started. */
  joined: boolean;
}

export class InFlight {
  readonly #flights = new Map<string, Flight>();

  /** Requests in flight. */
  get size(): number {
    return this.#flights.size;
  }

  /**
   * Runs `run` for `key`, or joins the run already in flight. `run` gets a signal that aborts when every
   * caller has aborted; `signal` aborts this caller's wait only, rejecting with its reason.
   */
  async run<T>(
    key: string,
    run: (signal: AbortSignal) => Promise<T>,
    signal?: AbortSignal,
  ): Promise<Coalesced<T>> {
    if (signal?.aborted) throw signal.reason;
    let flight = this.#flights.get(key);
    const joined = flight !== undefined;
    if (!flight) flight = this.#start(key, run);
    flight.waiters++;
    try {
      return { value: (await waitFor(flight.promise, signal)) as T, joined };
    } catch (err) {
      if (signal?.aborted && --flight.waiters === 0) {
        this.#forget(key, flight);
        flight.controller.abort(signal.reason);
      }
      throw err;
    }
  }

  /** Later callers start a new request instead of joining the ones in flight (after a write). */
  detachAll(): void {
    this.#flights.clear();
  }

  #start<T>(key: string, run: (signal: AbortSignal) => Promise<T>): Flight {
    const controller = new AbortController();
    const flight: Flight = { controller, waiters: 0, promise: Promise.resolve() };
    flight.promise = (async () => run(controller.signal))().finally(() => this.#forget(key, flight));
    // Every waiter may have left (aborted): the rejection must not surface as unhandled.
    flight.promise.catch(() => {});
    this.#flights.set(key, flight);
    return flight;
  }

  #forget(key: string, flight: Flight): void {
    if (this.#flights.get(key) === flight) this.#flights.delete(key);
  }
}

function waitFor<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (err: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(err);
      },
    );
  });
}
