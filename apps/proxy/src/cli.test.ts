/**
 * The CLI as a user runs it: spawned, read what it prints, call the printed URL with the printed key.
 * Usage errors are one line and exit code 2; an unreachable upstream or store is exit code 3.
 */
import { fileURLToPath } from "node:url";
import { cliRunner } from "@goatkit/core-test-helpers/spawn-cli.js";
import { describe, expect, it } from "vitest";

const pkg = fileURLToPath(new URL("..", import.meta.url));
const run = cliRunner(pkg);

describe("goatkit-proxy CLI", () => {
  it("--demo: prints the URL, the demo key and a curl; the curl goes miss then hit; Ctrl-C exits 0", async () => {
    const cli = run(["--demo", "--port", "0", "--scale", "tiny", "--now", "2026-03-31T12:00:00Z"]);
    await cli.output(/Ctrl-C to stop/);
    const [, url] = cli.stdout.match(/API:\s+(http:\/\/127\.0\.0\.1:\d+\/api\/v1)/)!;
    const [, key] = cli.stdout.match(/Demo key:\s+(tga_[0-9a-f]{64})/)!;
    expect(cli.stdout).toContain(`curl -i -H "Authorization: Bearer ${key}" ${url}/projects`);
    const get = () => fetch(`${url}/projects`, { headers: { authorization: `Bearer ${key}` } });
    const first = await get();
    expect(first.status).toBe(200);
    expect(first.headers.get("cache-status")).toBe("goatkit; fwd=miss; stored");
    const second = await get();
    expect(second.headers.get("cache-status")).toMatch(/^goatkit; hit/);
    expect(await second.text()).toBe(await first.text());
    cli.child.kill("SIGINT");
    expect(await cli.exited).toBe(0);
  });

  it("--help lists every flag and exits 0", async () => {
    const cli = run(["--help"]);
    expect(await cli.exited).toBe(0);
    for (const flag of [
      "--upstream",
      "--port",
      "--host",
      "--cache",
      "--demo",
      "--seed",
      "--scale",
      "--now",
      "--upstream-rate-limit",
    ]) {
      expect(cli.stdout).toContain(flag);
    }
  });

  it.each([
    [["--port", "abc"], /--port/],
    [["--bogus"], /unknown option/],
    [["--cache", "mysql://x"], /memory:, sqlite:<path> or redis:/],
    [["--demo", "--upstream", "http://127.0.0.1:1/api/v1"], /--demo runs its own upstream/],
    [["--scale", "tiny"], /--scale only applies with --demo/],
  ])("bad usage %j → one clear line on stderr and exit code 2", async (args, message) => {
    const cli = run(args);
    expect(await cli.exited).toBe(2);
    expect(cli.stderr).toMatch(message);
    expect(cli.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(cli.stdout).toBe("");
  });

  it("an unreachable upstream at start → one line and exit code 3", async () => {
    const cli = run(["--upstream", "http://127.0.0.1:9/api/v1", "--cache", "memory:", "--port", "0"]);
    expect(await cli.exited).toBe(3);
    expect(cli.stderr).toMatch(/^goatkit-proxy: upstream http:\/\/127\.0\.0\.1:9\/api\/v1 is unreachable/);
    expect(cli.stderr.trimEnd().split("\n")).toHaveLength(1);
  });

  it("a cache store that cannot be opened → one line and exit code 3", async () => {
    const cli = run(["--cache", "sqlite:/nonexistent-goatkit-dir/cache.sqlite", "--port", "0"]);
    expect(await cli.exited).toBe(3);
    expect(cli.stderr).toMatch(
      /^goatkit-proxy: cannot open the cache store sqlite:\/nonexistent-goatkit-dir/,
    );
    expect(cli.stderr.trimEnd().split("\n")).toHaveLength(1);
  });
});
