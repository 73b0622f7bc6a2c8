/**
 * What every screen needs from the app: the session, the date range in force, the refresh generation,
 * the terminal's size, and the status line. Provided once by `app.tsx`.
 * @module
 */
import type { ReportMeta } from "@goatkit/core";
import { createContext, type ReactNode, useContext } from "react";
import type { Action, KeyContext } from "../keymap.js";
import type { Session } from "../session/session.js";
import type { RangeChoice } from "./range.js";

export interface Status {
  kind: "error" | "info";
  text: string;
}

export interface AppContextValue {
  session: Session;
  range: RangeChoice;
  /** Bumped by `r`: loads keyed on it run again (on a fresh cache). */
  generation: number;
  width: number;
  height: number;
  setStatus(status: Status | null): void;
  /** Loads in flight register their cancel here; esc cancels them. */
  loads: LoadRegistry;
  /** Why writes are off for this key (a 403 insufficient_scope answered), or null. */
  readOnly: string | null;
  setReadOnly(reason: string): void;
  /** Opens a screen on top of the current one. */
  navigate(route: Route): void;
  /** A mounted screen or pane says which keys apply and handles its actions; returns the unregister. */
  registerKeys(keys: ScreenKeys): () => void;
  /** While a text field has the keyboard, the app's keys (q, r, …) are off. */
  setTyping(typing: boolean): void;
  /** The meta of the report on screen: the freshness line reads it. */
  setMeta(meta: ReportMeta | null): void;
  /** Shows a question over the screen that takes the keyboard (null closes it). */
  showModal(modal: ReactNode | null): void;
  /** After a write: finished loads are dropped and run again, on the cache core's write invalidated. */
  reload(): void;
  /** `$VISUAL` / `$EDITOR` for notes; null: notes are edited inline. */
  editor: string | null;
  /** Where reports on a whole project are saved as markdown files. */
  reportsDir: string;
}

export interface ScreenKeys {
  contexts: readonly KeyContext[];
  /** true when the screen handled the action (the app then does nothing more). */
  onAction(action: Action): boolean;
}

export type Route =
  | { screen: "projects" }
  | { screen: "project"; projectId: string; projectName: string }
  | { screen: "campaign"; projectId: string; campaignId: string; name: string }
  | { screen: "creator"; projectId: string; creatorId: string; handle: string }
  | { screen: "compare"; projectId: string; campaignIds: string[] };

export class LoadRegistry {
  readonly #active = new Map<number, () => void>();
  #next = 0;
  #listeners = new Set<() => void>();
  add(cancel: () => void): () => void {
    const id = this.#next++;
    this.#active.set(id, cancel);
    this.#emit();
    return () => {
      this.#active.delete(id);
      this.#emit();
    };
  }
  get size(): number {
    return this.#active.size;
  }
  cancelAll(): number {
    const n = this.#active.size;
    for (const cancel of [...this.#active.values()]) cancel();
    return n;
  }
  subscribe(fn: () => void): () => void {
    this.#listeners.add(fn);
    return () => this.#listeners.delete(fn);
  }
  #emit() {
    for (const fn of this.#listeners) fn();
  }
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const ctx = useContext(AppContext);
  if (!ctx) throw new Error("useApp() outside <AppContext.Provider>");
  return ctx;
}
