/**
 * A Hono `onError` for any goatkit server: a client that disconnected is answered with nothing and
 * logged nowhere; an `HTTPException` keeps its response; anything else is logged once and answered 500
 * `internal_error` in the server's format, never with a stack trace. (Hono's default handler logs every
 * error, disconnects included.) Servers with their own error types wrap it or copy its first step.
 * @module
 */
import type { ErrorHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import { isClientDisconnect } from "./disconnect.js";
import { errorResponse, type FormatError } from "./format-error.js";

export interface ErrorHandlerOptions {
  formatError: FormatError;
  /** Where unexpected errors go (default `console.error`). */
  onError?: (err: unknown) => void;
}

/** The status nobody reads: what a request whose client went away "answers" (nginx's 499). */
export const CLIENT_CLOSED_REQUEST = 499;

export function errorHandler(options: ErrorHandlerOptions): ErrorHandler {
  const onError = options.onError ?? ((err: unknown) => console.error(err));
  return (err, c) => {
    if (isClientDisconnect(err, c.env?.incoming))
      return new Response(null, { status: CLIENT_CLOSED_REQUEST });
    if (err instanceof HTTPException) return err.getResponse();
    onError(err);
    return errorResponse(options.formatError, 500, "internal_error", "Internal server error");
  };
}
