/**
 * The one keymap: every key the UI answers to, with the screens where it applies and the words the `?`
 * help and the footer show. Input handling asks `actionFor()`; the help renders `helpRows()`; so a key
 * cannot work without being documented, or be documented without working.
 * @module
 */
import type { Key } from "ink";

export type Action =
  | "up"
  | "down"
  | "top"
  | "bottom"
  | "open"
  | "back"
  | "filter"
  | "next_pane"
  | "prev_pane"
  | "refresh"
  | "range"
  | "sort"
  | "mark"
  | "compare"
  | "edit_notes"
  | "save_report"
  | "overwrite"
  | "help"
  | "quit";

/** Where a key applies: everywhere, or on screens with a list, or on one kind of screen. */
export type KeyContext =
  | "global"
  | "list"
  | "project"
  | "creators"
  | "campaigns"
  /** A screen about one entity with writable notes (campaign, creator). */
  | "notes"
  /** A screen whose report is about a whole project (health, compare): saved to a file. */
  | "report"
  /** The question shown when a note changed since it was shown. */
  | "conflict";

type KeyName =
  | "upArrow"
  | "downArrow"
  | "return"
  | "escape"
  | "backspace"
  | "delete"
  | "tab"
  | "pageUp"
  | "pageDown";

interface KeySpec {
  /** A typed character (`j`, `?`). */
  input?: string;
  /** A special key, as Ink reports it. */
  key?: KeyName;
  shift?: boolean;
}

export interface Binding {
  action: Action;
  keys: readonly KeySpec[];
  /** How the help writes the keys, e.g. `j / ↓`. */
  label: string;
  description: string;
  /** The footer's word for it; none: not in the footer. */
  short?: string;
  context: KeyContext;
  /** A write to the API: off (and gone from the help and footer) once the key turned out read-only. */
  write?: true;
}

export const KEYMAP: readonly Binding[] = [
  {
    action: "up",
    keys: [{ input: "k" }, { key: "upArrow" }],
    label: "k / ↑",
    description: "move up",
    context: "list",
  },
  {
    action: "down",
    keys: [{ input: "j" }, { key: "downArrow" }],
    label: "j / ↓",
    description: "move down",
    context: "list",
  },
  {
    action: "top",
    keys: [{ input: "g" }, { key: "pageUp" }],
    label: "g / PgUp",
    description: "go to the top",
    context: "list",
  },
  {
    action: "bottom",
    keys: [{ input: "G" }, { key: "pageDown" }],
    label: "G / PgDn",
    description: "go to the bottom",
    context: "list",
  },
  {
    action: "open",
    keys: [{ key: "return" }],
    label: "enter",
    description: "open the selected row",
    short: "open",
    context: "list",
  },
  {
    action: "filter",
    keys: [{ input: "/" }],
    label: "/",
    description: "filter the rows (esc clears)",
    short: "filter",
    context: "list",
  },
  {
    action: "next_pane",
    keys: [{ key: "tab", shift: false }, { input: "]" }],
    label: "tab / ]",
    description: "next pane: health, campaigns, creators, videos",
    short: "pane",
    context: "project",
  },
  {
    action: "prev_pane",
    keys: [{ key: "tab", shift: true }, { input: "[" }],
    label: "shift-tab / [",
    description: "previous pane",
    context: "project",
  },
  {
    action: "sort",
    keys: [{ input: "s" }],
    label: "s",
    description: "sort by the next column",
    short: "sort",
    context: "creators",
  },
  {
    action: "mark",
    keys: [{ input: " " }],
    label: "space",
    description: "mark a campaign for comparison",
    short: "mark",
    context: "campaigns",
  },
  {
    action: "compare",
    keys: [{ input: "c" }],
    label: "c",
    description: "compare the marked campaigns (two or more)",
    short: "compare",
    context: "campaigns",
  },
  {
    action: "edit_notes",
    keys: [{ input: "e" }],
    label: "e",
    description: "edit the notes ($EDITOR, else inline); warns if they changed meanwhile",
    short: "edit notes",
    context: "notes",
    write: true,
  },
  {
    action: "save_report",
    keys: [{ input: "w" }],
    label: "w",
    description: "save this report to the notes (its block is replaced on the next save)",
    short: "save to notes",
    context: "notes",
    write: true,
  },
  {
    action: "save_report",
    keys: [{ input: "w" }],
    label: "w",
    description: "save this project report as a markdown file (path in the status line)",
    short: "save report",
    context: "report",
  },
  {
    action: "overwrite",
    keys: [{ input: "o" }],
    label: "o",
    description: "overwrite the changed note with your text (esc cancels)",
    context: "conflict",
    write: true,
  },
  {
    action: "back",
    keys: [{ key: "escape" }, { key: "backspace" }, { key: "delete" }],
    label: "esc / backspace",
    description: "back; while loading, esc cancels the load",
    short: "back",
    context: "global",
  },
  {
    action: "range",
    keys: [{ input: "d" }],
    label: "d",
    description: "date range: presets or a custom from/to",
    short: "range",
    context: "global",
  },
  {
    action: "refresh",
    keys: [{ input: "r" }],
    label: "r",
    description: "refresh: drop the cache and load again",
    short: "refresh",
    context: "global",
  },
  {
    action: "help",
    keys: [{ input: "?" }],
    label: "?",
    description: "this help",
    short: "help",
    context: "global",
  },
  {
    action: "quit",
    keys: [{ input: "q" }],
    label: "q",
    description: "quit (not while typing)",
    short: "quit",
    context: "global",
  },
];

