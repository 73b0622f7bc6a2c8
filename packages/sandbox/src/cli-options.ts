/**
 * The flags every goatkit command that can run on an embedded sandbox shares (design notes: `--demo` with
 * `--seed`, `--scale`, `--now` passed through), and the value checks behind them, so `goatkit`,
 * `goatkit-proxy`, `goatkit-mcp` and `goatkit-sandbox` accept and refuse the same values with the same
 * words. Loads commander only (not the emulator), so a CLI can parse its flags before deciding to start one.
 * Published as `@goatkit/sandbox/cli-options`.
 * @module
 */
import { InvalidArgumentError, Option } from "commander";

/** World sizes (the same list as the package root's `SCALES`; a test keeps them equal). */
export const DEMO_SCALES = ["tiny", "small", "medium", "large"] as const;

/** A commander value parser for a whole number within `[min, max]`; refuses with a message naming `flag`. */
export const integerValue =
  (flag: string, min: number, max: number) =>
  (value: string): number => {
    if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max)
      throw new InvalidArgumentError(`${flag} must be a whole number from ${min} to ${max}.`);
    return Number(value);
  };

/** A commander value parser for an ISO date-time, normalised to `toISOString()` form. */
export function isoInstantValue(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(Date.parse(value)))
    throw new InvalidArgumentError("expected an ISO date-time such as 2026-03-31T12:00:00Z.");
  return new Date(value).toISOString();
}

/**
 * A commander value parser for an API base URL (`--base-url`): http(s) only, trailing slashes dropped.
 * Where it points (trackagoat, a goatkit-proxy, a sandbox) is checked by the first request.
 */
export function baseUrlValue(value: string): string {
  try {
    const url = new URL(value);
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error();
  } catch {
    throw new InvalidArgumentError(
      "expected an http(s) URL ending in /api/v1, e.g. https://www.trackagoat.com/api/v1 or a goatkit-proxy's.",
    );
  }
  return value.replace(/\/+$/, "");
}

export interface DemoOptionsConfig {
  /** How the help text says when the world flags apply. Default "with --demo". */
  when?: string;
  /** Extra words for `--now` (e.g. that it is also every report's as_of). */
  nowNote?: string;
  /** `--demo`'s help text. */
  demo?: string;
}

/**
 * `--demo`, `--seed <n>`, `--scale <scale>`, `--now <iso>` as commander options, without defaults (a
 * command tells "not given" from the default, and the sandbox applies seed 42, scale small, now).
 *
 * @example
 * for (const option of demoOptions()) program.addOption(option);
 */
export function demoOptions(config: DemoOptionsConfig = {}): Option[] {
  const when = config.when ?? "with --demo";
  return [
    new Option("--demo", config.demo ?? "run on an embedded, seeded sandbox (no account needed)"),
    new Option("--seed <n>", `sandbox world seed (${when}; default 42)`).argParser(
      integerValue("--seed", 0, 2 ** 31 - 1),
    ),
    new Option("--scale <scale>", `sandbox world size (${when}; default small)`).choices(DEMO_SCALES),
    new Option(
      "--now <iso>",
      `sandbox as-of instant${config.nowNote ? `, ${config.nowNote}` : ""} (${when}; default now)`,
    ).argParser(isoInstantValue),
  ];
}
