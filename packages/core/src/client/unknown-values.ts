/**
 * The client's record of enum values the docs do not name (an unknown `tracking_status`, say). The
 * tolerant readers keep such values instead of failing; each (field, value) is warned about once
 * through the logger, and `client.unknownValues()` lists them all with how often they were read, so a
 * report can say what it left out and why.
 * @module
 */
import type { UnknownValue } from "../schema/unknown-values.js";
import type { Logger } from "./logger.js";

/** An unknown enum value and how many times responses carried it (cache hits included). */
export interface UnknownValueSeen extends UnknownValue {
  count: number;
  /** `METHOD /path` of the first response that carried it. */
  firstSeenIn: string;
}

export class UnknownValues {
  readonly #seen = new Map<string, UnknownValueSeen>();
  readonly #log: Logger | undefined;

  constructor(log: Logger | undefined) {
    this.#log = log;
  }

  /** Records one occurrence; warns the first time this (field, value) is seen. */
  record(u: UnknownValue, where: string): void {
    const key = `${u.field}\u0000${u.value}`;
    const known = this.#seen.get(key);
    if (known) {
      known.count++;
      return;
    }
    this.#seen.set(key, { field: u.field, value: u.value, count: 1, firstSeenIn: where });
    const message =
      `${where}: ${u.field} ${JSON.stringify(u.value)} is not a value the docs name; ` +
      "kept as sent (analyses treat it conservatively)";
    const data = { field: u.field, value: u.value };
    if (this.#log?.warn) this.#log.warn(message, data);
    else this.#log?.debug(message, data);
  }

  /** Every unknown value seen so far, in the order first seen. */
  list(): UnknownValueSeen[] {
    return [...this.#seen.values()].map((u) => ({ ...u }));
  }
}
