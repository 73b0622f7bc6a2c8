/**
 * The connection flags every goatkit command shares (design notes: `--demo --seed --scale --now
 * --base-url --api-key`), added to each command so `--help` lists them where they apply.
 * @module
 */

import { baseUrlValue, demoOptions } from "@goatkit/sandbox/cli-options";
import { type Command, Option } from "commander";
import type { ConnectionFlags } from "../config/settings.js";

const baseUrl = baseUrlValue;

export function addConnectionOptions(cmd: Command): Command {
  const [demo, seed, scale, now] = demoOptions({
    when: "demo",
    nowNote: "also every report's as_of",
    demo: "use an embedded, seeded sandbox (the default when no API key is set)",
  }) as [Option, Option, Option, Option];
  return cmd
    .addOption(demo)
    .addOption(seed)
    .addOption(scale)
    .addOption(now)
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
