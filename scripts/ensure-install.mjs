#!/usr/bin/env node
// Makes `npm start` / `npm test` work on a machine that has only Node 20 and npm: installs the
// workspace with the pinned pnpm (fetched through npx on first use) when node_modules is missing or
// older than the lockfile. Every later command finds pnpm in node_modules/.bin.
import { execSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";

const marker = "node_modules/.modules.yaml";
const lock = "pnpm-lock.yaml";
const fresh = existsSync(marker) && (!existsSync(lock) || statSync(marker).mtimeMs >= statSync(lock).mtimeMs);
if (!fresh) {
  console.error("goatkit: installing dependencies (first run takes a minute)…");
  const frozen = process.env.CI ? " --frozen-lockfile" : "";
  execSync(`npx --yes pnpm@10.34.0 install${frozen}`, { stdio: "inherit" });
}
