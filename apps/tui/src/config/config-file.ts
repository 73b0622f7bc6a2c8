/**
 * The optional config file: `$GOATKIT_CONFIG`, else `$XDG_CONFIG_HOME/goatkit/config.json`, else
 * `~/.config/goatkit/config.json`. It holds what a user would otherwise export every time (key, base URL,
 * demo defaults). A missing file is fine; a broken one is a usage error that names the file.
 * @module
 */
import { readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

export interface ConfigFile {
  api_key?: string;
  base_url?: string;
  seed?: number;
  scale?: string;
  range?: string;
}

const FIELDS: Record<keyof ConfigFile, "string" | "number"> = {
  api_key: "string",
  base_url: "string",
  seed: "number",
  scale: "string",
  range: "string",
};

export class ConfigFileError extends Error {
  override readonly name = "ConfigFileError";
}

/** Where the config file is looked for, given the environment. */
export function configPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.GOATKIT_CONFIG) return env.GOATKIT_CONFIG;
  const base = env.XDG_CONFIG_HOME || join(homedir(), ".config");
  return join(base, "goatkit", "config.json");
}

/** The file's settings; `{}` when there is no file. Throws {@link ConfigFileError} for a file that cannot be used. */
export function readConfigFile(path: string): ConfigFile {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return {};
    throw new ConfigFileError(`cannot read the config file ${path}: ${(err as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ConfigFileError(`the config file ${path} is not valid JSON.`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
    throw new ConfigFileError(`the config file ${path} must hold a JSON object.`);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parsed)) {
    const type = FIELDS[key as keyof ConfigFile];
    if (!type)
      throw new ConfigFileError(
        `the config file ${path} has an unknown field "${key}" (known: ${Object.keys(FIELDS).join(", ")}).`,
      );
    if (typeof value !== type)
      throw new ConfigFileError(`the config file ${path}: "${key}" must be a ${type}.`);
    out[key] = value;
  }
  return out as ConfigFile;
}
