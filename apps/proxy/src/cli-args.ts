/**
 * The CLI's flags: definitions, value checks and the mapping to `startProxy` options. Kept apart from
 * `cli.ts` (which runs on import) so the checks can be tested in process. Every bad value is a
 * commander usage error: one line on stderr, exit code 2.
 * @module
 */
import { DEFAULT_BASE_URL, ROUTE_FAMILIES, type RouteFamily } from "@goatkit/core";
import type { Scale } from "@goatkit/sandbox";
import { demoOptions, integerValue } from "@goatkit/sandbox/cli-options";
import { parseHost } from "@goatkit/server";
import { Command, InvalidArgumentError, Option } from "commander";
import { type CacheSpec, parseCacheSpec } from "./cache/open-store.js";
import { normaliseUpstream, type ProxyOptions } from "./config.js";
import { LOG_LEVELS, type LogLevel } from "./observability/logger.js";

/** `--cache` when none is given: a file beside where the proxy runs, so a restart keeps the cache. */
export const DEFAULT_CACHE = "sqlite:./goatkit-proxy-cache.sqlite";
/** `--cache` under `--demo`: the embedded sandbox's data lives only as long as the process. */
export const DEMO_CACHE = "memory:";
export const DEFAULT_PORT = 4020;

type PerFamily = Partial<Record<RouteFamily, number>>;

export interface CliFlags {
  upstream?: string;
  port: number;
  host: string;
  cache?: CacheSpec;
  demo: boolean;
  seed?: number;
  scale?: Scale;
  now?: string;
  upstreamRateLimit: number | false;
  maxWait: number;
  upstreamTimeout: number;
  fresh?: PerFamily;
  stale?: PerFamily;
  revalidate?: PerFamily;
  allowedHost?: string[];
  logLevel: LogLevel;
  /** `--no-access-log` makes it false. */
  accessLog: boolean;
  shutdownTimeout: number;
  drainDelay: number;
  /** Team gateway mode: the tokens file (the team key comes from TRACKAGOAT_API_KEY, never a flag). */
  tokens?: string;
}

const integer = integerValue;

const seconds = (name: string) => (value: string) => {
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n < 0)
    throw new InvalidArgumentError(`${name} must be a number of seconds ≥ 0.`);
  return n;
};

const upstreamUrl = (value: string) => {
  try {
    return normaliseUpstream(value);
  } catch (err) {
    throw new InvalidArgumentError(`${(err as Error).message}.`);
  }
};

const cacheSpec = (value: string) => {
  try {
    return parseCacheSpec(value);
  } catch (err) {
    throw new InvalidArgumentError(`${(err as Error).message}.`);
  }
};

const rateLimit = (value: string): number | false => {
  if (value === "off" || value === "0") return false;
  return integer("--upstream-rate-limit", 1, 1_000_000)(value);
};

/** `family=seconds`, repeatable: `--fresh lists=60 --fresh stats=300`. */
const perFamily =
  (flag: string) =>
  (value: string, previous: PerFamily = {}) => {
    const match = /^([a-z]+)=(.+)$/.exec(value);
    if (!match || !(ROUTE_FAMILIES as readonly string[]).includes(match[1]!)) {
      throw new InvalidArgumentError(
        `${flag} takes family=seconds with a family among ${ROUTE_FAMILIES.join(", ")}.`,
      );
    }
    return { ...previous, [match[1]!]: seconds(flag)(match[2]!) };
  };

const allowedHost = (value: string, previous: string[] = []) => {
  if (!parseHost(value)) throw new InvalidArgumentError("expected a host name, or name:port.");
  return [...previous, value];
};

