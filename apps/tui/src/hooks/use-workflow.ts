/**
 * `useWorkflow` runs a catalogue workflow for a screen: params plus the session's `as_of` (the demo's
 * `--now`), with the run options (`signal`, `onProgress`, `cache`) beside them, never inside.
 * @module
 */
import { getWorkflow, type WorkflowName } from "@goatkit/core";
import { useApp } from "./app-context.js";
import { type LoadState, useLoad } from "./use-load.js";

export function useWorkflow<R>(name: WorkflowName, params: Record<string, unknown> | null): LoadState<R> {
  const { session, generation: _ } = useApp();
  const full = params === null ? null : { ...params, ...(session.asOf ? { as_of: session.asOf } : {}) };
  return useLoad<R>(
    full === null ? null : `${name}:${JSON.stringify(full)}`,
    ({ signal, onProgress, cache }) => {
      const workflow = getWorkflow(name) as unknown as {
        run(client: unknown, params: unknown, options: unknown): Promise<R>;
      };
      return workflow.run(session.client, full, { signal, onProgress, cache });
    },
  );
}
