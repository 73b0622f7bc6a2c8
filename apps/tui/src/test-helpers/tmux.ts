/**
 * Driving `goatkit` in a real terminal: tmux on a private socket, keys sent one at a time, the pane
 * polled until the expected text shows (with a timeout; no fixed long sleeps).
 * @module
 */
import { execFileSync, spawnSync } from "node:child_process";

export const hasTmux = spawnSync("tmux", ["-V"]).status === 0;

const TERMINAL_ENV = {
  PATH: process.env.PATH ?? "/usr/bin:/bin",
  HOME: process.env.HOME ?? "/tmp",
  TERM: "xterm-256color",
  LANG: "C.UTF-8",
  NO_COLOR: "1",
};

export class Tmux {
  readonly socket = `goatkit-e2e-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;

  constructor(
    command: string,
    readonly cwd: string,
    size = { x: 120, y: 40 },
  ) {
    this.run(
      "new-session",
      "-d",
      "-x",
      String(size.x),
      "-y",
      String(size.y),
      "-c",
      cwd,
      `${command}; echo "goatkit exited with code $?"; sleep 30`,
    );
  }

  run(...args: string[]): string {
    // A clean environment, as a user's shell would have: not the test runner's (NODE_ENV, VITEST, NODE_OPTIONS…).
    return execFileSync("tmux", ["-L", this.socket, ...args], { encoding: "utf8", env: TERMINAL_ENV });
  }

  capture(): string {
    return this.run("capture-pane", "-p");
  }

  /** A named key (Enter, Escape, Tab) or literal text, one key at a time. */
  async key(k: string): Promise<void> {
    if (["Enter", "Escape", "Tab", "BTab", "Up", "Down"].includes(k)) this.run("send-keys", k);
    else this.run("send-keys", "-l", k);
    await new Promise((r) => setTimeout(r, 150));
  }

  async waitFor(test: RegExp | string, timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.capture();
      if (typeof test === "string" ? screen.includes(test) : test.test(screen)) return screen;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${test}; screen:\n${screen}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  kill(): void {
    try {
      this.run("kill-server");
    } catch {
      // already gone
    }
  }
}
