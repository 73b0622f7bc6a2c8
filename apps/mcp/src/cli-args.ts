/**
 * The CLI's flags: definitions, value checks, and the combinations commander cannot check. Kept apart
 * from cli.ts (which runs on import) so they can be tested in process. Every bad value is a usage error:
 * one line on stderr, exit code 2.
 * @module
 */
import type { Scale } from "@goatkit/sandbox";
import { baseUrlValue, demoOptions, integerValue } from "@goatkit/sandbox/cli-options";
import { parseHost } from "@goatkit/server";
import { Command, InvalidArgumentError, Option } from "commander";
import { TOOLSETS, type Toolset } from "./tools/tool.js";
import { VERSION } from "./version.js";

export const DEFAULT_PORT = 4030;

export interface CliFlags {
  http: boolean;
  port: number;
  host: string;
  allowedHost?: string[];
  /** Minutes without a request after which an HTTP session is closed; 0 = never. */
  sessionIdle?: number;
  demo: boolean;
  seed?: number;
  scale?: Scale;
  now?: string;
  baseUrl?: string;
  apiKey?: string;
  allowWrites: boolean;
  toolsets?: Toolset[];
}

const integer = integerValue;

const toolsets = (value: string): Toolset[] => {
  const names = value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (names.length === 1 && names[0] === "all") return [...TOOLSETS];
  const bad = names.filter((n) => !(TOOLSETS as readonly string[]).includes(n));
  if (names.length === 0 || bad.length > 0)
    throw new InvalidArgumentError(
      `expected a comma-separated list of ${TOOLSETS.join(", ")} (or all)${bad.length ? `; unknown: ${bad.join(", ")}` : ""}.`,
    );
  return names as Toolset[];
};

const allowedHost = (value: string, previous: string[] = []) => {
  if (!parseHost(value)) throw new InvalidArgumentError("expected a host name, or name:port.");
  return [...previous, value];
};

const baseUrl = baseUrlValue;

export function cliProgram(): Command {
  const [demo, seed, scale, now] = demoOptions({
    demo: "run on an embedded, seeded sandbox (no account needed)",
  }) as [Option, Option, Option, Option];
  return new Command()
    .name("goatkit-mcp")
    .version(VERSION)
    .description(
      "MCP server giving agents goatkit's trackagoat analyses as tools. stdio by default (for Claude Desktop,\n" +
        "Claude Code and other MCP clients); --http serves Streamable HTTP at /mcp with a bearer token.",
    )
    .addOption(new Option("--http", "serve Streamable HTTP instead of stdio").default(false))
    .addOption(
      new Option("--port <n>", "HTTP port (0 = a free one)")
        .default(DEFAULT_PORT)
        .argParser(integer("--port", 0, 65535)),
    )
    .addOption(new Option("--host <host>", "HTTP interface to bind").default("127.0.0.1"))
    .addOption(
      new Option("--allowed-host <host>", "another Host name to answer to over HTTP (repeatable)").argParser(
        allowedHost,
      ),
    )
    .addOption(
      new Option(
        "--session-idle <minutes>",
        "close an HTTP session after this many minutes without a request (default 30; 0 = never)",
      ).argParser(integer("--session-idle", 0, 7 * 24 * 60)),
    )
    .addOption(demo.default(false))
    .addOption(seed)
    .addOption(scale)
    .addOption(now)
    .addOption(
      new Option(
        "--base-url <url>",
        "API base URL: trackagoat or a goatkit-proxy (default TRACKAGOAT_BASE_URL, else trackagoat)",
      ).argParser(baseUrl),
    )
    .addOption(
      new Option(
        "--api-key <key>",
        "trackagoat API key (default TRACKAGOAT_API_KEY; prefer the variable: flags show in ps)",
      ),
    )
    .addOption(new Option("--allow-writes", "list the write tools (add_note, set_metadata)").default(false))
    .addOption(
      new Option(
        "--toolsets <list>",
        `tool groups to list: ${TOOLSETS.join(", ")} or all (default context,browse,analysis)`,
      ).argParser(toolsets),
    )
    .addHelpText(
      "after",
      "\nEnvironment: TRACKAGOAT_API_KEY, TRACKAGOAT_BASE_URL, GOATKIT_MCP_TOKEN (the HTTP bearer token; generated if unset).\n" +
        "Exit codes: 0 ok, 2 usage (bad flag, missing or malformed key), 3 the API cannot be reached or refuses the key at start.",
    )
    .configureOutput({
      // Help and usage errors go to stderr: in stdio mode stdout belongs to the protocol.
      writeOut: (str) => process.stderr.write(str),
      outputError: (str, write) => write(`${str.trimEnd()} (see goatkit-mcp --help)\n`),
    })
    .exitOverride();
}

/** Flag combinations commander cannot check; the message for a usage error, or null. */
export function usageProblem(flags: CliFlags): string | null {
  if (flags.demo && (flags.baseUrl !== undefined || flags.apiKey !== undefined))
    return "--demo runs its own API with its own key: drop --base-url/--api-key, or drop --demo.";
  if (!flags.demo) {
    const demoOnly = (["seed", "scale", "now"] as const).filter((f) => flags[f] !== undefined);
    if (demoOnly.length > 0) return `--${demoOnly[0]} only applies with --demo.`;
  }
  if (!flags.http) {
    if (flags.allowedHost) return "--allowed-host only applies with --http.";
    if (flags.sessionIdle !== undefined) return "--session-idle only applies with --http.";
  }
  if (flags.toolsets?.includes("write") && !flags.allowWrites)
    return "the write toolset needs --allow-writes as well.";
  return null;
}
