/**
 * Fault-injection settings and their seeded dice. Settable at start (options / CLI flags) and at run
 * time (`POST /__sandbox/faults`, `setFaults()`). Every API request draws the same three numbers whatever
 * the settings, so a run with a given seed and request sequence fails the same way every time.
 */
import { quoteValue } from "@goatkit/server";
import { createRng } from "./random.js";

export interface FaultSettings {
  /** Added delay before every API request is handled, in ms. */
  latencyMs: number;
  /** Probability (0..1) of a 500 `internal_error` instead of the real answer. */
  errorRate: number;
  /** Probability (0..1) of the connection being destroyed without any response. */
  dropRate: number;
  /** Probability (0..1) of a 200 whose JSON body is cut off. */
  malformedRate: number;
  /** When true every API request answers 503. */
  outage: boolean;
}

export type FaultInput = Partial<FaultSettings> & { seed?: number };

export const NO_FAULTS: FaultSettings = {
  latencyMs: 0,
  errorRate: 0,
  dropRate: 0,
  malformedRate: 0,
  outage: false,
};

export interface FaultDraw {
  drop: boolean;
  error: boolean;
  malformed: boolean;
}

/** Validates a partial settings object; returns an error message or null. */
export function checkFaultInput(input: unknown): string | null {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return "expected a JSON object";
  for (const [name, value] of Object.entries(input)) {
    switch (name) {
      case "latencyMs":
        if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || value > 600_000)
          return "latencyMs must be a number of milliseconds between 0 and 600000";
        break;
      case "errorRate":
      case "dropRate":
      case "malformedRate":
        if (typeof value !== "number" || !(value >= 0 && value <= 1))
          return `${name} must be a number from 0 to 1`;
        break;
      case "outage":
        if (typeof value !== "boolean") return "outage must be true or false";
        break;
      case "seed":
        if (!Number.isInteger(value)) return "seed must be an integer";
        break;
      default:
        return `unknown fault setting ${quoteValue(name)} (latencyMs, errorRate, dropRate, malformedRate, outage, seed)`;
    }
  }
  return null;
}

export class FaultController {
  #settings: FaultSettings = { ...NO_FAULTS };
  #rng: () => number;

  constructor(seed: number, initial: FaultInput = {}) {
    this.#rng = createRng((seed ^ 0xfa017) >>> 0);
    this.set(initial);
  }

  get settings(): FaultSettings {
    return { ...this.#settings };
  }

  /** Merges `input` into the current settings (throws on invalid input); `seed` restarts the dice. */
  set(input: FaultInput): FaultSettings {
    const problem = checkFaultInput(input);
    if (problem) throw new TypeError(`Invalid fault settings: ${problem}`);
    const { seed, ...rest } = input;
    if (seed !== undefined) this.#rng = createRng((seed ^ 0xfa017) >>> 0);
    this.#settings = { ...this.#settings, ...rest };
    return this.settings;
  }

  /** Rolls the dice for one request. */
  draw(): FaultDraw {
    const s = this.#settings;
    const a = this.#rng();
    const b = this.#rng();
    const c = this.#rng();
    return { drop: a < s.dropRate, error: b < s.errorRate, malformed: c < s.malformedRate };
  }
}
