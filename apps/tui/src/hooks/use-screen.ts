/**
 * Hooks screens share: registering their keys with the app, and a list cursor driven by the keymap's
 * list actions.
 * @module
 */
import type { ReportMeta } from "@goatkit/core";
import { useEffect, useLayoutEffect, useRef, useState } from "react";
import type { Action, KeyContext } from "../keymap.js";
import { useApp } from "./app-context.js";

/** Registers this screen's key contexts and handler while it is mounted. */
export function useScreenKeys(contexts: readonly KeyContext[], onAction: (action: Action) => boolean): void {
  const app = useApp();
  const ref = useRef(onAction);
  ref.current = onAction;
  const key = contexts.join(",");
  // A layout effect: the keys are registered before the frame that shows the screen is drawn.
  // biome-ignore lint/correctness/useExhaustiveDependencies: contexts are compared by value through `key`
  useLayoutEffect(() => {
    return app.registerKeys({ contexts, onAction: (a) => ref.current(a) });
  }, [key]);
}

/** A cursor over `count` rows: up/down/top/bottom. Returns the index and a handler for list actions. */
export function useCursor(count: number): [number, (action: Action) => boolean, (i: number) => void] {
  const [selected, setSelected] = useState(0);
  const last = Math.max(0, count - 1);
  const clamped = Math.min(selected, last);
  // Functional updates: keys typed faster than a render must each count.
  const onAction = (action: Action): boolean => {
    if (action === "up") setSelected((s) => Math.max(0, Math.min(s, last) - 1));
    else if (action === "down") setSelected((s) => Math.min(last, s + 1));
    else if (action === "top") setSelected(0);
    else if (action === "bottom") setSelected(last);
    else return false;
    return true;
  };
  return [clamped, onAction, setSelected];
}

/** Tells the app which report's meta the freshness line shows while this screen is up. */
export function useReportMeta(meta: ReportMeta | null): void {
  const app = useApp();
  useEffect(() => {
    app.setMeta(meta);
    return () => app.setMeta(null);
  }, [app, meta]);
}
