/**
 * All-or-nothing writes. A write handler validates everything first, then stages its change as an
 * `apply` function together with the response it will answer with; `commit()` serialises that response
 * (JSON.stringify of the envelope) BEFORE it calls `apply`. Anything that can still fail (a value JSON
 * cannot encode, a structure too deep for the serialiser, …) therefore fails while the state is
 * untouched: a 5xx never follows a state change. `apply` only assigns values that were already checked
 * and must not throw.
 *
 * Every commit is recorded against the request that made it (a weak map keyed by the request's context
 * object), so the idempotency layer can tell a request that changed state (its key is kept and replays
 * the committed response) from one that changed nothing (its key is released and a retry runs again).
 */

/** A response as the idempotency store keeps it. */
export interface CommittedResponse {
  status: number;
  body: string;
  contentType: string;
}

/** What one request committed. `applied` is false only if `apply` threw (a bug: the state may be partly changed). */
export interface WriteOutcome {
  response: CommittedResponse;
  applied: boolean;
}

const JSON_TYPE = "application/json";

export class WriteLedger {
  readonly #byRequest = new WeakMap<object, WriteOutcome>();

  /**
   * Serialises `body`, then runs `apply`, and records both against `request`. Throws (and changes
   * nothing) when `body` cannot be serialised.
   */
  commit(request: object, status: number, body: unknown, apply: () => void): CommittedResponse {
    let text: string;
    try {
      text = JSON.stringify(body);
    } catch (cause) {
      throw new Error("write not applied: its response could not be serialised", { cause });
    }
    if (typeof text !== "string") throw new Error("write not applied: its response is not JSON");
    const outcome: WriteOutcome = {
      response: { status, body: text, contentType: JSON_TYPE },
      applied: false,
    };
    // Recorded before `apply` runs: if it throws half-way, the request still counts as having changed state.
    this.#byRequest.set(request, outcome);
    apply();
    outcome.applied = true;
    return outcome.response;
  }

  /** What `request` committed, or undefined when it changed nothing. */
  outcome(request: object): WriteOutcome | undefined {
    return this.#byRequest.get(request);
  }
}
