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
  | "help"
  | "quit";

/** Where a key applies: everywhere, or on screens with a list, or on one kind of screen. */
export type KeyContext = "global" | "list" | "project" | "creators" | "campaigns";

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
};

function matches(spec: KeySpec, input: string, key: Key): boolean {
  if (spec.key) {
    if (!key[spec.key]) return false;
    return spec.shift === undefined || spec.shift === key.shift;
  }
  return spec.input === input && !key.ctrl && !key.meta;
}

/** The action `input`/`key` means where `contexts` apply, or undefined. */
export function actionFor(input: string, key: Key, contexts: readonly KeyContext[]): Action | undefined {
  for (const b of KEYMAP) {
    if (b.context !== "global" && !contexts.includes(b.context)) continue;
    if (b.keys.some((k) => matches(k, input, key))) return b.action;
  }
  return undefined;
}

/** The help, section by section, for the contexts of the current screen (everything when none given). */
export function helpSections(
  contexts?: readonly KeyContext[],
): { title: string; rows: [string, string][] }[] {
  const order: KeyContext[] = ["global", "list", "project", "campaigns", "creators"];
  return order
    .filter((c) => c === "global" || !contexts || contexts.includes(c))
    .map((c) => ({
      title: CONTEXT_TITLES[c],
      rows: KEYMAP.filter((b) => b.context === c).map((b) => [b.label, b.description] as [string, string]),
    }));
}

/** The footer's short hints: the keys that matter on this screen. */
export function footerHints(contexts: readonly KeyContext[]): string {
  return KEYMAP.filter((b) => b.short && (b.context === "global" || contexts.includes(b.context)))
    .map((b) => `${b.label.split(" / ")[0]} ${b.short}`)
    .join("  ");
}
