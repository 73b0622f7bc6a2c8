/**
 * Query-string and path-parameter helpers. A bad query value is 400 `invalid_query` naming the
 * parameter; an id that cannot be an id at all (wrong characters, too long, a percent-escape that is not
 * UTF-8 such as `%FF%FE`) is 400 `invalid_params`. Client values are quoted short (`quoteValue`), so an
 * error body never grows with the input.
 */
import { quoteValue } from "@goatkit/server";
import type { Context } from "hono";
import { parseDay } from "../stats/days.js";
import { badParams, badQuery } from "./api-error.js";

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * A path parameter that must look like an id (UUIDs in practice; the format is not insisted on). Hono
 * leaves an escape that does not decode to UTF-8 as it is (`%FF`), and `%` is no id character, so such
 * an id is a 400 here rather than a 404 further on.
 */
export function idParam(c: Context, name = "id"): string {
  const value = c.req.param(name) ?? "";
  if (!ID.test(value)) throw badParams(`${name} is not a valid id: ${quoteValue(value)}`);
  return value;
}

/** An optional query value; an empty string counts as absent. */
export function queryString(c: Context, name: string): string | undefined {
  const value = c.req.query(name);
  return value === undefined || value === "" ? undefined : value;
}

export function queryId(c: Context, name: string): string | undefined {
  const value = queryString(c, name);
  if (value !== undefined && !ID.test(value))
    throw badQuery(`${name} is not a valid id: ${quoteValue(value)}`);
  return value;
}

export function requireQuery(c: Context, name: string): string {
  const value = queryString(c, name);
  if (value === undefined) throw badQuery(`${name} is required`);
  return value;
}

export function queryEnum<T extends string>(c: Context, name: string, allowed: readonly T[], fallback: T): T;
export function queryEnum<T extends string>(c: Context, name: string, allowed: readonly T[]): T | undefined;
export function queryEnum<T extends string>(
  c: Context,
  name: string,
  allowed: readonly T[],
  fallback?: T,
): T | undefined {
  const value = queryString(c, name);
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw badQuery(`${name} must be one of ${allowed.join(", ")}; got ${quoteValue(value)}`);
  }
  return value as T;
}

/** `1`/`true` or `0`/`false`. */
export function queryBool(c: Context, name: string): boolean {
  const value = queryString(c, name);
  if (value === undefined) return false;
  if (value === "1" || value === "true") return true;
  if (value === "0" || value === "false") return false;
  throw badQuery(`${name} must be true, false, 1 or 0; got ${quoteValue(value)}`);
}

/** A whole number in [min, max]. */
export function queryInt(c: Context, name: string, fallback: number, min: number, max: number): number {
  const raw = c.req.query(name);
  if (raw === undefined) return fallback;
  const n = /^-?\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(n >= min && n <= max)) {
    throw badQuery(`${name} must be an integer from ${min} to ${max}; got ${quoteValue(raw)}`);
  }
  return n;
}

/** An optional calendar day `YYYY-MM-DD` (`2026-02-30` and `2026-13-45` are 400). */
export function queryDay(c: Context, name: string): string | undefined {
  const value = queryString(c, name);
  if (value !== undefined && parseDay(value) === null) {
    throw badQuery(`${name} must be a calendar date as YYYY-MM-DD; got ${quoteValue(value)}`);
  }
  return value;
}

/**
 * Optional `from`/`to` filter days (for lists without a default range, such as annotations); `from`
 * after `to` is 400 `invalid_query`, as on every route that takes a range (Part A.1).
 */
export function queryDayBounds(c: Context): { from?: string; to?: string } {
  const from = queryDay(c, "from");
  const to = queryDay(c, "to");
  if (from !== undefined && to !== undefined && from > to) {
    throw badQuery(`from (${from}) is after to (${to})`);
  }
  return { from, to };
}
