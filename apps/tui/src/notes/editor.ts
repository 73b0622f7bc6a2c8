/**
 * Editing a note in the user's `$VISUAL` / `$EDITOR`: the note goes to a temp file, the editor runs in
 * the terminal (the caller has taken the UI out of raw mode; the event loop waits, so the UI cannot draw
 * over the editor), and the file's text comes back. The file is kept when the edit is not saved, so no
 * typing is lost.
 * @module
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The editor command from the environment, or null (then the UI edits inline). */
export function editorFromEnv(env: NodeJS.ProcessEnv): string | null {
  return env.VISUAL?.trim() || env.EDITOR?.trim() || null;
}

export interface EditorResult {
  /** The edited text; null when the editor failed (exit code ≠ 0), which means "do not save". */
  text: string | null;
  /** The temp file: remove it with {@link discardEdit} once the text is saved. */
  file: string;
  error?: string;
}

/** Runs `editor` (a shell command line, e.g. `code -w`) on a temp file holding `text`, synchronously. */
export function editInEditor(editor: string, text: string, name: string): EditorResult {
  const dir = mkdtempSync(join(tmpdir(), "goatkit-notes-"));
  const file = join(dir, `${name.replace(/[^A-Za-z0-9._-]+/g, "-").slice(0, 60) || "notes"}.md`);
  writeFileSync(file, text);
  // Through the shell: $EDITOR may carry arguments. The path holds only safe characters (above).
  const run = spawnSync(`${editor} '${file}'`, { shell: true, stdio: "inherit" });
  if (run.error || run.status !== 0)
    return {
      text: null,
      file,
      error: `the editor (${editor}) ${run.error ? `did not start: ${run.error.message}` : `exited with code ${run.status}`}`,
    };
  return { text: readFileSync(file, "utf8"), file };
}

export function discardEdit(file: string): void {
  rmSync(join(file, ".."), { recursive: true, force: true });
}
