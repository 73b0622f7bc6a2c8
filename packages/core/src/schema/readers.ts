/**
 * One definition, two readers. Each response schema is written once as a table of fields, each field
 * marked by how sure the contract is about it; `readers()` turns the table into
 * - a **tolerant** reader (what the client parses with): required only what the contract confirms or
 *   the analyses cannot do without (ids, counters, the dates they compute on); every other field may be
 *   absent (a fallback fills it where the type has always had one, e.g. `null`, `{}`); unknown fields
 *   pass through at runtime (not in the type: see pass-through.ts); open enums keep unknown values as
 *   strings and report them;
 * - a **strict** reader (what tests and the parity check use): every documented field required with
 *   its documented type, closed enums, no defaults, no unknown fields.
 * @module
 */
import { z } from "zod";
import { passThroughObject } from "./pass-through.js";
import { reportUnknownValue } from "./unknown-values.js";

/** The two readers of one field (or of one nested object). */
export interface Pair<S extends z.ZodType = z.ZodType, T extends z.ZodType = z.ZodType> {
  strict: S;
  tolerant: T;
}

/** A value of an open enum: one of the known ones, or a string the API sent that we do not know yet. */
export type Open<V extends string> = V | (string & {});

function isPair(x: unknown): x is Pair {
  return typeof x === "object" && x !== null && "strict" in x && "tolerant" in x;
}

/** The same schema for both readers. */
function pairOf<S extends z.ZodType>(s: S): Pair<S, S> {
  return { strict: s, tolerant: s };
}

/** Required by both readers: ids, counters, the dates analyses compute on, what Part B confirms. */
export function core<S extends z.ZodType>(s: S): Pair<S, S>;
export function core<S extends z.ZodType, T extends z.ZodType>(p: Pair<S, T>): Pair<S, T>;
export function core(x: z.ZodType | Pair): Pair {
  return isPair(x) ? x : pairOf(x);
}

/**
 * Documented (Part A decides it, or Part B states it) but not needed to compute anything: strict
 * requires it; tolerant lets it be absent, filled with `fallback` when one is given.
 */
export function documented<S extends z.ZodType>(s: S): Pair<S, z.ZodOptional<S>>;
export function documented<S extends z.ZodType>(s: S, fallback: z.output<S>): Pair<S, z.ZodDefault<S>>;
export function documented<S extends z.ZodType, T extends z.ZodType>(
  p: Pair<S, T>,
): Pair<S, z.ZodOptional<T>>;
export function documented<S extends z.ZodType, T extends z.ZodType>(
  p: Pair<S, T>,
  fallback: z.output<T>,
): Pair<S, z.ZodDefault<T>>;
export function documented(x: z.ZodType | Pair, ...fallback: unknown[]): Pair {
  const p = isPair(x) ? x : pairOf(x);
  const tolerant =
    fallback.length === 0
      ? p.tolerant.optional()
      : (p.tolerant as z.ZodType<unknown>).default(fallback[0] as never);
  return { strict: p.strict, tolerant };
}

/** Not in the contract (a goatkit or sandbox extension): optional in both readers. */
export function extension<S extends z.ZodType>(s: S): Pair<z.ZodOptional<S>, z.ZodOptional<S>> {
  return { strict: s.optional(), tolerant: s.optional() };
}

/** An array of a nested pair. */
export function arrayOf<S extends z.ZodType, T extends z.ZodType>(
  p: Pair<S, T>,
): Pair<z.ZodArray<S>, z.ZodArray<T>> {
  return { strict: z.array(p.strict), tolerant: z.array(p.tolerant) };
}

/** A nullable nested pair. */
export function nullable<S extends z.ZodType, T extends z.ZodType>(
  p: Pair<S, T>,
): Pair<z.ZodNullable<S>, z.ZodNullable<T>> {
  return { strict: p.strict.nullable(), tolerant: p.tolerant.nullable() };
}

/**
 * An enum the docs do not pin down. Strict: exactly `values`. Tolerant: any string; a value not in
 * `values` is kept as it is and reported once through the client (`field` names it, e.g.
 * `video.tracking_status`). Code that acts on the value must treat unknown ones conservatively.
 */
export function openEnum<const V extends readonly [string, ...string[]]>(field: string, values: V) {
  const known = new Set<string>(values);
  const strict = z.enum(values);
  const tolerant = z.string().transform((v): Open<V[number]> => {
    if (!known.has(v)) reportUnknownValue(field, v);
    return v;
  });
  return { strict, tolerant };
}

type Fields = Record<string, Pair>;
type StrictShape<F extends Fields> = { [K in keyof F]: F[K]["strict"] };
type TolerantShape<F extends Fields> = { [K in keyof F]: F[K]["tolerant"] };

/**
 * The two object readers of a field table: strict is a closed object (an unknown field is a
 * difference worth reporting), tolerant a pass-through one (unknown fields reach the caller at
 * runtime, but its type has no index signature, so a misspelt field is a type error).
 */
export function readers<F extends Fields>(
  fields: F,
): Pair<z.ZodObject<StrictShape<F>, z.core.$strict>, z.ZodObject<TolerantShape<F>, z.core.$strip>> {
  const strict: Record<string, z.ZodType> = {};
  const tolerant: Record<string, z.ZodType> = {};
  for (const [name, p] of Object.entries(fields)) {
    strict[name] = p.strict;
    tolerant[name] = p.tolerant;
  }
  return {
    strict: z.strictObject(strict) as never,
    tolerant: passThroughObject(tolerant) as never,
  };
}
