import type { Key } from "ink";
import { describe, expect, it } from "vitest";
import { actionFor, footerHints, helpSections, KEYMAP } from "./keymap.js";

const none: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
} as Key;
const key = (k: Partial<Key>) => ({ ...none, ...k });

describe("keymap", () => {
  it("maps keys to actions where their context applies", () => {
    expect(actionFor("j", none, ["list"])).toBe("down");
    expect(actionFor("", key({ downArrow: true }), ["list"])).toBe("down");
    expect(actionFor("j", none, [])).toBeUndefined(); // no list on screen
    expect(actionFor("", key({ tab: true }), ["project"])).toBe("next_pane");
    expect(actionFor("", key({ tab: true, shift: true }), ["project"])).toBe("prev_pane");
    expect(actionFor("", key({ escape: true }), [])).toBe("back");
    expect(actionFor("q", none, [])).toBe("quit");
    expect(actionFor("q", key({ ctrl: true }), [])).toBeUndefined();
    expect(actionFor("c", none, ["list"])).toBeUndefined();
    expect(actionFor("c", none, ["campaigns"])).toBe("compare");
  });

  it("documents every binding in the help, and the footer only shows keys that apply", () => {
    const rows = helpSections().flatMap((s) => s.rows.map(([k]) => k));
    for (const b of KEYMAP) expect(rows).toContain(b.label);
    expect(footerHints([])).not.toContain("compare");
    expect(footerHints(["campaigns"])).toContain("c compare");
    expect(footerHints([])).toContain("q quit");
  });

  it("turns write keys off, and out of the help and footer, for a read-only key", () => {
    expect(actionFor("e", none, ["notes"])).toBe("edit_notes");
    expect(actionFor("e", none, ["notes"], true)).toBeUndefined();
    expect(actionFor("w", none, ["notes"], true)).toBeUndefined();
    expect(actionFor("w", none, ["report"], true)).toBe("save_report"); // a file, not an API write
    expect(footerHints(["notes"])).toContain("e edit notes");
    expect(footerHints(["notes"], true)).not.toMatch(/edit notes|save to notes/);
    const help = (readOnly: boolean) =>
      helpSections(["notes", "report"], readOnly).flatMap((s) => s.rows.map(([, what]) => what));
    expect(help(false).some((d) => d.startsWith("edit the notes"))).toBe(true);
    expect(help(true).some((d) => d.startsWith("edit the notes"))).toBe(false);
    expect(help(true).some((d) => d.startsWith("save this project report"))).toBe(true);
  });

  it("gives each key one meaning per context", () => {
    const seen = new Map<string, string>();
    for (const b of KEYMAP)
      for (const k of b.keys) {
        const id = `${b.context}:${k.input ?? k.key}:${k.shift ?? ""}`;
        expect(seen.get(id), id).toBeUndefined();
        seen.set(id, b.action);
      }
  });
});
