/**
 * The part of the client the workflows use. Typed as a `Pick` so a test double, a caching wrapper or a
 * proxy-backed client only has to provide these namespaces.
 * @module
 */
import type { TrackagoatClient } from "../client/index.js";

export type WorkflowClient = Pick<
  TrackagoatClient,
  "projects" | "creators" | "videos" | "campaigns" | "analytics" | "goals" | "payoutAccruals" | "requestCount"
> &
  // Optional: where present, runs remember the API generation across runs on this client (see run.ts).
  Partial<Pick<TrackagoatClient, "apiGeneration">>;
