/**
 * `useLoad` runs one load for a screen (a workflow or a list) with an AbortController and progress:
 * esc cancels it through the app's registry (core's `signal`), progress events arrive from core's
 * `onProgress`, errors go to the status line, and a finished result is kept in the session's memo so
 * returning to a screen costs nothing. Core's response cache under it spares the requests themselves.
 * @module
 */
import type { ProgressEvent, ResponseCache } from "@goatkit/core";
import { useEffect, useState } from "react";
import { describeError } from "../errors/describe-error.js";
import { useApp } from "./app-context.js";

export interface LoadContext {
  signal: AbortSignal;
  onProgress: (event: ProgressEvent) => void;
  cache: ResponseCache;
}

export type LoadState<T> =
  | { status: "loading"; progress: ProgressEvent | null }
  | { status: "done"; data: T }
  | { status: "error"; message: string }
  | { status: "cancelled" };

/** Loads `key` with `load`; `key` null loads nothing (the state stays loading). */
export function useLoad<T>(key: string | null, load: (ctx: LoadContext) => Promise<T>): LoadState<T> {
  const app = useApp();
  const memoKey = key === null ? null : `${app.generation}:${key}`;
  const cached = memoKey === null ? undefined : (app.session.memo.get(memoKey) as T | undefined);
  const [state, setState] = useState<LoadState<T>>(
    cached !== undefined ? { status: "done", data: cached } : { status: "loading", progress: null },
  );

  // The key names the load: a new key, a new load (load itself is a new closure every render).
  // biome-ignore lint/correctness/useExhaustiveDependencies: memoKey identifies the load
  useEffect(() => {
    if (memoKey === null) return;
    const hit = app.session.memo.get(memoKey) as T | undefined;
    if (hit !== undefined) {
      setState({ status: "done", data: hit });
      return;
    }
    const controller = new AbortController();
    let settled = false;
    setState({ status: "loading", progress: null });
    const unregister = app.loads.add(() => controller.abort(new Error("cancelled")));
    let lastTick = 0;
    const onProgress = (event: ProgressEvent) => {
      // At most ~10 renders a second while pages pour in; phase changes always show.
      const now = Date.now();
      if (event.phase === "fetch" && now - lastTick < 100) return;
      lastTick = now;
      if (!settled) setState({ status: "loading", progress: event });
    };
    load({ signal: controller.signal, onProgress, cache: app.session.cache }).then(
      (data) => {
        settled = true;
        unregister();
        app.session.memo.set(memoKey, data);
        setState({ status: "done", data });
      },
      (err: unknown) => {
        settled = true;
        unregister();
        if (controller.signal.aborted) {
          setState({ status: "cancelled" });
          app.setStatus({ kind: "info", text: "Load cancelled. Press r to load again." });
          return;
        }
        const d = describeError(err, app.session.baseUrl);
        if (d.readOnlyReason) app.setReadOnly(d.readOnlyReason);
        app.setStatus({ kind: "error", text: d.message });
        setState({ status: "error", message: d.message });
      },
    );
    return () => {
      if (!settled) controller.abort(new Error("left the screen"));
      unregister();
    };
  }, [memoKey]);

  return state;
}