const CONTEXT_TITLES: Record<KeyContext, string> = {
  global: "Everywhere",
  list: "Lists",
  project: "Project",
  creators: "Creators pane",
  campaigns: "Campaigns pane",
  notes: "Campaign and creator",
  report: "Project reports",
  conflict: "When a note changed since it was shown",
};

function matches(spec: KeySpec, input: string, key: Key): boolean {
  if (spec.key) {
    if (!key[spec.key]) return false;
    return spec.shift === undefined || spec.shift === key.shift;
  }
  return spec.input === input && !key.ctrl && !key.meta;
}

/** Whether a binding applies: its context is up, and it is not a write on a read-only key. */
function applies(b: Binding, contexts: readonly KeyContext[] | undefined, readOnly: boolean): boolean {
  if (readOnly && b.write) return false;
  return b.context === "global" || !contexts || contexts.includes(b.context);
}

/** The action `input`/`key` means where `contexts` apply, or undefined. Writes are off when `readOnly`. */
export function actionFor(
  input: string,
  key: Key,
  contexts: readonly KeyContext[],
  readOnly = false,
): Action | undefined {
  for (const b of KEYMAP) {
    if (!applies(b, contexts, readOnly)) continue;
    if (b.keys.some((k) => matches(k, input, key))) return b.action;
  }
  return undefined;
}

/** The help, section by section, for the contexts of the current screen (everything when none given). */
export function helpSections(
  contexts?: readonly KeyContext[],
  readOnly = false,
): { title: string; rows: [string, string][] }[] {
  const order: KeyContext[] = [
    "global",
    "list",
    "project",
    "campaigns",
    "creators",
    "notes",
    "report",
    "conflict",
  ];
  return order
    .map((c) => ({
      title: CONTEXT_TITLES[c],
      rows: KEYMAP.filter((b) => b.context === c && applies(b, contexts, readOnly)).map(
        (b) => [b.label, b.description] as [string, string],
      ),
    }))
    .filter((s) => s.rows.length > 0);
}

/** The footer's short hints: the keys that matter on this screen. */
export function footerHints(contexts: readonly KeyContext[], readOnly = false): string {
  return KEYMAP.filter((b) => b.short && applies(b, contexts, readOnly))
    .map((b) => `${b.label.split(" / ")[0]} ${b.short}`)
    .join("  ");
}
