#!/usr/bin/env node
// The Inspector check: a client nobody here wrote (@modelcontextprotocol/inspector-cli 1.0.3, in CLI mode)
// lists the tools and calls two of them against the built `goatkit-mcp --demo`, over stdio and over
// Streamable HTTP. Exits non-zero on any failure; the last line is "N passed, N failed".
// Needs a build first (`pnpm --filter @goatkit/mcp build`).
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));
const bin = fileURLToPath(new URL("../bin/goatkit-mcp.js", import.meta.url));
const inspector = fileURLToPath(new URL("../node_modules/.bin/mcp-inspector-cli", import.meta.url));
const NOW = "2026-03-15T12:00:00Z";
const TOKEN = "inspector-check-token-0123456789";
const demo = ["--demo", "--now", NOW];

if (!existsSync(fileURLToPath(new URL("../dist/cli.js", import.meta.url)))) {
  console.error("inspector-check: build first (pnpm --filter @goatkit/mcp build)");
  process.exit(2);
}

let passed = 0;
let failed = 0;
function check(name, ok, detail = "") {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? "ok  " : "FAIL"} ${name}${ok || !detail ? "" : `\n     ${detail.slice(0, 800)}`}`);
}

/** Runs the inspector; its JSON answer on stdout. cwd: inspector-cli 1.0.3 looks for its package.json at ../ of the cwd. */
function run(args) {
  return new Promise((resolve) => {
    const child = spawn(inspector, ["--cli", ...args], { cwd: here, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), 120_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      let json = null;
      try {
        json = JSON.parse(out);
      } catch {}
      resolve({ code, json, out, err });
    });
  });
}

async function suite(label, target) {
  const list = await run([...target, "--method", "tools/list"]);
  const names = list.json?.tools?.map((t) => t.name) ?? [];
  check(
    `${label}: tools/list has orient and the workflow tools`,
    list.code === 0 && names.includes("orient") && names.includes("underperforming_creators"),
    list.err || list.out,
  );

  const orient = await run([...target, "--method", "tools/call", "--tool-name", "orient"]);
  const projects = orient.json?.structuredContent?.projects ?? [];
  check(
    `${label}: tools/call orient lists projects`,
    orient.code === 0 && !orient.json?.isError && projects.length > 0,
    orient.err || orient.out,
  );

  const project = projects[0]?.id ?? "none";
  const under = await run([
    ...target,
    "--method",
    "tools/call",
    "--tool-name",
    "underperforming_creators",
    "--tool-arg",
    `project_id=${project}`,
  ]);
  const report = under.json?.structuredContent;
  check(
    `${label}: tools/call underperforming_creators returns its report`,
    under.code === 0 &&
      !under.json?.isError &&
      report?.kind === "underperforming_creators" &&
      typeof report.underperformer_count === "number",
    under.err || under.out,
  );
}

await suite("stdio", ["node", bin, ...demo]);

// HTTP: the server on a free port, its endpoint read from its stderr banner.
const server = spawn(process.execPath, [bin, "--http", "--port", "0", ...demo], {
  env: { ...process.env, GOATKIT_MCP_TOKEN: TOKEN },
  stdio: ["ignore", "pipe", "pipe"],
});
let banner = "";
const url = await new Promise((resolve) => {
  const timer = setTimeout(() => resolve(null), 60_000);
  server.stderr.on("data", (d) => {
    banner += d;
    const m = /MCP endpoint: (\S+)/.exec(banner);
    if (m) {
      clearTimeout(timer);
      resolve(m[1]);
    }
  });
  server.on("exit", () => resolve(null));
});
check("http: goatkit-mcp --http starts and prints its endpoint", url !== null, banner);
check("http: a token from GOATKIT_MCP_TOKEN is never printed", !banner.includes(TOKEN), banner);
if (url) await suite("http", [url, "--transport", "http", "--header", `Authorization: Bearer ${TOKEN}`]);
server.kill("SIGTERM");

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
