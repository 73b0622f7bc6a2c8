/** `goatkit-sandbox --drift` as a user runs it: it says drift is on, where the manifest is, and drifts. */
import { fileURLToPath } from "node:url";
import { cliRunner } from "@goatkit/core-test-helpers/spawn-cli.js";
import { expect, it } from "vitest";

const run = cliRunner(fileURLToPath(new URL("../..", import.meta.url)));

it("--drift: prints the manifest's address, serves it, and drifts the answers", async () => {
  const cli = run(["--port", "0", "--scale", "tiny", "--now", "2026-03-31T12:00:00Z", "--drift"]);
  try {
    const [, url] = await cli.output(/API:\s+(http:\/\/127\.0\.0\.1:\d+\/api\/v1)/);
    const [, count, manifestUrl] = await cli.output(/Drift:\s+on, (\d+) changes .*manifest: (\S+)\)/);
    await cli.output(/Ctrl-C to stop/);
    const manifest = await (await fetch(manifestUrl!)).json();
    expect(manifest.enabled).toBe(true);
    expect(manifest.changes).toHaveLength(Number(count));
    const [, key] = cli.stdout.match(/read\+write\s+org A\s+(tga_[0-9a-f]{64})/)!;
    const res = await fetch(`${url}/creators`, { headers: { authorization: `Bearer ${key}` } });
    const creator = (await res.json()).data[0];
    expect(creator).toHaveProperty("nickname");
    expect(creator).not.toHaveProperty("display_name");
  } finally {
    cli.child.kill("SIGINT");
    await cli.exited;
  }
});
