/**
 * Failures as tool results the model can act on (`isError: true`, one paragraph saying what to change),
 * never a protocol error, a crashed server or a stack trace. Bugs are logged to stderr and reported
 * without internals.
 * @module
 */
import {
  AuthenticationError,
  ConfigurationError,
  ConnectionError,
  GoneError,
  isTrackagoatError,
  isWorkflowParamsError,
  LimitReachedError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  ServerError,
  type WorkflowParamsError,
} from "@goatkit/core";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";

export function errorResult(text: string): CallToolResult {
  return { isError: true, content: [{ type: "text", text }] };
}

function paramsText(tool: string, err: WorkflowParamsError): string {
  const lines = err.issues.map((i) => `- ${i.path || "(params)"}: ${i.message}`);
  const notFound = err.issues.some((i) => i.code === "not_found");
  return (
    `Invalid arguments for ${tool}; change ${err.issues.length === 1 ? "this field" : "these fields"} and call again:\n` +
    lines.join("\n") +
    (notFound ? "\nFind valid ids with orient (projects) or the search_* tools." : "")
  );
}

/** The tool result for anything a tool threw. `log` receives unexpected errors (bugs) only. */
export function toolError(tool: string, err: unknown, log: (message: string) => void): CallToolResult {
  if (isWorkflowParamsError(err)) return errorResult(paramsText(tool, err));
  if (!isTrackagoatError(err)) {
    log(`goatkit-mcp: ${tool} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return errorResult(
      `${tool} failed inside goatkit-mcp (${err instanceof Error ? err.name : "error"}). This is a bug, not ` +
        "something to fix in the arguments; the server's log on stderr has the details.",
    );
  }
  if (err instanceof RateLimitError) {
    const wait = err.retryAfter === undefined ? "about a minute" : `${Math.ceil(err.retryAfter)} s`;
    const daily = err.code === "daily_quota_exceeded" || /daily/i.test(err.message);
    return errorResult(
      `Rate-limited by trackagoat (429${err.code ? ` ${err.code}` : ""}): ${err.message}. Wait ${wait} and call ` +
        `again${daily ? "; this is the organisation's daily quota, so it resets tomorrow (UTC)" : ""}. Results ` +
        "already fetched are cached, so a retry costs only what is still missing.",
    );
  }
  if (err instanceof PermissionError) {
    const need = err.required ? `the "${err.required}" scope` : "a scope it does not have";
    const has = err.granted?.length ? ` (it has: ${err.granted.join(", ")})` : "";
    return errorResult(
      `The API key lacks ${need}${has}: ${err.message}. Nothing was changed. Ask the key's owner for a key ` +
        `with ${err.required ?? "that"} scope (trackagoat: Org settings → API keys) and restart goatkit-mcp with it, ` +
        "or leave this out.",
    );
  }
  if (err instanceof NotFoundError) {
    return errorResult(
      `Not found (404): ${err.message}. The id is wrong or belongs to another organisation. Find valid ids ` +
        "with orient (projects) or the search_* tools.",
    );
  }
  if (err instanceof AuthenticationError) {
    return errorResult(
      `trackagoat refused the API key (401): ${err.message}. The key is unknown, revoked or expired: restart ` +
        "goatkit-mcp with a valid key (TRACKAGOAT_API_KEY).",
    );
  }
  if (err instanceof LimitReachedError) {
    return errorResult(
      `A plan limit stopped this (402 ${err.code ?? ""}): ${err.message}. ` +
        (err.code === "retention_exceeded"
          ? "Ask for a shorter or more recent date range."
          : "The organisation's plan does not allow more."),
    );
  }
  if (err instanceof GoneError) {
    return errorResult(`This API route was removed (410): ${err.message}.`);
  }
  if (err instanceof ConnectionError || err instanceof ServerError) {
    return errorResult(
      `trackagoat did not answer properly (${err.status ?? err.name}): ${err.message}. Try again in a minute; ` +
        "if it persists, the API or the configured base URL is down.",
    );
  }
  if (err instanceof ConfigurationError) return errorResult(`Configuration problem: ${err.message}`);
  return errorResult(`trackagoat answered ${err.status ?? "an error"}: ${err.message}`);
}
