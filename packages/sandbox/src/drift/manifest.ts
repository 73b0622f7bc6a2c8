/**
 * The drift manifest: one entry per change drift mode makes to responses, so a test (or a person) can
 * compare what a parity check reports with what was actually changed. `observable_read_only` says
 * whether a run that only reads could see the change at all (a change to write responses cannot be).
 */

export type DriftKind = "renamed" | "dropped" | "unknown_enum" | "shape";

export interface DriftChange {
  /** The route where the change is best seen, as `METHOD /path/{param}` (the request log's labels). */
  route: string;
  /** Every route whose responses carry the change (`route` included). */
  routes: string[];
  /** What the changed object is: `creator`, `video`, `campaign`, `creator_stats`, … */
  resource: string;
  kind: DriftKind;
  /**
   * Path of the changed field inside one item of `data` (`history[].like_count`); "" for the whole of
   * `data`. For a list route the path is inside each listed item.
   */
  field: string;
  /** What changed, in words. */
  detail: string;
  /** For `renamed`: the name the field now has. */
  renamed_to?: string;
  /** For `unknown_enum`: the value served, which the contract does not list. */
  value?: string;
  /** For `unknown_enum`: how many records carry the value. */
  items?: number;
  /** Whether a read-only run can observe it (false for changes only write responses carry). */
  observable_read_only: boolean;
}

/** What `sandbox.driftManifest` and `GET /__sandbox/drift` return. */
export interface DriftManifest {
  enabled: boolean;
  changes: DriftChange[];
}

/** The manifest of a sandbox without drift (a fresh object each time: callers may keep and change it). */
export const driftOff = (): DriftManifest => ({ enabled: false, changes: [] });
