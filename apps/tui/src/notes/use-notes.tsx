/**
 * Notes on screen: `useNote` reads an entity's notes (through the session's cache), `useNoteActions`
 * runs the writes with the user in the loop: edit in `$EDITOR` (the UI leaves raw mode while it runs)
 * or inline, the conflict question when the note changed meanwhile, "save this report" to notes or to a
 * file. Outcomes and errors go to the status line; a 403 insufficient_scope marks the key read-only.
 * @module
 */
import type { Report } from "@goatkit/core";
import { useStdin, useStdout } from "ink";
import { describeError } from "../errors/describe-error.js";
import { useApp } from "../hooks/app-context.js";
import { type LoadState, useLoad } from "../hooks/use-load.js";
import { discardEdit, editInEditor } from "./editor.js";
import { ConflictPrompt, NotePrompt } from "./note-prompts.js";
import {
  type NoteTarget,
  readNote,
  reportDestination,
  sameNote,
  saveNote,
  saveReportToFile,
  saveReportToNote,
  targetLabel,
} from "./note-store.js";

/** The entity's notes (null: none); `target` null reads nothing yet. */
export function useNote(target: NoteTarget | null): LoadState<string | null> {
  const { session } = useApp();
  return useLoad<string | null>(target && `note:${target.kind}:${target.id}`, ({ signal, cache }) =>
    readNote(session.client, target!, { signal, cache }),
  );
}

/** Text as stored: trailing whitespace dropped (editors add a newline); empty clears the note. */
function stored(text: string): string | null {
  const t = text.trimEnd();
  return t === "" ? null : t;
}

export function useNoteActions() {
  const app = useApp();
  const { stdin } = useStdin();
  const { stdout } = useStdout();
  const { client } = app.session;

  const fail = (err: unknown, prefix = "Not saved") => {
    const d = describeError(err, app.session.baseUrl);
    if (d.readOnlyReason) app.setReadOnly(d.readOnlyReason);
    app.setStatus({ kind: "error", text: `${prefix}: ${d.message}` });
  };

  const write = async (
    target: NoteTarget,
    shown: string | null,
    next: string | null,
    file: string | null,
    overwrite = false,
  ) => {
    const label = targetLabel(target);
    app.setStatus({ kind: "info", text: `Saving the notes of ${label}…` });
    try {
      const out = await saveNote(client, target, { shown, next, overwrite }, { cache: app.session.cache });
      if (out.status === "conflict") {
        app.showModal(
          <ConflictPrompt
            label={label}
            current={out.current}
            width={app.width}
            keptIn={file}
            onOverwrite={() => {
              app.showModal(null);
              void write(target, out.current, next, file, true);
            }}
            onCancel={() => {
              app.showModal(null);
              app.setStatus({
                kind: "info",
                text: `Not saved: the notes changed meanwhile (now shown).${file ? ` Your text: ${file}` : ""}`,
              });
              app.reload(); // show the note as it is now
            }}
          />,
        );
        return;
      }
      if (file) discardEdit(file);
      app.setStatus({
        kind: "info",
        text:
          out.status === "unchanged"
            ? `Notes of ${label} unchanged: nothing written.`
            : `Saved the notes of ${label}.`,
      });
      if (out.status === "saved") app.reload();
    } catch (err) {
      fail(err, `Notes of ${label} not saved${file ? ` (your text is in ${file})` : ""}`);
    }
  };

  /** Edits the note the user was shown (`shown`), in the editor or inline. */
  const edit = (target: NoteTarget, shown: string | null) => {
    const label = targetLabel(target);
    if (!app.editor) {
      app.showModal(
        <NotePrompt
          label={label}
          initial={shown}
          width={app.width}
          onSubmit={(text) => {
            app.showModal(null);
            void write(target, shown, stored(text), null);
          }}
          onCancel={() => {
            app.showModal(null);
            app.setStatus({ kind: "info", text: "Edit cancelled: nothing written." });
          }}
        />,
      );
      return;
    }
    // The editor owns the terminal until it exits: cooked mode for it, then raw mode and a clean screen
    // for the UI. The event loop waits meanwhile, so nothing draws over the editor.
    const tty = stdin as NodeJS.ReadStream;
    if (tty.isTTY) tty.setRawMode(false);
    const result = editInEditor(app.editor, shown ?? "", `${target.kind}-notes`);
    if (tty.isTTY) {
      tty.setRawMode(true);
      stdout.write("\x1b[2J\x1b[3J\x1b[H");
    }
    if (result.text === null) {
      app.setStatus({ kind: "error", text: `Not saved: ${result.error}. Your text is in ${result.file}.` });
      return;
    }
    if (sameNote(result.text, shown)) {
      discardEdit(result.file);
      app.setStatus({ kind: "info", text: `Notes of ${label} unchanged: nothing written.` });
      return;
    }
    void write(target, shown, stored(result.text), result.file);
  };

  /** Saves a report: into the notes of the entity it is about, or (a whole project) as a markdown file. */
  const saveReport = async (report: Report) => {
    const dest = reportDestination(report);
    if (dest === "file") {
      try {
        const path = await saveReportToFile(report, app.reportsDir);
        app.setStatus({
          kind: "info",
          text: `Saved the ${report.kind.replaceAll("_", " ")} report to ${path} (a project has no writable notes).`,
        });
      } catch (err) {
        app.setStatus({
          kind: "error",
          text: `Report not saved: ${err instanceof Error ? err.message : String(err)}`,
        });
      }
      return;
    }
    const label = targetLabel(dest);
    app.setStatus({ kind: "info", text: `Saving the report to the notes of ${label}…` });
    try {
      await saveReportToNote(client, report, { cache: app.session.cache });
      app.setStatus({ kind: "info", text: `Saved the report to the notes of ${label}.` });
      app.reload();
    } catch (err) {
      fail(err, `Report not saved to the notes of ${label}`);
    }
  };

  return { edit, saveReport };
}
