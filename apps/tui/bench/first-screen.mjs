#!/usr/bin/env node
// Time to first screen and resident memory of `goatkit --demo`, in a real terminal (tmux), from the
// built dist: the median of a few runs per scale. Prints figures with units; asserts nothing.
// Usage: pnpm bench  (after `pnpm build`); RUNS=5 SCALES=small,large to change.
import { execFileSync, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const pkg = fileURLToPath(new URL("..", import.meta.url));
const RUNS = Number(process.env.RUNS ?? 3);
const SCALES = (process.env.SCALES ?? "small,large").split(",");
if (spawnSync("tmux", ["-V"]).status !== 0) {
  console.log("bench: tmux is not installed; nothing measured.");
  process.exit(0);
}
const env = {
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  TERM: "xterm-256color",
  LANG: "C.UTF-8",
  NO_COLOR: "1",
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

let counter = 0;
function once(scale) {
  counter += 1;
  const socket = `goatkit-bench-${process.pid}-${counter}`;
  const tmux = (...args) => execFileSync("tmux", ["-L", socket, ...args], { encoding: "utf8", env });
  const t0 = performance.now();
  tmux(
    "new-session",
    "-d",
    "-x",
    "120",
    "-y",
    "40",
    "-c",
    pkg,
    `exec node dist/cli.js --demo --seed 42 --scale ${scale} --now 2026-03-31T12:00:00Z`,
  );
  try {
    for (;;) {
      if (tmux("capture-pane", "-p").includes("Projects (")) break;
      if (performance.now() - t0 > 120_000) throw new Error("no first screen in 120 s");
      execFileSync("sleep", ["0.02"]);
    }
    const ms = performance.now() - t0;
    const pid = tmux("display-message", "-p", "#{pane_pid}").trim();
    const rssKb = Number(execFileSync("ps", ["-o", "rss=", "-p", pid], { encoding: "utf8" }).trim());
    return { ms, rssMb: rssKb / 1024 };
  } finally {
    tmux("kill-server");
  }
}

console.log(
  `goatkit TUI: time to first screen (project list shown) and resident memory, median of ${RUNS} runs, 120×40 tmux`,
);
for (const scale of SCALES) {
  const runs = Array.from({ length: RUNS }, () => once(scale));
  console.log(
    `  --demo --scale ${scale.padEnd(6)} first screen ${Math.round(median(runs.map((r) => r.ms)))} ms` +
      ` (runs: ${runs.map((r) => Math.round(r.ms)).join(", ")} ms) · RSS ${Math.round(median(runs.map((r) => r.rssMb)))} MiB at first screen` +
      (scale === "small" ? " · target < 1500 ms" : ""),
  );
}
