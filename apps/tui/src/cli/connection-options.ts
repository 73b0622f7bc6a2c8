/**
 * The connection flags every goatkit command shares (design notes: `--demo --seed --scale --now
 * --base-url --api-key`), added to each command so `--help` lists them where they apply.
 * @module
 */

import { type Command, InvalidArgumentError, Option } from "commander";
import { SCALES } from "../config/scales.js";
import type { ConnectionFlags } from "../config/settings.js";

const seed = (value: string) => {
  if (!/^\d+$/.test(value) || Number(value) > 2 ** 31 - 1)
    throw new InvalidArgumentError("--seed must be a whole number from 0 to 2147483647.");
  return Number(value);
};

const isoInstant = (value: string) => {
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(Date.parse(value)))
    throw new InvalidArgumentError("expected an ISO date-time such as 2026-03-31T12:00:00Z.");
  return value;
};

const baseUrl = (value: string) => {
  try {
    const u = new URL(value);
    if (u.protocol !== "http:" && u.protocol !== "https:") throw new Error();
  } catch {
    throw new InvalidArgumentError(
      "expected an http(s) URL ending in /api/v1, e.g. http://127.0.0.1:4020/api/v1.",
    );
  }
  return value.replace(/\/+$/, "");
};

export function addConnectionOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option("--demo", "use an embedded, seeded sandbox (the default when no API key is set)"))
    .addOption(new Option("--seed <n>", "sandbox world seed (demo; default 42)").argParser(seed))
    .addOption(new Option("--scale <scale>", "sandbox world size (demo; default small)").choices(SCALES))
    .addOption(
      new Option(
        "--now <iso>",
        "sandbox as-of instant, also every report's as_of (demo; default now)",
      ).argParser(isoInstant),
    )
    .addOption(
      new Option("--base-url <url>", "API or goatkit-proxy base URL (env TRACKAGOAT_BASE_URL)").argParser(
        baseUrl,
      ),
    )
    .addOption(
      new Option(
        "--api-key <key>",
        "trackagoat API key (env TRACKAGOAT_API_KEY; prefer the env or the config file)",
      ),
    );
}

export function connectionFlags(opts: Record<string, unknown>): ConnectionFlags {
  const flags: ConnectionFlags = {};
  if (opts.demo) flags.demo = true;
  if (opts.seed !== undefined) flags.seed = opts.seed as number;
  if (opts.scale !== undefined) flags.scale = opts.scale as ConnectionFlags["scale"];
  if (opts.now !== undefined) flags.now = opts.now as string;
  if (opts.baseUrl !== undefined) flags.baseUrl = opts.baseUrl as string;
  if (opts.apiKey !== undefined) flags.apiKey = opts.apiKey as string;
  return flags;
}

export const CONFIG_HELP = `
Connection (precedence: flag > environment > config file):
  --api-key / TRACKAGOAT_API_KEY / "api_key"     no key anywhere: the embedded demo sandbox
  --base-url / TRACKAGOAT_BASE_URL / "base_url"  the API (default) or a goatkit-proxy
  Config file: $GOATKIT_CONFIG, else $XDG_CONFIG_HOME/goatkit/config.json (~/.config/goatkit/config.json),
  a JSON object with any of api_key, base_url, seed, scale, range.

Exit codes: 0 ok, 2 usage (bad flag or params), 3 API or network error; messages on stderr.`;
