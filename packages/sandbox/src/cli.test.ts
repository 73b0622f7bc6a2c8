/** The CLI as a user runs it: spawned with tsx, read what it prints, call the API with the printed key. */
import { mkdtempSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { cliRunner } from "@goatkit/core-test-helpers/spawn-cli.js";
import { describe, expect, it } from "vitest";

const pkg = fileURLToPath(new URL("..", import.meta.url));
const run = cliRunner(pkg);

describe("goatkit-sandbox CLI", () => {
  it("starts, prints URL, keys, a curl and how to stop; serves the printed key; Ctrl-C exits 0", async () => {
    const truthFile = join(mkdtempSync(join(tmpdir(), "goatkit-cli-")), "truth.json");
    const cli = run([
      "--port",
      "0",
      "--scale",
      "tiny",
      "--seed",
      "7",
      "--now",
      "2026-03-31T12:00:00Z",
      "--truth",
      truthFile,
    ]);
    const [, url] = await cli.output(/API:\s+(http:\/\/127\.0\.0\.1:\d+\/api\/v1)/);
    await cli.output(/Ctrl-C to stop/);
    const [, key] = cli.stdout.match(/read\+write\s+org A\s+(tga_[0-9a-f]{64})/)!;
    expect(cli.stdout).toMatch(/read only\s+org A\s+tga_[0-9a-f]{64}/);
    expect(cli.stdout).toContain(`curl -H "Authorization: Bearer ${key}" ${url}/projects`);
    const res = await fetch(`${url}/projects`, { headers: { authorization: `Bearer ${key}` } });
    expect(res.status).toBe(200);
    expect((await res.json()).data.length).toBeGreaterThan(0);
    expect(JSON.parse(readFileSync(truthFile, "utf8"))).toMatchObject({ seed: 7, scale: "tiny" });
    cli.child.kill("SIGINT");
    expect(await cli.exited).toBe(0);
  });

  // Every flag's checks are tested in process (cli-args.test.ts); here, that the process exits 2.
  it.concurrent.each([
    [["--port", "abc"], /--port/],
    [["--bogus"], /unknown option/],
  ])("bad flag %j → one clear line on stderr and exit code 2", async (args, message) => {
    const cli = run(args);
    expect(await cli.exited).toBe(2);
    expect(cli.stderr).toMatch(message);
    expect(cli.stderr.trimEnd().split("\n")).toHaveLength(1); // one line, no stack trace
  });

  it.concurrent("a non-loopback --host without an operator token is one clear line and exit code 2", async () => {
    const cli = run(["--host", "0.0.0.0", "--port", "0", "--scale", "tiny"]);
    expect(await cli.exited).toBe(2);
    expect(cli.stderr).toMatch(
      /^goatkit-sandbox: Binding to 0\.0\.0\.0 exposes the operator endpoints.*--operator-token/,
    );
    expect(cli.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(cli.stdout).toBe("");
  });

  it.concurrent("--print-keys prints the four demo keys and exits 0", async () => {
    const cli = run(["--print-keys"]);
    expect(await cli.exited).toBe(0);
    expect(cli.stdout.match(/tga_[0-9a-f]{64}/g)).toHaveLength(4);
  });

  it.concurrent("a port in use is a clear message and exit code 1", async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, "127.0.0.1", r));
    const port = (blocker.address() as { port: number }).port;
    try {
      const cli = run(["--port", String(port), "--scale", "tiny"]);
      expect(await cli.exited).toBe(1);
      expect(cli.stderr).toContain(`Port ${port} on 127.0.0.1 is already in use`);
    } finally {
      blocker.close();
    }
  });
});
