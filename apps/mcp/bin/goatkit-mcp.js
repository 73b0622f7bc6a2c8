#!/usr/bin/env node
// The bin. A committed shim rather than dist/cli.js itself, so that installing the workspace before the
// first build links the command cleanly, and running it unbuilt says what to do.
import { existsSync } from "node:fs";

const cli = new URL("../dist/cli.js", import.meta.url);
if (!existsSync(cli)) {
  console.error("goatkit-mcp is not built yet: run `pnpm --filter @goatkit/mcp... build`.");
  process.exit(1);
}
await import(cli.href);
