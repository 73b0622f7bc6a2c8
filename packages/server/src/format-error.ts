/**
 * Error formatting: every refusal of a goatkit server (body limits, parser errors, Host guard, 405) is
 * written by a formatter the server passes in, so the sandbox and the proxy answer in the API envelope
 * and the MCP server in JSON-RPC errors. This package never decides what an error body looks like.
 * @module
 */

/** A formatted error body and its media type. */
export interface FormattedError {
  body: string;
  contentType: string;
}

/**
 * Turns a refusal into a response body. `code` is a stable snake_case identifier (`payload_too_large`,
 * `headers_too_large`, …); `message` is for people and never echoes request input unquoted.
 */
export type FormatError = (status: number, code: string, message: string) => FormattedError;

/** The trackagoat v1 envelope `{ data: null, error: message, meta: { code } }` (sandbox, proxy). */
export const apiEnvelope: FormatError = (_status, code, message) => ({
  body: JSON.stringify({ data: null, error: message, meta: { code } }),
  contentType: "application/json; charset=UTF-8",
});

/** A `Response` carrying the formatted error, with optional extra headers (e.g. `Allow`). */
export function errorResponse(
  formatError: FormatError,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): Response {
  const { body, contentType } = formatError(status, code, message);
  return new Response(body, { status, headers: { ...headers, "content-type": contentType } });
}
