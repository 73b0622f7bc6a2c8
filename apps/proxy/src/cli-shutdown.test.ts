/**
 * The CLI's graceful shutdown on the real process: SIGTERM while a slow upstream request is in flight
 * lets it complete with 200 and exits 0; `/readyz` answers 503 during the drain delay; a second signal
 * exits 130 at once. Upstream is a small HTTP server that holds `/projects` until the test releases it.
 */
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { cliRunner } from "@goatkit/core-test-helpers/spawn-cli.js";
import { afterEach, describe, expect, it } from "vitest";

const pkg = fileURLToPath(new URL("..", import.meta.url));
const run = cliRunner(pkg);
const KEY = `tga_${"5e".repeat(32)}`;

interface HeldUpstream {
  url: string;
  /** Resolves when a `/projects` request has reached upstream (and is being held). */
  arrived: Promise<void>;
  release(): void;
  server: Server;
}

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

async function heldUpstream(): Promise<HeldUpstream> {
  let arrive!: () => void;
  const arrived = new Promise<void>((resolve) => {
    arrive = resolve;
  });
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const server = createServer(async (req, res) => {
    if (req.url?.startsWith("/api/v1/projects")) {
      arrive();
      await released;
    }
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ data: [{ id: "p1" }], error: null, meta: null }));
  });
  servers.push(server);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/api/v1`, arrived, release, server };
}

const args = (upstream: string, ...more: string[]) => [
  "--upstream",
  upstream,
  "--cache",
  "memory:",
  "--port",
  "0",
  "--upstream-rate-limit",
  "off",
  ...more,
];

describe("goatkit-proxy: graceful shutdown", () => {
  it("SIGTERM mid-request: readyz 503 while draining, the request completes 200, exit 0, logs without the key", async () => {
    const upstream = await heldUpstream();
    const cli = run(args(upstream.url, "--drain-delay", "3"));
    await cli.output(/"msg":"listening"/);
    const [, origin] = cli.stdout.match(/API:\s+(http:\/\/127\.0\.0\.1:\d+)\/api\/v1/)!;
    expect((await fetch(`${origin}/readyz`)).status).toBe(200);

    const slow = fetch(`${origin}/api/v1/projects`, { headers: { authorization: `Bearer ${KEY}` } });
    await upstream.arrived;
    cli.child.kill("SIGTERM");
    await cli.output(/"msg":"shutting down: draining/);
    // Still accepting during the drain delay, but telling load balancers to go elsewhere.
    const readyz = await fetch(`${origin}/readyz`);
    expect(readyz.status).toBe(503);
    expect(((await readyz.json()) as { data: { status: string } }).data.status).toBe("draining");

    await cli.output(/"msg":"no longer accepting connections"/);
    await expect(fetch(`${origin}/healthz`)).rejects.toThrow();
    upstream.release();
    const res = await slow;
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: [{ id: "p1" }], error: null, meta: null });
    expect(await cli.exited).toBe(0);

    const lines = cli.stdout
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const access = lines.find((l) => l.msg === "request" && l.path === "/api/v1/projects");
    expect(access).toMatchObject({ status: 200, kind: "pass_through", family: "lists" });
    expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining(["closed the cache store", "stopped"]));
    expect(lines.at(-1)).toMatchObject({ msg: "stopped", cut: 0 });
    expect(cli.stdout + cli.stderr).not.toContain(KEY.slice(4));
  });

  it("a second signal while draining exits 130 at once", async () => {
    const upstream = await heldUpstream();
    const cli = run(args(upstream.url, "--shutdown-timeout", "60"));
    await cli.output(/"msg":"listening"/);
    const [, origin] = cli.stdout.match(/API:\s+(http:\/\/127\.0\.0\.1:\d+)\/api\/v1/)!;
    const slow = fetch(`${origin}/api/v1/projects`, { headers: { authorization: `Bearer ${KEY}` } });
    slow.catch(() => {});
    await upstream.arrived;
    cli.child.kill("SIGTERM");
    await cli.output(/"msg":"no longer accepting connections"/);
    cli.child.kill("SIGINT");
    expect(await cli.exited).toBe(130);
    expect(cli.stdout).toMatch(/"msg":"second signal: exiting at once"/);
    await expect(slow).rejects.toThrow();
  });

  it("--log-level and --shutdown-timeout are checked like every flag", async () => {
    const bad = [
      ["--log-level", "loud"],
      ["--shutdown-timeout", "-1"],
      ["--drain-delay", "x"],
    ];
    const clis = bad.map((flags) => run(flags));
    for (const [i, cli] of clis.entries()) {
      expect(await cli.exited).toBe(2);
      expect(cli.stderr).toMatch(new RegExp(bad[i]![0]!));
      expect(cli.stderr.trimEnd().split("\n")).toHaveLength(1);
    }
  });
});
