/**
 * Colours, or none: with `NO_COLOR` set (no-color.org) every helper returns undefined and the UI relies on
 * text, bold and inverse alone.
 * @module
 */
export type Tone = "accent" | "warn" | "bad" | "good" | "dim" | "banner";

const TONES: Record<Tone, string> = {
  accent: "cyan",
  warn: "yellow",
  bad: "red",
  good: "green",
  dim: "gray",
  banner: "magenta",
};

export function colorEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return !("NO_COLOR" in env) || env.NO_COLOR === "";
}

/** The Ink `color` for a tone, or undefined without colour. */
export function tone(t: Tone): string | undefined {
  return colorEnabled() ? TONES[t] : undefined;
}
