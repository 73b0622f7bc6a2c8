/**
 * The default limits of every goatkit server, in one place so the README, the messages and the code agree.
 * @module
 */

/** Largest request body accepted: 1 MiB (413 `payload_too_large` above it). */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** Deepest JSON nesting accepted in a request body: 32 levels (400 `invalid_body` above it). */
export const DEFAULT_MAX_JSON_DEPTH = 32;

/** Largest request line plus headers accepted by the HTTP parser: 16 KiB (431 `headers_too_large`). */
export const DEFAULT_MAX_HEADER_SIZE = 16 * 1024;

/** "1 MiB", "16 KiB", "1500 bytes": a byte count as people read it in an error message. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}
