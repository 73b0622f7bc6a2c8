// Notes in the app, driven key by key on a real sandbox over HTTP: edit in $EDITOR (a script standing in
// for the user's editor), the conflict question when someone else changed the note meanwhile (overwrite,
// cancel), the inline prompt without $EDITOR, "save this report" to a campaign's notes and a project
// report to a file, and a read-only key: the 403 marks it read-only and the write keys disappear.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient, type TrackagoatClient } from "@goatkit/core";
import { SANDBOX_KEYS } from "@goatkit/sandbox";
import { render } from "ink-testing-library";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { App } from "../app.js";
import { resolveSettings } from "../config/settings.js";
import { openSession, type Session } from "../session/session.js";
import { demoSession, KEYS, press, waitForFrame } from "../test-helpers/ink.js";
import { type NoteTarget, readNote, writeNote } from "./note-store.js";

let session: Session;
let other: TrackagoatClient;
const dir = mkdtempSync(join(tmpdir(), "goatkit-notes-ui-"));
/** A stand-in for the user's editor: replaces the file's text with its first argument. */
const editorScript = join(dir, "editor.mjs");
writeFileSync(
  editorScript,
  'import { writeFileSync } from "node:fs";\nwriteFileSync(process.argv[3], process.argv[2] + "\\n");\n',
);
const editor = (text: string) => `"${process.execPath}" "${editorScript}" "${text}"`;

beforeAll(async () => {
  session = await demoSession(42, "tiny");
  other = createClient({ apiKey: SANDBOX_KEYS.readWrite, baseUrl: session.baseUrl, rateLimit: false });
});
afterAll(() => session.close());

/** Opens the first project's first campaign; returns its notes target (read from the API, not the screen). */
async function openCampaign(s: Session, props: { editor?: string | null } = {}) {
  const ui = render(<App session={s} size={{ columns: 120, rows: 40 }} reportsDir={dir} {...props} />);
  await waitForFrame(ui.lastFrame, /Projects \(\d+\)/);
  await press(ui.stdin, KEYS.enter);
  await waitForFrame(ui.lastFrame, "Needs attention first");
  await press(ui.stdin, KEYS.tab);
  await waitForFrame(ui.lastFrame, /campaigns · 0 marked/);
  await press(ui.stdin, KEYS.enter);
  await waitForFrame(ui.lastFrame, "Views gained per day");
  await waitForFrame(ui.lastFrame, /Notes/);
  const project = (await other.projects.list()).data[0]!;
  const campaigns = (await other.campaigns.list({ project_id: project.id })).data;
  const name = /campaign ([^›]+?) +last/.exec(ui.lastFrame() ?? "")?.[1]?.trim();
  const c = campaigns.find((x) => x.name === name) ?? campaigns[0]!;
  const target: NoteTarget = { kind: "campaign", id: c.id, projectId: project.id, name: c.name };
  return { ...ui, target };
}

describe("notes in the app", () => {
  it("edits a campaign's notes in $EDITOR and shows the saved text", async () => {
    const ui = await openCampaign(session, { editor: editor("Edited in the editor") });
    await press(ui.stdin, "e");
    await waitForFrame(ui.lastFrame, /Saved the notes of campaign/);
    await waitForFrame(ui.lastFrame, "Edited in the editor");
    expect(await readNote(other, ui.target)).toBe("Edited in the editor");
    ui.unmount();
  });

  it("asks before overwriting a note someone changed since it was shown; esc cancels, o overwrites", async () => {
    const ui = await openCampaign(session, { editor: editor("Mine") });
    await writeNote(other, ui.target, "A colleague's change");
    await press(ui.stdin, "e");
    const question = await waitForFrame(ui.lastFrame, "changed since they were shown");
    expect(question).toContain("Now: A colleague's change");
    await press(ui.stdin, KEYS.esc);
    const after = await waitForFrame(ui.lastFrame, /Not saved: the notes changed meanwhile/);
    expect(after).toMatch(/Your text: \/.*campaign-notes\.md/);
    expect(await readNote(other, ui.target)).toBe("A colleague's change");
    await waitForFrame(ui.lastFrame, /\n A colleague's change/); // the screen now shows the note as it is

    await writeNote(other, ui.target, "Changed again");
    await press(ui.stdin, "e");
    await waitForFrame(ui.lastFrame, "Now: Changed again");
    expect(await readNote(other, ui.target)).toBe("Changed again"); // nothing written before the answer
    await press(ui.stdin, "o");
    await waitForFrame(ui.lastFrame, /Saved the notes of campaign/);
    expect(await readNote(other, ui.target)).toBe("Mine");
    ui.unmount();
  });

  it("edits inline when there is no $EDITOR", async () => {
    const ui = await openCampaign(session, { editor: null });
    await press(ui.stdin, "e");
    await waitForFrame(ui.lastFrame, "enter saves · esc cancels");
    await press(ui.stdin, " and q typed inline");
    await press(ui.stdin, KEYS.enter);
    await waitForFrame(ui.lastFrame, /Saved the notes of campaign/);
    expect(await readNote(other, ui.target)).toMatch(/ and q typed inline$/);
    ui.unmount();
  });

  it("saves the campaign report to the campaign's notes, and program health to a file", async () => {
    const ui = await openCampaign(session);
    await press(ui.stdin, "w");
    await waitForFrame(ui.lastFrame, /Saved the report to the notes of campaign/);
    expect(await readNote(other, ui.target)).toContain("<!-- goatkit:campaign_performance -->");
    await press(ui.stdin, KEYS.esc);
    await waitForFrame(ui.lastFrame, "Needs attention first");
    await press(ui.stdin, "w");
    const saved = await waitForFrame(ui.lastFrame, /Saved the program health report to /);
    const files = readdirSync(dir).filter((f) => /^goatkit-program-health-.*\.md$/.test(f));
    expect(files, saved).toHaveLength(1);
    expect(saved).toContain(join(dir, files[0]!).slice(0, 40));
    expect(readFileSync(join(dir, files[0]!), "utf8")).toMatch(/^# /);
    ui.unmount();
  });

  it("marks a read-only key after the 403, and then offers no write keys", async () => {
    const readOnly = await openSession(
      resolveSettings({ apiKey: SANDBOX_KEYS.readOnly, baseUrl: session.baseUrl }, {}, {}),
    );
    const ui = await openCampaign(readOnly, { editor: null });
    expect(ui.lastFrame()).toContain("e edit notes");
    await press(ui.stdin, "e");
    await waitForFrame(ui.lastFrame, "enter saves · esc cancels");
    await press(ui.stdin, "x", KEYS.enter);
    const frame = await waitForFrame(ui.lastFrame, /Read-only key: this key lacks the "write" scope/);
    expect(frame).toMatch(/403 insufficient_scope/);
    expect(frame).not.toContain("e edit notes");
    expect(frame).not.toContain("w save to notes");
    await press(ui.stdin, "?");
    const help = await waitForFrame(ui.lastFrame, "Keys (? or esc closes)");
    expect(help).not.toContain("edit the notes");
    await press(ui.stdin, KEYS.esc, "e");
    expect(ui.lastFrame()).not.toContain("enter saves · esc cancels"); // e does nothing now
    ui.unmount();
    await readOnly.close();
  });
});
