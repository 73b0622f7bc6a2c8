/**
 * An optional input of a report: the fetched value, or null with the reason it could not be read
 * (a key without the scope, an API generation without the route). The report says `available: false`
 * with that reason instead of failing.
 * @module
 */
export interface Fetched<T> {
  value: T | null;
  /** Why `value` is null (status, code and message of the refusal); null when it was read. */
  reason: string | null;
}
