/**
 * The built `goatkit-mcp` as a client runs it: over real stdio with the SDK's own client (stdout carries
 * nothing but the protocol), the exit codes of the conventions, and the Inspector check (a client we did
 * not write) over stdio and HTTP. Builds dist first, as a user's `pnpm build` would.
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { beforeAll, describe, expect, it } from "vitest";

const pkg = fileURLToPath(new URL("..", import.meta.url));
const bin = fileURLToPath(new URL("../bin/goatkit-mcp.js", import.meta.url));
const NOW = "2026-03-15T12:00:00Z";
const KEY = `tga_${"0".repeat(64)}`;

/** Whether dist is older than some source file (then the test builds it, as `pnpm build` would). */
function distIsStale(): boolean {
  const dist = join(pkg, "dist", "cli.js");
  if (!existsSync(dist)) return true;
  const built = statSync(dist).mtimeMs;
  const newest = (dir: string): number =>
    Math.max(
      0,
      ...readdirSync(dir, { withFileTypes: true }).map((e) =>
        e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs,
      ),
    );
  return newest(join(pkg, "src")) > built;
}

beforeAll(() => {
  if (!distIsStale()) return;
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  execFileSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], { cwd: pkg });
}, 120_000);

function runCli(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], {
      env: { PATH: process.env.PATH ?? "", ...env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("stdio, against the built server", () => {
  it("serves the SDK client with nothing but protocol on stdout", async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [bin, "--demo", "--now", NOW],
      stderr: "pipe",
    });
    let stderr = "";
    transport.stderr?.on("data", (d) => {
      stderr += d;
    });
    const client = new Client({ name: "stdio-test", version: "0" });
    const errors: unknown[] = [];
    client.onerror = (e) => errors.push(e);
    await client.connect(transport);
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toContain("campaign_content");
    const o = await client.callTool({ name: "orient", arguments: {} });
    expect(o.isError).toBeFalsy();
    const project = (o.structuredContent as { projects: { id: string }[] }).projects[0]!;
    const r = await client.callTool({ name: "program_health", arguments: { project_id: project.id } });
    expect(r.isError).toBeFalsy();
    expect((r.structuredContent as { kind: string }).kind).toBe("program_health");
    await client.close();
    expect(errors).toEqual([]); // a stray line on stdout would be a parse error here
    expect(stderr).toMatch(/goatkit-mcp .* on stdio · API: embedded sandbox/);
  }, 60_000);
});

describe("exit codes", () => {
  it("2 for a usage error, with one line on stderr and nothing on stdout", async () => {
    const r = await runCli(["--seed", "5"]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe("goatkit-mcp: --seed only applies with --demo.");
    expect(r.stdout).toBe("");
    expect((await runCli(["--toolsets", "nope"])).code).toBe(2);
    expect((await runCli(["--demo", "--api-key", KEY])).code).toBe(2);
    const idle = await runCli(["--demo", "--session-idle", "5"]);
    expect([idle.code, idle.stderr.trim()]).toEqual([
      2,
      "goatkit-mcp: --session-idle only applies with --http.",
    ]);
    const notMinutes = await runCli(["--demo", "--http", "--session-idle", "soon"]);
    expect(notMinutes.code).toBe(2);
    expect(notMinutes.stderr).toMatch(/--session-idle must be a whole number from 0 to 10080/);
  });

  it("2 for a missing or malformed key, without echoing it", async () => {
    const missing = await runCli([]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/No trackagoat API key.*--demo/);
    const secret = `tga_${"A".repeat(64)}`;
    const bad = await runCli([], { TRACKAGOAT_API_KEY: secret });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/malformed/);
    expect(bad.stderr).not.toContain("A".repeat(20));
  });

  it("3 when the API cannot be reached at start", async () => {
    const r = await runCli(["--base-url", "http://127.0.0.1:9/api/v1"], { TRACKAGOAT_API_KEY: KEY });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/cannot use the API at http:\/\/127\.0\.0\.1:9\/api\/v1.*try --demo/);
    expect(r.stderr).not.toContain(KEY);
  }, 60_000);

  it("0 for --help, printed on stderr (stdout belongs to the protocol)", async () => {
    const r = await runCli(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/--allow-writes/);
  });
});

describe("the MCP Inspector CLI (a client we did not write)", () => {
  it("lists tools and calls two of them over stdio and over HTTP", () => {
    const out = execFileSync(
      process.execPath,
      [fileURLToPath(new URL("../scripts/inspector-check.mjs", import.meta.url))],
      {
        cwd: pkg,
        encoding: "utf8",
      },
    );
    expect(out).toMatch(/^8 passed, 0 failed$/m);
  }, 180_000);
});
