/**
 * The `--cache` setting: `memory:` (in this process, gone on exit) or `sqlite:<path>` (a file that
 * survives restarts and that several proxy processes on one machine can share). Parsing is separate from
 * opening, so a typo is a usage error (exit 2) and an unopenable file a store error (exit 3).
 * @module
 */
import { type CacheStore, MemoryStore } from "@goatkit/core";
import { SqliteStore } from "./stores/sqlite-store.js";

export type CacheSpec = { kind: "memory" } | { kind: "sqlite"; path: string };

/**
 * @example
 * parseCacheSpec("sqlite:./goatkit-proxy-cache.sqlite") // { kind: "sqlite", path: "./goatkit-proxy-cache.sqlite" }
 * parseCacheSpec("memory:")                              // { kind: "memory" }
 */
export function parseCacheSpec(value: string): CacheSpec {
  if (value === "memory:" || value === "memory") return { kind: "memory" };
  if (value.startsWith("sqlite:")) {
    const path = value.slice("sqlite:".length);
    if (path === "")
      throw new TypeError("sqlite: needs a file path, e.g. sqlite:./goatkit-proxy-cache.sqlite");
    return { kind: "sqlite", path };
  }
  throw new TypeError(`expected memory: or sqlite:<path>, got ${JSON.stringify(value)}`);
}

/** Opens the store; throws what the store throws (a directory that does not exist, a file not SQLite). */
export function openStore(spec: CacheSpec): CacheStore {
  return spec.kind === "memory" ? new MemoryStore() : new SqliteStore(spec.path);
}

/** The spec as shown to people. */
export function describeCacheSpec(spec: CacheSpec): string {
  return spec.kind === "memory" ? "memory: (in process)" : `sqlite:${spec.path}`;
}
