// The `goatkit` CLI as a user runs it (spawned from source): workflows, report with generated flags and
// short names, formats, usage errors (exit 2, naming the field), API errors (exit 3), help (exit 0).
import { fileURLToPath } from "node:url";
import { workflows } from "@goatkit/core";
import { cliRunner } from "@goatkit/core-test-helpers/spawn-cli.js";
import { generateWorld } from "@goatkit/sandbox";
import { describe, expect, it } from "vitest";

const run = cliRunner(fileURLToPath(new URL("..", import.meta.url)));
const NOW = "2026-03-31T12:00:00Z";
const world = generateWorld({ seed: 7, scale: "tiny", now: NOW });
const planted = world.truth.underperformers[0]!;
const handleOf = (id: string) => world.creators.find((c) => c.id === id)!.tiktok_handle;

async function finish(args: string[], env: Record<string, string | undefined> = {}) {
  const saved = { ...process.env };
  Object.assign(process.env, { TRACKAGOAT_API_KEY: "", GOATKIT_CONFIG: "/nonexistent/goatkit.json", ...env });
  try {
    const cli = run(args);
    const code = await cli.exited;
    return { code, stdout: cli.stdout, stderr: cli.stderr };
  } finally {
    process.env = saved;
  }
}

describe("goatkit report", () => {
  it("prints CSV for `report underperformers` (a short name) with the planted underperformer in it", async () => {
    const r = await finish([
      "report",
      "underperformers",
      "--demo",
      "--seed",
      "7",
      "--scale",
      "tiny",
      "--now",
      NOW,
      "--project_id",
      planted.project_id,
      "--format",
      "csv",
    ]);
    expect(r.code, r.stderr).toBe(0);
    const [header, ...rows] = r.stdout.trim().split("\n");
    expect(header).toMatch(/creator_id/);
    expect(
      rows.some((row) => row.includes(planted.creator_id) || row.includes(handleOf(planted.creator_id))),
    ).toBe(true);
    expect(r.stderr).toMatch(/demo data/);
  });

  it("prints JSON that is the workflow's report", async () => {
    const r = await finish([
      "report",
      "program_health",
      "--demo",
      "--seed",
      "7",
      "--scale",
      "tiny",
      "--now",
      NOW,
      "--project_id",
      planted.project_id,
      "--format",
      "json",
    ]);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.kind).toBe("program_health");
    expect(report.meta.generated_at).toBe("2026-03-31T12:00:00.000Z");
  });

  it("names the field of a params error and exits 2", async () => {
    const missing = await finish(["report", "underperformers", "--demo", "--scale", "tiny"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/project_id: required/);
    const badNumber = await finish([
      "report",
      "underperformers",
      "--demo",
      "--scale",
      "tiny",
      "--project_id",
      "p",
      "--limit",
      "lots",
    ]);
    expect(badNumber.code).toBe(2);
    expect(badNumber.stderr).toMatch(/limit/);
    expect(badNumber.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it("refuses an ambiguous or unknown workflow name with exit 2", async () => {
    const ambiguous = await finish(["report", "campaign_c"]);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toMatch(/campaign_comparison or campaign_content/);
    const unknown = await finish(["report", "nope"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown workflow "nope"/);
  });

  it("exits 3 with what to do when the API cannot be reached, without echoing the key", async () => {
    const key = `tga_${"ab".repeat(32)}`;
    const r = await finish(
      ["report", "health", "--project_id", "p", "--base-url", "http://127.0.0.1:9/api/v1"],
      { TRACKAGOAT_API_KEY: key },
    );
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/offline|cannot reach/);
    expect(r.stderr).not.toContain(key);
  });

  it("shows generated flags and the catalogue name in help, exit 0", async () => {
    const r = await finish(["report", "underperformers", "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/underperforming_creators/);
    for (const flag of ["--project_id", "--range", "--low_views_factor", "--format"])
      expect(r.stdout).toContain(flag);
  });

  it("exits 2 on a bad flag value and on contradicting connection flags", async () => {
    expect((await finish(["report", "health", "--format", "xml"])).code).toBe(2);
    const both = await finish([
      "report",
      "health",
      "--demo",
      "--base-url",
      "http://localhost:1/api/v1",
      "--project_id",
      "p",
    ]);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/--demo runs its own API/);
  });
});

describe("goatkit workflows", () => {
  it("lists every catalogue workflow with its params", async () => {
    const r = await finish(["workflows"]);
    expect(r.code).toBe(0);
    for (const w of workflows) expect(r.stdout).toContain(w.name);
    expect(r.stdout).toContain("--campaign_ids");
    const json = JSON.parse((await finish(["workflows", "--json"])).stdout);
    expect(json.map((w: { name: string }) => w.name)).toEqual(workflows.map((w) => w.name));
  });
});
