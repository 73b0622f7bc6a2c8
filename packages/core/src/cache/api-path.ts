/**
 * The API-relative part of a request path. Cache policy and tags reason about routes ("/creators/{id}"),
 * while the URL they see is absolute and its base path varies (`/api/v1` upstream, a prefix behind a
 * proxy), so everything up to the version segment is cut off.
 * @module
 */

const VERSION_SEGMENT = /\/v\d+(?=\/|$)/;

/**
 * `pathname` below its `/v<n>` base segment; a path without one is taken as already relative.
 *
 * @example
 * apiPath("/api/v1/creators/abc/stats") // "/creators/abc/stats"
 * apiPath("/creators")                  // "/creators"
 */
export function apiPath(pathname: string): string {
  const match = VERSION_SEGMENT.exec(pathname);
  if (!match) return pathname;
  const rest = pathname.slice(match.index + match[0].length);
  return rest === "" ? "/" : rest;
}

/** The decoded, non-empty segments of the API-relative path. */
export function apiSegments(pathname: string): string[] {
  return apiPath(pathname)
    .split("/")
    .filter((s) => s !== "")
    .map(safeDecode);
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
