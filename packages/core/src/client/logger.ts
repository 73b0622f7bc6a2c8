/**
 * Opt-in debug logging. Off unless a `logger` is given, `debug: true` is set, or the environment has
 * `TRACKAGOAT_LOG=debug`. Callers pass data that is already redacted (see redact.ts).
 * @module
 */

/** Anything with a `debug` method: `console`, pino, winston, or a test spy. */
export interface Logger {
  debug(message: string, data?: Record<string, unknown>): void;
  /** Things a user should know about (an enum value the docs do not name); `debug` when absent. */
  warn?(message: string, data?: Record<string, unknown>): void;
}

/** Logs to stderr so that a CLI's stdout stays clean. */
export const stderrLogger: Logger = {
  debug(message, data) {
    if (data === undefined) console.error(`[goatkit] ${message}`);
    else console.error(`[goatkit] ${message}`, data);
  },
  warn(message, data) {
    if (data === undefined) console.error(`[goatkit] warning: ${message}`);
    else console.error(`[goatkit] warning: ${message}`, data);
  },
};

/** Picks the logger: an explicit one wins, then `debug: true`, then `TRACKAGOAT_LOG=debug`. */
export function resolveLogger(
  options: { logger?: Logger | undefined; debug?: boolean | undefined },
  env: Readonly<Record<string, string | undefined>>,
): Logger | undefined {
  if (options.logger) return options.logger;
  if (options.debug === true) return stderrLogger;
  if (options.debug === false) return undefined;
  return env.TRACKAGOAT_LOG?.toLowerCase() === "debug" ? stderrLogger : undefined;
}
