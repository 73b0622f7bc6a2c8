/**
 * What every route and middleware of one sandbox instance shares: its state, its fault dice and the
 * behaviour options, plus the Hono environment type (node bindings are absent under `app.request`).
 */
import type { HttpBindings } from "@hono/node-server";
import type { Context } from "hono";
import type { DriftManifest } from "../drift/manifest.js";
import type { FaultController } from "../state/faults.js";
import type { SandboxState } from "../state/sandbox-state.js";
import type { ApiKeyRecord, OrgRecord } from "../world/types.js";

export type ApiGeneration = "legacy" | "current";

export interface AuthInfo {
  key: ApiKeyRecord;
  org: OrgRecord;
}

export interface SandboxEnv {
  Bindings: Partial<HttpBindings>;
  Variables: {
    auth: AuthInfo;
    /** Set by the fault middleware when it dropped the connection. */
    dropped: boolean;
  };
}

export type SandboxCtx = Context<SandboxEnv>;

export interface SandboxContext {
  state: SandboxState;
  faults: FaultController;
  apiGeneration: ApiGeneration;
  /** Per-key requests per rolling minute, or false for no limit. */
  rateLimit: { perMinute: number } | false;
  /** Enforce `max_api_requests_per_day` per org. */
  dailyQuota: boolean;
  /** Print unexpected errors (500s) to stderr. */
  logErrors: boolean;
  /** Drift mode's manifest (`{ enabled: false, changes: [] }` when off). */
  drift?: DriftManifest;
}

/** The caller's org id (auth has run). */
export const orgIdOf = (c: SandboxCtx): string => c.get("auth").org.id;
