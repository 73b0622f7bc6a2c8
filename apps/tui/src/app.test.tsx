// The app on a real sandbox over HTTP, driven key by key: picker → health → panes → campaign → creator,
// help from the keymap, range switch, and a flagged underperformer from the planted truth with its reason.
import { generateWorld } from "@goatkit/sandbox";
import { render } from "ink-testing-library";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { App } from "./app.js";
import type { Session } from "./session/session.js";
import { demoSession, KEYS, NOW, press, SEED, waitForFrame } from "./test-helpers/ink.js";

let session: Session;
beforeAll(async () => {
  session = await demoSession();
});
afterAll(() => session.close());

const world = generateWorld({ seed: SEED, scale: "small", now: NOW });
const firstProject = world.projects.filter((p) => p.org_id === world.orgs[0]!.id)[0]!;

const REASON_WORDS: Record<string, string> = {
  low_views_per_post: "low views/post",
  falling_engagement: "falling engagement",
  posting_gaps: "posting gaps",
  not_posting: "not posting",
};

function mount() {
  return render(<App session={session} size={{ columns: 120, rows: 40 }} />);
}

describe("App", () => {
  it("opens on the project picker with the demo banner, and a project's home is its health", async () => {
    const { lastFrame, stdin, unmount } = mount();
    const picker = await waitForFrame(lastFrame, /Projects \(\d+\)/);
    expect(picker).toContain("DEMO DATA");
    expect(picker).toContain(firstProject.name);
    expect(picker).toContain("not loaded yet"); // freshness is not claimed before it is checked
    await press(stdin, KEYS.enter);
    await waitForFrame(lastFrame, "Needs attention first");
    await waitForFrame(lastFrame, /Freshness: \d+ of \d+ stale \(>12 h\)/);
    await press(stdin, KEYS.esc);
    await waitForFrame(lastFrame, /stale|fresh \(/); // the picker now shows the project's freshness
    unmount();
  });

  it("marks a planted underperformer in the creators pane with its reason", async () => {
    const { lastFrame, stdin, unmount } = mount();
    await waitForFrame(lastFrame, /Projects \(\d+\)/);
    await press(stdin, KEYS.enter);
    await waitForFrame(lastFrame, "Needs attention first");
    await press(stdin, KEYS.tab, KEYS.tab);
    const pane = await waitForFrame(lastFrame, /creators flagged/);
    const planted = world.truth.underperformers.filter((u) => u.project_id === firstProject.id);
    const shown = planted.filter((u) => {
      const handle = world.creators.find((c) => c.id === u.creator_id)!.tiktok_handle;
      const line = pane.split("\n").find((l) => l.includes(`@${handle} `));
      return (
        line !== undefined && u.reasons.some((r) => line.includes(`⚑`) && line.includes(REASON_WORDS[r]!))
      );
    });
    expect(shown.length, pane).toBeGreaterThan(0);
    // Every row has core's figures, flagged or not (include_all_creators): engagement as a % or n/a.
    const unflagged = pane
      .split("\n")
      .filter((l) => /@\S+ /.test(l) && !l.includes("⚑") && !l.includes(": "));
    expect(unflagged.length, pane).toBeGreaterThan(0);
    for (const line of unflagged) expect(line, pane).toMatch(/\d%|n\/a/);
    unmount();
  });

  it("opens a campaign with totals, pacing and target, then one of its creators", async () => {
    const { lastFrame, stdin, unmount } = mount();
    await waitForFrame(lastFrame, /Projects \(\d+\)/);
    await press(stdin, KEYS.enter);
    await waitForFrame(lastFrame, "Needs attention first");
    await press(stdin, KEYS.tab);
    await waitForFrame(lastFrame, /campaigns · 0 marked/);
    await press(stdin, KEYS.enter);
    const campaign = await waitForFrame(lastFrame, "Views gained per day");
    expect(campaign).toMatch(/Totals \(lifetime/);
    expect(campaign).toMatch(/Target: /);
    await press(stdin, KEYS.enter);
    const creator = await waitForFrame(lastFrame, "Followers gained per day");
    expect(creator).toContain("Posts per week");
    await press(stdin, KEYS.esc);
    await waitForFrame(lastFrame, "Views gained per day");
    unmount();
  });

  it("compares two marked campaigns", async () => {
    const { lastFrame, stdin, unmount } = mount();
    await waitForFrame(lastFrame, /Projects \(\d+\)/);
    await press(stdin, KEYS.enter);
    await waitForFrame(lastFrame, "Needs attention first");
    await press(stdin, KEYS.tab);
    await waitForFrame(lastFrame, /campaigns · 0 marked/);
    await waitForFrame(lastFrame, "c compare"); // the pane's keys are registered (the footer lists them)
    await press(stdin, "c");
    await waitForFrame(lastFrame, "Mark two or more campaigns");
    await press(stdin, " ", "j", " ");
    await waitForFrame(lastFrame, "2 marked");
    await press(stdin, "c");
    const compare = await waitForFrame(lastFrame, /ranked by views gained per active day/);
    expect(compare).toMatch(/compare 2 campaigns/);
    unmount();
  });

  it("shows the help from the keymap and switches the date range", async () => {
    const { lastFrame, stdin, unmount } = mount();
    await waitForFrame(lastFrame, /Projects \(\d+\)/);
    await press(stdin, "?");
    const help = await waitForFrame(lastFrame, "Keys (? or esc closes)");
    expect(help).toContain("esc cancels the load");
    await press(stdin, KEYS.esc);
    await waitForFrame(lastFrame, /Projects \(\d+\)/);
    await press(stdin, "d");
    await waitForFrame(lastFrame, "Date range");
    await press(stdin, KEYS.up, KEYS.up, KEYS.enter); // last_30_days → last_7_days
    await waitForFrame(lastFrame, "Range: last 7 days");
    await press(stdin, KEYS.enter);
    await waitForFrame(lastFrame, "Needs attention first");
    await waitForFrame(lastFrame, /range 2026-03-25 → 2026-03-31/);
    unmount();
  });
});
