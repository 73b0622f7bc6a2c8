/**
 * Every failure as the user should read it: one line saying what happened and what to do, the exit code
 * of the CLI conventions (2 usage, 3 API/network), and for the TUI whether the key turned out to be
 * read-only. Shared by `goatkit report` (stderr) and the TUI's status line, so both say the same thing.
 * Never includes a key: core's errors are already redacted, and nothing here adds one.
 * @module
 */
import {
  AuthenticationError,
  ConfigurationError,
  ConnectionError,
  GoneError,
  isTrackagoatError,
  isWorkflowParamsError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  TimeoutError,
} from "@goatkit/core";
import { ConfigFileError } from "../config/config-file.js";
import { UsageError } from "../config/settings.js";

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
export const EXIT_API = 3;

export interface DescribedError {
  /** One line: what happened, then what to do. */
  message: string;
  exitCode: typeof EXIT_USAGE | typeof EXIT_API;
  /** Set when a 403 insufficient_scope says this key cannot write: the reason to show from then on. */
  readOnlyReason?: string;
  /** 429: seconds to wait, when the API said. */
  retryAfter?: number;
}

/** Core's message without its leading `404 not_found: ` (the line says the status itself). */
function bare(err: Error): string {
  return err.message.replace(/^\d{3}( [a-z_]+)?: /, "");
}

export function describeError(err: unknown, where = "the API"): DescribedError {
  if (isWorkflowParamsError(err)) {
    return { message: `${err.message}`, exitCode: EXIT_USAGE };
  }
  if (err instanceof UsageError || err instanceof ConfigFileError || err instanceof ConfigurationError) {
    return { message: err.message, exitCode: EXIT_USAGE };
  }
  if (isTrackagoatError(err)) {
    if (err instanceof AuthenticationError)
      return {
        message: `401 ${err.code ?? "unauthorized"}: ${where} refused the API key. Check --api-key, TRACKAGOAT_API_KEY or the config file (or run with --demo).`,
        exitCode: EXIT_API,
      };
    if (err instanceof PermissionError) {
      if (err.code === "insufficient_scope") {
        const scope = err.required ?? "write";
        const reason = `this key lacks the "${scope}" scope${err.granted ? ` (it has: ${err.granted.join(", ")})` : ""}`;
        return {
          message: `403 insufficient_scope: ${reason}. Use a key with the ${scope} scope; until then this key is read-only.`,
          exitCode: EXIT_API,
          readOnlyReason: reason,
        };
      }
      return { message: `403 ${err.code ?? "forbidden"}: ${bare(err)}`, exitCode: EXIT_API };
    }
    if (err instanceof RateLimitError) {
      const wait = err.retryAfter;
      return {
        message: `429 rate limited: ${bare(err)}. ${wait !== undefined ? `Wait ${Math.ceil(wait)} s, then retry (r).` : "Wait a minute, then retry (r)."}`,
        exitCode: EXIT_API,
        ...(wait === undefined ? {} : { retryAfter: wait }),
      };
    }
    if (err instanceof GoneError)
      return {
        message: `410 gone: ${bare(err)}${err.replacement ? ` (use ${err.replacement})` : ""}. This route was retired: update goatkit.`,
        exitCode: EXIT_API,
      };
    if (err instanceof NotFoundError)
      return {
        message: `404 not found: ${bare(err)}. Check the id (it may belong to another organisation).`,
        exitCode: EXIT_API,
      };
    if (err instanceof TimeoutError)
      return {
        message: `timeout: ${where} did not answer in time. Check the network or --base-url, then retry (r).`,
        exitCode: EXIT_API,
      };
    if (err instanceof ConnectionError)
      return {
        message: `offline: cannot reach ${where} (${bare(err)}). Check the network or --base-url, then retry (r).`,
        exitCode: EXIT_API,
      };
    return {
      message: `${err.status ?? "error"}${err.code ? ` ${err.code}` : ""}: ${bare(err)}`,
      exitCode: EXIT_API,
    };
  }
  const message = err instanceof Error ? err.message : String(err);
  return { message, exitCode: EXIT_API };
}
