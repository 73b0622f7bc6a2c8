/**
 * The CLI's flags: definitions, value checks and the mapping to `startSandbox` options. Kept apart from
 * `cli.ts` (which has side effects: it runs on import) so the checks can be tested in process.
 */
import { parseHost } from "@goatkit/server";
import { Command, InvalidArgumentError, Option } from "commander";
import type { ApiGeneration } from "./api/context.js";
import { integerValue, isoInstantValue } from "./cli-options.js";
import { API_GENERATIONS, operatorTokenProblem, SCALES, type Scale } from "./options.js";
import type { StartOptions } from "./server.js";

const integer = integerValue;

const rate = (value: string) => {
  const n = Number(value);
  if (value.trim() === "" || !(n >= 0 && n <= 1))
    throw new InvalidArgumentError("expected a number from 0 to 1.");
  return n;
};

const onOff = (value: string) => {
  if (value === "on" || value === "true") return true;
  if (value === "off" || value === "false") return false;
  throw new InvalidArgumentError("expected on or off.");
};

const rateLimitValue = (value: string): number | false => {
  if (value === "off" || value === "0") return false;
  return integer("--rate-limit", 1, 1_000_000)(value);
};

const isoInstant = isoInstantValue;

const operatorToken = (value: string) => {
  const problem = operatorTokenProblem(value);
  if (problem) throw new InvalidArgumentError(`the operator token ${problem}.`);
  return value;
};

const allowedHost = (value: string, previous: string[] = []) => {
  if (!parseHost(value)) throw new InvalidArgumentError("expected a host name, or name:port.");
  return [...previous, value];
};

/** The environment variable that can carry the operator token (keeps it out of `ps` output). */
export const OPERATOR_TOKEN_ENV = "GOATKIT_SANDBOX_OPERATOR_TOKEN";

export interface CliFlags {
  port: number;
  host: string;
  seed: number;
  scale: Scale;
  now?: string;
  apiGeneration: ApiGeneration;
  rateLimit: number | false;
  dailyQuota: boolean;
  latency: number;
  errorRate: number;
  dropRate: number;
  malformedRate: number;
  outage: boolean;
  drift: boolean;
  printKeys: boolean;
  truth?: string;
  operatorToken?: string;
  allowedHost?: string[];
  maxBodyBytes?: number;
}

/** The command, with `exitOverride()`: usage errors throw a CommanderError instead of exiting. */
export function cliProgram(): Command {
  return (
    new Command()
      .name("goatkit-sandbox")
      .description("A stateful, seeded emulator of the trackagoat v1 API (loopback only by default).")
      .addOption(
        new Option("--port <n>", "port to listen on (0 = a free one)")
          .default(4010)
          .argParser(integer("--port", 0, 65535)),
      )
      .addOption(new Option("--host <host>", "interface to bind; keep it on loopback").default("127.0.0.1"))
      .addOption(
        new Option("--seed <n>", "world seed").default(42).argParser(integer("--seed", 0, 2 ** 31 - 1)),
      )
      .addOption(new Option("--scale <scale>", "world size").choices(SCALES).default("small"))
      .addOption(new Option("--now <iso>", "as-of instant of the world (default: now)").argParser(isoInstant))
      .addOption(
        new Option("--api-generation <gen>", "which API generation to serve")
          .choices(API_GENERATIONS)
          .default("legacy"),
      )
      .addOption(
        new Option("--rate-limit <n|off>", "requests per minute per key")
          .default(60)
          .argParser(rateLimitValue),
      )
      .addOption(
        new Option("--daily-quota <on|off>", "enforce each org's daily request quota")
          .default(true, "on")
          .argParser(onOff),
      )
      .addOption(
        new Option("--latency <ms>", "added latency per API request")
          .default(0)
          .argParser(integer("--latency", 0, 600_000)),
      )
      .addOption(
        new Option("--error-rate <p>", "share of API requests answered 500 (0..1)")
          .default(0)
          .argParser(rate),
      )
      .addOption(
        new Option("--drop-rate <p>", "share of API connections dropped (0..1)").default(0).argParser(rate),
      )
      .addOption(
        new Option("--malformed-rate <p>", "share of API responses with cut-off JSON (0..1)")
          .default(0)
          .argParser(rate),
      )
      .addOption(new Option("--outage", "answer every API request with 503").default(false))
      .addOption(
        new Option(
          "--drift",
          "serve responses that drift from the contract (manifest: /__sandbox/drift)",
        ).default(false),
      )
      .addOption(new Option("--print-keys", "print the demo API keys and exit").default(false))
      .addOption(new Option("--truth <file>", "write the planted truth (JSON) to a file"))
      .addOption(
        new Option(
          "--operator-token <token>",
          "secret the /__sandbox endpoints require (needed with a non-loopback --host)",
        )
          .env(OPERATOR_TOKEN_ENV)
          .argParser(operatorToken),
      )
      .addOption(
        new Option("--allowed-host <host>", "another host name to answer to (repeatable)").argParser(
          allowedHost,
        ),
      )
      .addOption(
        new Option("--max-body-bytes <n>", "largest request body (default 1048576)").argParser(
          integer("--max-body-bytes", 1, 1024 ** 3),
        ),
      )
      // One line per usage error, hint included, so scripts and people see the same short message.
      .configureOutput({
        outputError: (str, write) => write(`${str.trimEnd()} (see goatkit-sandbox --help)\n`),
      })
      .exitOverride()
  );
}

/** What `startSandbox` gets from the flags. */
export function toStartOptions(flags: CliFlags): StartOptions {
  return {
    port: flags.port,
    host: flags.host,
    seed: flags.seed,
    scale: flags.scale,
    now: flags.now,
    apiGeneration: flags.apiGeneration,
    rateLimit: flags.rateLimit === false ? false : { perMinute: flags.rateLimit },
    dailyQuota: flags.dailyQuota,
    faults: {
      latencyMs: flags.latency,
      errorRate: flags.errorRate,
      dropRate: flags.dropRate,
      malformedRate: flags.malformedRate,
      outage: flags.outage,
    },
    operatorToken: flags.operatorToken,
    allowedHosts: flags.allowedHost,
    limits: flags.maxBodyBytes === undefined ? undefined : { maxBodyBytes: flags.maxBodyBytes },
    drift: flags.drift,
  };
}
