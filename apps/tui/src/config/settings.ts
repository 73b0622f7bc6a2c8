/**
 * Where goatkit connects: resolved once from flags, environment and the config file, in that order of
 * precedence (flag > env > file). With no API key from any of them, goatkit runs on an embedded sandbox
 * ("demo"), so a first run needs no account.
 * @module
 */

import type { ConfigFile } from "./config-file.js";
import { SCALES, type Scale } from "./scales.js";

export interface ConnectionFlags {
  demo?: boolean;
  seed?: number;
  scale?: Scale;
  now?: string;
  baseUrl?: string;
  apiKey?: string;
}

export type KeySource = "--api-key" | "TRACKAGOAT_API_KEY" | "config file";

export type Settings =
  | {
      mode: "demo";
      seed: number;
      scale: Scale;
      /** The sandbox's as-of instant; also the analysis instant of every report, so a session is reproducible. */
      now: string | undefined;
      /** Why demo: asked for, or no key found. */
      reason: "flag" | "no_key";
    }
  | {
      mode: "api";
      apiKey: string;
      baseUrl: string | undefined;
      /** Where the key came from, for messages (never the key itself). */
      keySource: KeySource;
    };

export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** The settings, or a {@link UsageError} for flags that contradict each other. */
export function resolveSettings(flags: ConnectionFlags, env: NodeJS.ProcessEnv, file: ConfigFile): Settings {
  const fileScale = file.scale;
  if (fileScale !== undefined && !(SCALES as readonly string[]).includes(fileScale))
    throw new UsageError(`the config file's scale must be one of ${SCALES.join(", ")}.`);
  const keyFrom = (): { key: string; source: KeySource } | null => {
    if (flags.apiKey) return { key: flags.apiKey, source: "--api-key" };
    if (env.TRACKAGOAT_API_KEY) return { key: env.TRACKAGOAT_API_KEY, source: "TRACKAGOAT_API_KEY" };
    if (file.api_key) return { key: file.api_key, source: "config file" };
    return null;
  };
  if (flags.demo) {
    if (flags.apiKey)
      throw new UsageError("--demo uses the sandbox's own key: drop --api-key, or drop --demo.");
    if (flags.baseUrl) throw new UsageError("--demo runs its own API: drop --base-url, or drop --demo.");
  }
  const key = flags.demo ? null : keyFrom();
  if (key === null) {
    return {
      mode: "demo",
      seed: flags.seed ?? file.seed ?? 42,
      scale: flags.scale ?? (fileScale as Scale | undefined) ?? "small",
      now: flags.now,
      reason: flags.demo ? "flag" : "no_key",
    };
  }
  const demoOnly = (["seed", "scale", "now"] as const).filter((f) => flags[f] !== undefined);
  if (demoOnly.length > 0)
    throw new UsageError(`--${demoOnly[0]} only applies with --demo (an API key is set via ${key.source}).`);
  return {
    mode: "api",
    apiKey: key.key,
    baseUrl: flags.baseUrl ?? env.TRACKAGOAT_BASE_URL ?? file.base_url,
    keySource: key.source,
  };
}
