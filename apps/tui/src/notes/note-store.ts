/**
 * Every write the UI makes: an entity's notes (PATCH `readme` on campaigns and creators, read back as
 * `description`) and saving a report, through core's client. The API replaces the whole note, so a save
 * re-reads it first and reports a conflict when it changed since it was shown; the caller decides to
 * overwrite or cancel. Reports on a whole project (no writable notes in the API) go to a markdown file.
 * @module
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { idTag, type Report, type ResponseCache, renderMarkdown, type TrackagoatClient } from "@goatkit/core";

/** An entity with writable notes. */
export type NoteTarget =
  | { kind: "campaign"; id: string; projectId: string; name: string }
  | { kind: "creator"; id: string; projectId: string; handle: string };

export interface NoteOptions {
  signal?: AbortSignal;
  /** The session's cache: reads may come from it; a write invalidates what it changed. `false`: upstream. */
  cache?: ResponseCache | false;
}

/** What the user calls the entity: `campaign Spring launch`, `@handle`. */
export function targetLabel(t: NoteTarget): string {
  return t.kind === "campaign" ? `campaign ${t.name}` : `@${t.handle}`;
}

/** The entity's notes as the API has them now (null: none). There is no single-entity GET: lists are read. */
export async function readNote(
  client: TrackagoatClient,
  target: NoteTarget,
  options: NoteOptions = {},
): Promise<string | null> {
  const opts = { signal: options.signal, cache: options.cache };
  if (target.kind === "campaign") {
    for await (const c of client.campaigns.list({ project_id: target.projectId, limit: 100 }, opts))
      if (c.id === target.id) return c.description ?? null;
  } else {
    // The handle narrows the list to a row or two; a renamed creator is found in the full list.
    for (const query of [{ search: target.handle }, {}]) {
      for await (const c of client.creators.list(
        { project_id: target.projectId, limit: 100, ...query },
        opts,
      ))
        if (c.id === target.id) return c.description ?? null;
    }
  }
  throw new Error(`${targetLabel(target)} was not found (removed since it was shown?). Press r to reload.`);
}

/** Replaces the entity's notes (`readme`; null clears them). */
export async function writeNote(
  client: TrackagoatClient,
  target: NoteTarget,
  text: string | null,
  options: NoteOptions = {},
): Promise<void> {
  const opts = { signal: options.signal, cache: options.cache };
  if (target.kind === "campaign") await client.campaigns.update(target.id, { readme: text }, opts);
  else await client.creators.update(target.id, { readme: text }, opts);
}

export type SaveOutcome =
  | { status: "saved" }
  | { status: "unchanged" }
  /** The note changed since it was shown: `current` is what the API holds now; nothing was written. */
  | { status: "conflict"; current: string | null };

/** Same text, ignoring trailing whitespace (editors add a final newline). */
export function sameNote(a: string | null, b: string | null): boolean {
  return (a ?? "").trimEnd() === (b ?? "").trimEnd();
}

/**
 * Saves `next` over the note that was `shown`: re-reads it first (upstream, not the cache) and writes only
 * if it is still what the user saw, or when `overwrite` says to replace whatever is there.
 */
export async function saveNote(
  client: TrackagoatClient,
  target: NoteTarget,
  change: { shown: string | null; next: string | null; overwrite?: boolean },
  options: NoteOptions = {},
): Promise<SaveOutcome> {
  if (!change.overwrite) {
    const current = await readNote(client, target, { signal: options.signal, cache: false });
    if (!sameNote(current, change.shown)) {
      // What the cache holds of this entity is older than what was just read: drop it.
      if (options.cache) await options.cache.invalidate([idTag(target.id)]);
      return { status: "conflict", current };
    }
    if (sameNote(current, change.next)) return { status: "unchanged" };
  }
  await writeNote(client, target, change.next, options);
  return { status: "saved" };
}

const blockStart = (kind: string) => `<!-- goatkit:${kind} -->`;
const blockEnd = (kind: string) => `<!-- /goatkit:${kind} -->`;

/**
 * The note with the report in it: the report of the same kind saved earlier is replaced, anything else
 * (the user's own notes) is kept, and a first report is appended below them.
 */
export function mergeReportIntoNote(note: string | null, kind: string, markdown: string): string {
  const block = `${blockStart(kind)}\n${markdown.trim()}\n${blockEnd(kind)}`;
  const text = note ?? "";
  const start = text.indexOf(blockStart(kind));
  const end = text.indexOf(blockEnd(kind), start);
  if (start >= 0 && end >= 0) return text.slice(0, start) + block + text.slice(end + blockEnd(kind).length);
  return text.trim() === "" ? block : `${text.trimEnd()}\n\n${block}`;
}

/** Where a report is saved: the notes of the entity it is about, or (a whole project) a file. */
export function reportDestination(report: Report): NoteTarget | "file" {
  if (report.kind === "campaign_performance")
    return {
      kind: "campaign",
      id: report.campaign.id,
      projectId: report.campaign.project_id,
      name: report.campaign.name,
    };
  if (report.kind === "creator_trend")
    return {
      kind: "creator",
      id: report.creator.id,
      projectId: report.creator.project_id,
      handle: report.creator.tiktok_handle,
    };
  return "file";
}

/** Writes the report's markdown (core's renderer) into the notes of the entity it is about. */
export async function saveReportToNote(
  client: TrackagoatClient,
  report: Report,
  options: NoteOptions = {},
): Promise<NoteTarget> {
  const target = reportDestination(report);
  if (target === "file")
    throw new Error(`a ${report.kind} report is about a whole project: save it to a file`);
  const current = await readNote(client, target, { signal: options.signal, cache: false });
  await writeNote(client, target, mergeReportIntoNote(current, report.kind, renderMarkdown(report)), options);
  return target;
}

/** Saves the report's markdown as a new file in `dir` (never over an existing one); returns its path. */
export async function saveReportToFile(report: Report, dir: string): Promise<string> {
  const project =
    report.kind === "program_health"
      ? report.project.id
      : "project_id" in report && typeof report.project_id === "string"
        ? report.project_id
        : "";
  const base = [
    "goatkit",
    report.kind.replaceAll("_", "-"),
    project.slice(0, 8),
    `${report.meta.range.from}_${report.meta.range.to}`,
  ]
    .filter(Boolean)
    .join("-");
  const markdown = `${renderMarkdown(report).trim()}\n`;
  for (let n = 1; ; n++) {
    const path = join(dir, `${base}${n === 1 ? "" : `-${n}`}.md`);
    try {
      await writeFile(path, markdown, { flag: "wx" });
      return path;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST" || n >= 99) throw err;
    }
  }
}
