#!/usr/bin/env node
// Time to first screen and resident memory of `goatkit --demo`, in a real terminal (tmux), from the
// built dist: the median of a few runs per scale. Prints figures with units; asserts nothing.
// Usage: pnpm bench  (after `pnpm build`); RUNS=5 SCALES=small,large to change. BASELINE=<path to another
// build's cli.js> measures that build too, alternating runs with this one, so both see the same machine load.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";

const pkg = fileURLToPath(new URL("..", import.meta.url));
const RUNS = Number(process.env.RUNS ?? 3);
const SCALES = (process.env.SCALES ?? "small,large").split(",");
const BUILDS = [
  ["this build", "dist/cli.js"],
  ...(process.env.BASELINE ? [["baseline", process.env.BASELINE]] : []),
];
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
// The pane's output is piped to a file and polled there: polling with `tmux capture-pane` spawns a process
// every few ms, which on a small machine slows the very startup being measured.
async function once(scale, cli) {
  counter += 1;
  const socket = `goatkit-bench-${process.pid}-${counter}`;
  const dir = mkdtempSync(join(tmpdir(), "goatkit-bench-"));
  const out = join(dir, "pane.txt");
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
    `exec node ${cli} --demo --seed 42 --scale ${scale} --now 2026-03-31T12:00:00Z`,
  );
  tmux("pipe-pane", "-o", `cat >> '${out}'`);
  try {
    for (;;) {
      let text = "";
      try {
        text = readFileSync(out, "utf8");
      } catch {}
      if (text.includes("Projects (")) break;
      if (performance.now() - t0 > 120_000) throw new Error("no first screen in 120 s");
      await sleep(10);
    }
    const ms = performance.now() - t0;
    const pid = tmux("display-message", "-p", "#{pane_pid}").trim();
    // The process's resident memory, worker threads (the demo's sandbox) included.
    const rssKb = Number(execFileSync("ps", ["-o", "rss=", "-p", pid], { encoding: "utf8" }).trim());
    return { ms, rssMb: rssKb / 1024 };
  } finally {
    tmux("kill-server");
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(
  `goatkit TUI: time to first screen (project list shown) and resident memory, median of ${RUNS} runs, 120×40 tmux`,
);
for (const scale of SCALES) {
  const runs = new Map(BUILDS.map(([name]) => [name, []]));
  for (let i = 0; i < RUNS; i++)
    for (const [name, cli] of BUILDS) runs.get(name).push(await once(scale, cli));
  for (const [name, cli] of BUILDS) {
    const r = runs.get(name);
    console.log(
      `  --demo --scale ${scale.padEnd(6)} ${BUILDS.length > 1 ? `${name.padEnd(10)} ` : ""}first screen ${Math.round(median(r.map((x) => x.ms)))} ms` +
        ` (runs: ${r.map((x) => Math.round(x.ms)).join(", ")} ms) · RSS ${Math.round(median(r.map((x) => x.rssMb)))} MiB at first screen` +
        (scale === "small" ? " · target < 1500 ms" : "") +
        (BUILDS.length > 1 ? ` · ${cli}` : ""),
    );
  }
}
