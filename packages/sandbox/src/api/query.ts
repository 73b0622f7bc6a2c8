/**
 * Query-string and path-parameter helpers. A bad query value is 400 `invalid_query` naming the
 * parameter; an id that cannot be an id at all is 400 `invalid_params`.
 */
import type { Context } from "hono";
import { badParams, badQuery } from "./api-error.js";

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** A path parameter that must look like an id (UUIDs in practice; the format is not insisted on). */
export function idParam(c: Context, name = "id"): string {
  const value = c.req.param(name) ?? "";
  if (!ID.test(value)) throw badParams(`${name} is not a valid id: "${value.slice(0, 80)}"`);
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
    throw badQuery(`${name} is not a valid id: "${value.slice(0, 80)}"`);
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
    throw badQuery(`${name} must be one of ${allowed.join(", ")}; got "${value.slice(0, 80)}"`);
  }
  return value as T;
}

/** `1`/`true` or `0`/`false`. */
export function queryBool(c: Context, name: string): boolean {
  const value = queryString(c, name);
  if (value === undefined) return false;
  if (value === "1" || value === "true") return true;
  if (value === "0" || value === "false") return false;
  throw badQuery(`${name} must be true, false, 1 or 0`);
}

/** A whole number in [min, max]. */
export function queryInt(c: Context, name: string, fallback: number, min: number, max: number): number {
  const raw = c.req.query(name);
  if (raw === undefined) return fallback;
  if (!/^-?\d+$/.test(raw))
    throw badQuery(`${name} must be an integer from ${min} to ${max}; got "${raw.slice(0, 80)}"`);
  const n = Number(raw);
  if (n < min || n > max) throw badQuery(`${name} must be an integer from ${min} to ${max}; got ${raw}`);
  return n;
}
