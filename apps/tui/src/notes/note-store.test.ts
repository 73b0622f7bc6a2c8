// The notes writes against a real sandbox over HTTP: edit, the conflict when someone else changed the note
// in between, saving a report to the notes of its entity and reading it back, a project report to a file,
// a read-only key's 403 turned into the read-only reason, and the session cache not serving a stale note.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type CampaignPerformanceReport,
  type CreatorTrendReport,
  createClient,
  getWorkflow,
  MemoryStore,
  type ProgramHealthReport,
  ResponseCache,
  renderMarkdown,
  type TrackagoatClient,
} from "@goatkit/core";
import { type RunningSandbox, startSandbox } from "@goatkit/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeError } from "../errors/describe-error.js";
import {
  mergeReportIntoNote,
  type NoteTarget,
  readNote,
  saveNote,
  saveReportToFile,
  saveReportToNote,
  writeNote,
} from "./note-store.js";

const NOW = "2026-03-31T12:00:00Z";
let sandbox: RunningSandbox;
let tg: TrackagoatClient;
/** Someone else on the same org, changing notes behind the UI's back. */
let other: TrackagoatClient;
let projectId: string;
let campaign: NoteTarget;
let creator: NoteTarget;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 7, scale: "tiny", now: NOW, rateLimit: false, logErrors: false });
  const client = (apiKey: string) =>
    createClient({ apiKey, baseUrl: sandbox.url, rateLimit: false, maxRetries: 0 });
  tg = client(sandbox.keys.readWrite);
  other = client(sandbox.keys.readWrite);
  const project = (await tg.projects.list()).data[0];
  projectId = project!.id;
  const c = (await tg.campaigns.list({ project_id: projectId })).data[0];
  campaign = { kind: "campaign", id: c!.id, projectId, name: c!.name };
  const cr = (await tg.creators.list({ project_id: projectId })).data[0];
  creator = { kind: "creator", id: cr!.id, projectId, handle: cr!.tiktok_handle };
});
afterAll(() => sandbox?.stop());

async function run<R>(name: string, params: Record<string, unknown>): Promise<R> {
  const workflow = getWorkflow(name as "program_health") as unknown as {
    run(client: unknown, params: unknown): Promise<R>;
  };
  return workflow.run(tg, { ...params, as_of: NOW });
}

describe("notes", () => {
  it("saves an edit over the note that was shown, for a campaign and a creator", async () => {
    for (const target of [campaign, creator]) {
      const shown = await readNote(tg, target);
      const next = `Edited ${target.kind} notes\n\n- second line`;
      await expect(saveNote(tg, target, { shown, next })).resolves.toEqual({ status: "saved" });
      expect(await readNote(other, target)).toBe(next);
      await expect(saveNote(tg, target, { shown: next, next: `${next}\n` })).resolves.toEqual({
        status: "unchanged",
      });
    }
  });

  it("writes nothing when the note changed since it was shown, until told to overwrite", async () => {
    const shown = await readNote(tg, campaign);
    await writeNote(other, campaign, "Changed by a colleague meanwhile");
    const out = await saveNote(tg, campaign, { shown, next: "My edit" });
    expect(out).toEqual({ status: "conflict", current: "Changed by a colleague meanwhile" });
    expect(await readNote(other, campaign)).toBe("Changed by a colleague meanwhile");
    await saveNote(tg, campaign, { shown, next: "My edit", overwrite: true });
    expect(await readNote(other, campaign)).toBe("My edit");
  });

  it("does not serve a stale note from the session cache after its own write", async () => {
    const cache = new ResponseCache({ store: new MemoryStore() });
    await writeNote(tg, creator, "before");
    expect(await readNote(tg, creator, { cache })).toBe("before");
    await writeNote(tg, creator, "after", { cache });
    expect(await readNote(tg, creator, { cache })).toBe("after");
  });

  it("saves a campaign report into the campaign's notes, keeping the user's own text, once", async () => {
    await writeNote(tg, campaign, "Our own strategy notes.");
    const report = await run<CampaignPerformanceReport>("campaign_performance", {
      campaign_id: campaign.id,
      project_id: projectId,
      range: "last_30_days",
    });
    await expect(saveReportToNote(tg, report)).resolves.toMatchObject({ kind: "campaign", id: campaign.id });
    await saveReportToNote(tg, report); // again: the block is replaced, not appended twice
    const note = (await readNote(other, campaign))!;
    expect(note.startsWith("Our own strategy notes.\n\n<!-- goatkit:campaign_performance -->")).toBe(true);
    expect(note).toContain(renderMarkdown(report).trim());
    expect(note.split("<!-- goatkit:campaign_performance -->")).toHaveLength(2);
  });

  it("saves a creator trend report into the creator's notes", async () => {
    const report = await run<CreatorTrendReport>("creator_trend", {
      creator_id: creator.id,
      project_id: projectId,
      range: "last_30_days",
    });
    await saveReportToNote(tg, report);
    expect(await readNote(other, creator)).toContain(renderMarkdown(report).trim());
  });

  it("saves a project-wide report as a new markdown file, never over an earlier one", async () => {
    const dir = mkdtempSync(join(tmpdir(), "goatkit-reports-"));
    const report = await run<ProgramHealthReport>("program_health", { project_id: projectId });
    await expect(saveReportToNote(tg, report)).rejects.toThrow(/whole project/);
    const first = await saveReportToFile(report, dir);
    const second = await saveReportToFile(report, dir);
    expect(first).toMatch(/goatkit-program-health-.*\.md$/);
    expect(second).toBe(first.replace(/\.md$/, "-2.md"));
    expect(readFileSync(first, "utf8")).toBe(`${renderMarkdown(report).trim()}\n`);
  });

  it("turns a read-only key's 403 into the reason the UI shows, and writes nothing", async () => {
    await writeNote(tg, campaign, "unchanged by the read-only key");
    const readOnly = createClient({ apiKey: sandbox.keys.readOnly, baseUrl: sandbox.url, rateLimit: false });
    const shown = await readNote(readOnly, campaign);
    const err = await saveNote(readOnly, campaign, { shown, next: "nope" }).catch((e: unknown) => e);
    const d = describeError(err);
    expect(d.readOnlyReason).toMatch(/lacks the "write" scope \(it has: read\)/);
    expect(d.message).toMatch(/^403 insufficient_scope/);
    expect(await readNote(tg, campaign)).toBe("unchanged by the read-only key");
  });
});

describe("mergeReportIntoNote", () => {
  it("appends a first report below the notes and replaces it later", () => {
    const once = mergeReportIntoNote("mine", "creator_trend", "# Report 1\n");
    expect(once).toBe("mine\n\n<!-- goatkit:creator_trend -->\n# Report 1\n<!-- /goatkit:creator_trend -->");
    const twice = mergeReportIntoNote(`${once}\n\nlater text`, "creator_trend", "# Report 2");
    expect(twice).toBe(
      "mine\n\n<!-- goatkit:creator_trend -->\n# Report 2\n<!-- /goatkit:creator_trend -->\n\nlater text",
    );
    expect(mergeReportIntoNote(null, "x", "r")).toBe("<!-- goatkit:x -->\nr\n<!-- /goatkit:x -->");
  });
});
