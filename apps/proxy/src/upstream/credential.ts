/**
 * Which credential a request is made with. Pass-through callers bring their own trackagoat key; the cache
 * and the upstream budget are both per credential, so this one function decides whose entries a request
 * may read and whose budget it spends.
 * @module
 */

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * The caller's credential from its `Authorization` header: the token of `Bearer <token>` (the bare API
 * key, exactly what core's client hashes into its cache keys, so both find the same entries), the whole
 * value for any other scheme, and `""` without a header (anonymous requests share one cache partition,
 * which only ever holds answers that needed no key).
 *
 * @example
 * callerCredential("Bearer tga_5d5a…") // "tga_5d5a…"
 */
export function callerCredential(authorization: string | null | undefined): string {
  if (authorization === null || authorization === undefined) return "";
  const value = authorization.trim();
  return BEARER.exec(value)?.[1] ?? value;
}
