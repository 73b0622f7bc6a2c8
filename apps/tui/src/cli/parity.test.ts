// `goatkit parity` as a user runs it: a normal demo sandbox matches the contract (exit 0), a drifted one
// does not (exit 1, the differences in the markdown), JSON is core's parity report, --drift needs --demo.
import { fileURLToPath } from "node:url";
import { ParityReport } from "@goatkit/core";
import { cliRunner } from "@goatkit/core-test-helpers/spawn-cli.js";
import { describe, expect, it } from "vitest";

const run = cliRunner(fileURLToPath(new URL("../..", import.meta.url)));
const DEMO = ["--demo", "--seed", "7", "--scale", "tiny", "--now", "2026-03-31T12:00:00Z"];

async function finish(args: string[]) {
  const saved = { ...process.env };
  Object.assign(process.env, { TRACKAGOAT_API_KEY: "", GOATKIT_CONFIG: "/nonexistent/goatkit.json" });
  try {
    const cli = run(args);
    const code = await cli.exited;
    return { code, stdout: cli.stdout, stderr: cli.stderr };
  } finally {
    process.env = saved;
  }
}

describe("goatkit parity", () => {
  it("reports no difference on the normal demo sandbox, as JSON that is core's parity report", async () => {
    const r = await finish(["parity", ...DEMO, "--format", "json"]);
    const report = ParityReport.parse(JSON.parse(r.stdout));
    expect(report.differences).toEqual([]);
    expect(report.request_count).toBeLessThanOrEqual(25);
    expect(report.summary.matches_contract).toBe(true);
    expect(r.code, r.stderr).toBe(0);
  });

  it("exits 1 on a drifted demo sandbox and prints the differences as markdown", async () => {
    const r = await finish(["parity", ...DEMO, "--drift"]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/^## trackagoat API parity check/);
    expect(r.stdout).toMatch(/\*\*\d+ differences?\*\* from the contract/);
    expect(r.stderr).toMatch(/drifted/);
  });

  it("refuses --drift without --demo (usage, exit 2) before connecting", async () => {
    const r = await finish(["parity", "--drift", "--api-key", "tga_not_a_real_key_000000"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--drift applies to the demo sandbox only/);
    expect(r.stderr).not.toMatch(/tga_not_a_real_key/);
  });
});
