/**
 * The answer of every write route: the `{ data, error, meta }` success envelope, serialised by
 * `state.writes.commit()` before `apply` changes anything (see state/commit.ts), then sent as those
 * exact bytes. Handlers validate and stage first, and pass the change as `apply`.
 */
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { SandboxState } from "../../state/sandbox-state.js";
import type { SandboxCtx } from "../context.js";

export interface WriteOptions {
  status?: ContentfulStatusCode;
  meta?: Record<string, unknown> | null;
}

export function commitOk(
  c: SandboxCtx,
  state: SandboxState,
  data: unknown,
  apply: () => void,
  options: WriteOptions = {},
): Response {
  const status = options.status ?? 200;
  const envelope = { data, error: null, meta: options.meta ?? null };
  const committed = state.writes.commit(c, status, envelope, apply);
  return c.body(committed.body, status, { "content-type": committed.contentType });
}
