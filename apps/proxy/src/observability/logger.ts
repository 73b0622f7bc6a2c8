/**
 * The proxy's JSON logger (pino): one JSON object per line on stdout, with secrets kept out twice over —
 * `redact` by field name (authorization headers, API keys, tokens, `x-api-key`, cookies) and a hook
 * that scrubs key- and token-shaped text from every message and field (`secrets.ts`).
 * @module
 */
import { type DestinationStream, type Logger, pino } from "pino";
import { REDACTED, scrubValue } from "./secrets.js";

export const LOG_LEVELS = ["silent", "error", "warn", "info", "debug"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const SECRET_FIELDS = [
  "authorization",
  "Authorization",
  "apiKey",
  "api_key",
  "key",
  "token",
  "accessToken",
  "access_token",
  "password",
  "secret",
  "cookie",
  '["x-api-key"]',
  '["set-cookie"]',
];

/** pino `redact` paths: each secret field at the top, one level down, and in request/response headers. */
export const REDACT_PATHS: readonly string[] = SECRET_FIELDS.flatMap((field) => {
  const at = (parent: string) => (field.startsWith("[") ? `${parent}${field}` : `${parent}.${field}`);
  return [
    field.startsWith("[") ? field.slice(2, -2) : field,
    at("*"),
    at("headers"),
    at("req.headers"),
    at("res.headers"),
  ];
});

export interface LoggerOptions {
  /** Default `info`. */
  level?: LogLevel | undefined;
  /** Where lines go. Default stdout, written synchronously (nothing is lost when the process exits). */
  destination?: DestinationStream | undefined;
}

/**
 * @example
 * const logger = createLogger({ level: "info" });
 * await startProxy({ upstream, logger });
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      name: "goatkit-proxy",
      level: options.level ?? "info",
      redact: { paths: [...REDACT_PATHS], censor: REDACTED },
      hooks: {
        // Every argument of every call, the message included, before pino formats it.
        logMethod(args, method) {
          method.apply(this, args.map((arg) => scrubValue(arg)) as Parameters<typeof method>);
        },
      },
    },
    options.destination ?? pino.destination({ dest: 1, sync: true }),
  );
}
