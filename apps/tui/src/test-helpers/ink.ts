/**
 * Test helpers for the Ink screens: a demo session on a real sandbox over HTTP, and waiting for a frame
 * that shows some text (polling lastFrame, with a timeout; no fixed sleeps).
 * @module
 */
import { resolveSettings } from "../config/settings.js";
import { openSession, type Session } from "../session/session.js";

export const NOW = "2026-03-31T12:00:00Z";
export const SEED = 42;

export function demoSession(seed = SEED, scale: "tiny" | "small" = "small"): Promise<Session> {
  return openSession(resolveSettings({ demo: true, seed, scale, now: NOW }, {}, {}));
}

/** Resolves with the frame once `test` matches it; rejects with the last frame after `timeoutMs`. */
export async function waitForFrame(
  lastFrame: () => string | undefined,
  test: RegExp | string,
  timeoutMs = 10_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frame = lastFrame() ?? "";
    if (typeof test === "string" ? frame.includes(test) : test.test(frame)) return frame;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${test}; last frame:\n${frame}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const settle = () => new Promise((r) => setTimeout(r, 100));

/**
 * Writes keys one at a time, letting Ink handle each: a pause before (a screen that just mounted
 * subscribes to input in an effect) and after (a lone esc is only an escape once no more bytes follow).
 */
export async function press(stdin: { write(data: string): void }, ...keys: string[]): Promise<void> {
  for (const k of keys) {
    await settle();
    stdin.write(k);
  }
  await settle();
}

export const KEYS = {
  enter: "\r",
  esc: "\u001B",
  tab: "\t",
  shiftTab: "\u001B[Z",
  down: "\u001B[B",
  up: "\u001B[A",
};
