// End to end in a real terminal (tmux): the built `goatkit --demo --seed … --now …`, keys sent one at a
// time, asserting what a user sees. With GOATKIT_CAPTURES=1 the screens are saved to docs/captures/.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { generateWorld } from "@goatkit/sandbox";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { hasTmux, Tmux } from "./test-helpers/tmux.js";

const pkg = fileURLToPath(new URL("..", import.meta.url));
const NOW = "2026-03-31T12:00:00Z";
const SEED = 42;
const REASON_WORDS: Record<string, string> = {
  low_views_per_post: "low views/post",
  falling_engagement: "falling engagement",
  posting_gaps: "posting gaps",
  not_posting: "not posting",
};

function save(name: string, screen: string) {
  if (!process.env.GOATKIT_CAPTURES) return;
  const dir = fileURLToPath(new URL("../docs/captures/", import.meta.url));
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}${name}.txt`, `${screen.replace(/\s+$/gm, "").trimEnd()}\n`);
}

if (!hasTmux)
  console.warn("e2e: tmux is not installed; the terminal tests are skipped (apt-get install tmux).");

describe.skipIf(!hasTmux)("goatkit in a real terminal (tmux)", () => {
  let tmux: Tmux | undefined;
  beforeAll(() => {
    const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
    execFileSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], { cwd: pkg, stdio: "inherit" });
  }, 120_000);
  afterEach(() => tmux?.kill());

  it("navigates to a campaign, flags a planted underperformer with its reason, shows help, quits with q", async () => {
    const world = generateWorld({ seed: SEED, scale: "small", now: NOW });
    const project = world.projects.filter((p) => p.org_id === world.orgs[0]!.id)[0]!;
    const planted = world.truth.underperformers.filter((u) => u.project_id === project.id);
    tmux = new Tmux(`node dist/cli.js --demo --seed ${SEED} --now ${NOW}`, pkg);
    save("01-projects", await tmux.waitFor(/Projects \(\d+\)/, 30_000));
    await tmux.key("Enter");
    save("02-program-health", await tmux.waitFor(/Freshness: \d+ of \d+ stale/));
    await tmux.key("Tab");
    await tmux.key("Tab");
    const creators = await tmux.waitFor(/creators flagged/);
    save("03-creators", creators);
    const flagged = planted.filter((u) => {
      const handle = world.creators.find((c) => c.id === u.creator_id)!.tiktok_handle;
      const line = creators.split("\n").find((l) => l.includes(`@${handle} `));
      return line?.includes("⚑") && u.reasons.some((r) => line.includes(REASON_WORDS[r]!));
    });
    expect(flagged.length, creators).toBeGreaterThan(0);

    await tmux.key("?");
    const help = await tmux.waitFor("Keys (? or esc closes)");
    expect(help).toContain("esc cancels the load");
    save("06-help", help);
    await tmux.key("Escape");
    await tmux.waitFor(/creators flagged/);

    await tmux.key("[");
    await tmux.waitFor(/campaigns · 0 marked/);
    await tmux.key("Enter");
    const campaign = await tmux.waitFor(/Freshness: .*range/);
    expect(await tmux.waitFor("Views gained per day")).toMatch(/Target: /);
    save("04-campaign", campaign.includes("Views gained") ? campaign : tmux.capture());
    await tmux.key("Enter");
    save("05-creator", await tmux.waitFor(/Freshness: \d+ of 1 stale/));

    await tmux.key("q");
    await tmux.waitFor("goatkit exited with code 0");
  }, 90_000);

  it("runs the demo sandbox in a worker thread from the build (used when cores are to spare)", () => {
    // A plain node process, as a user runs the build (the test runner's module conditions would leak
    // into a worker started from here).
    const script = `
      const { startSandboxInWorker } = await import("./dist/session/sandbox-thread.js");
      const sb = await startSandboxInWorker({ seed: ${SEED}, scale: "tiny", now: "${NOW}" });
      const res = await fetch(sb.url + "/projects", { headers: { authorization: "Bearer " + sb.apiKey } });
      const body = await res.json();
      await sb.stop();
      const bad = await startSandboxInWorker({ seed: 1, scale: "nope" }).then(() => "started", (e) => e.message);
      console.log(JSON.stringify({ status: res.status, projects: body.data.length, bad }));`;
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], {
      cwd: pkg,
      encoding: "utf8",
      env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: process.env.HOME ?? "/tmp" },
      timeout: 60_000,
    });
    const r = JSON.parse(out.trim().split("\n").pop()!) as { status: number; projects: number; bad: string };
    expect(r.status).toBe(200);
    expect(r.projects).toBeGreaterThan(0);
    expect(r.bad).toMatch(/scale/);
  }, 60_000);

  it("cancels a long load on the large scale with esc and stays usable", async () => {
    tmux = new Tmux(`node dist/cli.js --demo --seed ${SEED} --scale large --now ${NOW}`, pkg);
    await tmux.waitFor(/Projects \(\d+\)/, 90_000);
    await tmux.key("Enter");
    const loading = await tmux.waitFor(/fetching (videos|creators)/, 30_000);
    save("07-loading-large", loading);
    await tmux.key("Escape");
    save("08-cancelled", await tmux.waitFor("Cancelled loading program health", 15_000));
    await tmux.key("Escape");
    await tmux.waitFor(/Projects \(\d+\)/);
    await tmux.key("q");
    await tmux.waitFor("goatkit exited with code 0", 15_000);
  }, 180_000);
});