/** The command, with `exitOverride()`: usage errors throw a CommanderError instead of exiting. */
export function cliProgram(): Command {
  const [demo, seed, scale, now] = demoOptions({
    demo: "run in front of an embedded, seeded sandbox (no account needed)",
  }) as [Option, Option, Option, Option];
  return new Command()
    .name("goatkit-proxy")
    .description(
      "Caching gateway to the trackagoat API: pass-through with a per-key cache, coalescing and pacing.\n" +
        "Point any trackagoat client at http://<host>:<port>/api/v1 with its own key.",
    )
    .addOption(
      new Option(
        "--upstream <url>",
        `upstream API base URL ending in /api/v1 (default ${DEFAULT_BASE_URL})`,
      ).argParser(upstreamUrl),
    )
    .addOption(
      new Option("--port <n>", "port to listen on (0 = a free one)")
        .default(DEFAULT_PORT)
        .argParser(integer("--port", 0, 65535)),
    )
    .addOption(new Option("--host <host>", "interface to bind").default("127.0.0.1"))
    .addOption(
      new Option(
        "--cache <url>",
        `cache store: memory:, sqlite:<path>, or redis://[:password@]host:port/db[?prefix=name:] shared by several instances (default ${DEFAULT_CACHE}; ${DEMO_CACHE} with --demo)`,
      ).argParser(cacheSpec),
    )
    .addOption(demo.default(false))
    .addOption(seed)
    .addOption(scale)
    .addOption(now)
    .addOption(
      new Option(
        "--upstream-rate-limit <n|off>",
        "upstream requests per minute per key (off: no pacing of our own)",
      )
        .default(60)
        .argParser(rateLimit),
    )
    .addOption(
      new Option("--max-wait <seconds>", "longest pacing wait before answering stale or 429")
        .default(10)
        .argParser(seconds("--max-wait")),
    )
    .addOption(
      new Option("--upstream-timeout <seconds>", "whole upstream exchange, body included")
        .default(30)
        .argParser((v) => {
          const n = seconds("--upstream-timeout")(v);
          if (n === 0) throw new InvalidArgumentError("--upstream-timeout must be more than 0 seconds.");
          return n;
        }),
    )
    .addOption(
      new Option("--fresh <family=seconds>", "fresh lifetime of a route family (repeatable)").argParser(
        perFamily("--fresh"),
      ),
    )
    .addOption(
      new Option(
        "--stale <family=seconds>",
        "how long past freshness an entry may stand in for a failed refetch (repeatable)",
      ).argParser(perFamily("--stale")),
    )
    .addOption(
      new Option(
        "--revalidate <family=seconds>",
        "how long past freshness an entry is served while refreshed in the background (repeatable)",
      ).argParser(perFamily("--revalidate")),
    )
    .addOption(
      new Option(
        "--allowed-host <host>",
        "another Host name to answer to on loopback (repeatable)",
      ).argParser(allowedHost),
    )
    .addOption(
      new Option(
        "--tokens <file>",
        "team gateway: teammates send proxy tokens from this file; the team key comes from TRACKAGOAT_API_KEY",
      ),
    )
    .addOption(
      new Option("--log-level <level>", "JSON log lines on stdout from this level up")
        .choices(LOG_LEVELS)
        .default("info"),
    )
    .addOption(new Option("--no-access-log", "no log line per request (errors and lifecycle still log)"))
    .addOption(
      new Option(
        "--shutdown-timeout <seconds>",
        "on SIGTERM/SIGINT, how long requests in flight may take to finish before they are cut",
      )
        .default(10)
        .argParser(seconds("--shutdown-timeout")),
    )
    .addOption(
      new Option(
        "--drain-delay <seconds>",
        "on SIGTERM/SIGINT, keep serving this long with /readyz answering 503 before no longer accepting (behind a load balancer)",
      )
        .default(0)
        .argParser(seconds("--drain-delay")),
    )
    .addHelpText(
      "after",
      "\nRoute families: lists, stats, analytics, schema (defaults: core's freshness policy).\nExit codes: 0 ok, 2 usage, 3 upstream or cache store unreachable at start (1: port in use; 130: a second signal during shutdown).",
    )
    .addHelpText(
      "after",
      "Team gateway tokens: goatkit-proxy tokens add|revoke|list (see goatkit-proxy tokens --help).",
    )
    .configureOutput({
      outputError: (str, write) => write(`${str.trimEnd()} (see goatkit-proxy --help)\n`),
    })
    .exitOverride();
}

/** Flag combinations commander cannot check; the message for a usage error, or null. */
export function usageProblem(flags: CliFlags): string | null {
  if (flags.demo && flags.upstream !== undefined)
    return "--demo runs its own upstream: drop --upstream, or drop --demo.";
  if (!flags.demo) {
    const demoOnly = (["seed", "scale", "now"] as const).filter((f) => flags[f] !== undefined);
    if (demoOnly.length > 0) return `--${demoOnly[0]} only applies with --demo.`;
  }
  return null;
}

/** The cache store the flags ask for. */
export function cacheSpecOf(flags: CliFlags): CacheSpec {
  return flags.cache ?? parseCacheSpec(flags.demo ? DEMO_CACHE : DEFAULT_CACHE);
}

/** What `startProxy` gets from the flags (the store and, with --demo, the upstream come separately). */
export function toProxyOptions(
  flags: CliFlags,
): Omit<ProxyOptions, "store"> & { port: number; host: string } {
  const families = new Set([
    ...Object.keys(flags.fresh ?? {}),
    ...Object.keys(flags.stale ?? {}),
  ]) as Set<RouteFamily>;
  const policy: NonNullable<ProxyOptions["policy"]> = {};
  for (const family of families) {
    const fresh = flags.fresh?.[family];
    const stale = flags.stale?.[family];
    policy[family] = {
      ...(fresh === undefined ? {} : { ttlMs: fresh * 1000 }),
      ...(stale === undefined ? {} : { staleMs: stale * 1000 }),
    };
  }
  const revalidate: NonNullable<ProxyOptions["revalidate"]> = {};
  for (const [family, s] of Object.entries(flags.revalidate ?? {}))
    revalidate[family as RouteFamily] = s * 1000;
  return {
    port: flags.port,
    host: flags.host,
    upstream: flags.upstream ?? DEFAULT_BASE_URL,
    policy,
    revalidate,
    rateLimit:
      flags.upstreamRateLimit === false ? false : { requests: flags.upstreamRateLimit, windowMs: 60_000 },
    maxWaitMs: flags.maxWait * 1000,
    upstreamTimeoutMs: flags.upstreamTimeout * 1000,
    allowedHosts: flags.allowedHost,
  };
}
