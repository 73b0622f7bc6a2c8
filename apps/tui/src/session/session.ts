/**
 * A session: one client, one response cache shared by every screen and report (so moving between
 * screens costs no repeated requests within the freshness window), and, in demo mode, the embedded
 * sandbox it talks to. `refresh()` swaps in an empty cache: the next loads go upstream again.
 * @module
 */
import { createClient, MemoryStore, ResponseCache, type TrackagoatClient } from "@goatkit/core";
import type { Settings } from "../config/settings.js";
import { type DemoSandbox, startSandboxInProcess, startSandboxInWorker } from "./sandbox-thread.js";

export interface Session {
  client: TrackagoatClient;
  /** The session's cache; replaced by {@link Session.refresh}. */
  readonly cache: ResponseCache;
  /** The analysis instant every report uses (`as_of`): the demo's `--now`, else undefined (now). */
  asOf: string | undefined;
  /** What the user is looking at: `demo data (seed 42, scale small)` or the API's host. */
  label: string;
  demo: boolean;
  /** Where the session points (for messages; never the key). */
  baseUrl: string;
  /** Finished loads (reports, lists) by key, so going back to a screen re-renders without re-running; cleared by refresh. */
  readonly memo: Map<string, unknown>;
  refresh(): void;
  close(): Promise<void>;
}

/** A fresh cache for the session: in memory, 64 MiB, core's default freshness policy. */
export function newCache(): ResponseCache {
  return new ResponseCache({ store: new MemoryStore() });
}

export interface SessionOptions {
  /** Where the demo's sandbox runs: `worker` (the built CLI) or this thread (default; tests from source). */
  sandboxIn?: "worker" | "process";
  /** Demo only: start the sandbox in drift mode (responses that differ from the contract). */
  drift?: boolean;
}

/** Connects as the settings say; in demo mode this starts (and owns) a sandbox. */
export async function openSession(settings: Settings, options: SessionOptions = {}): Promise<Session> {
  let sandbox: DemoSandbox | undefined;
  let client: TrackagoatClient;
  let baseUrl: string;
  let label: string;
  if (settings.mode === "demo") {
    // The embedded sandbox is this process's own: no per-minute limit on either side, so the demo is quick.
    // Loaded only for the demo: commands against a real API never pay for the sandbox's import.
    const start = options.sandboxIn === "worker" ? startSandboxInWorker : startSandboxInProcess;
    sandbox = await start({
      seed: settings.seed,
      scale: settings.scale,
      now: settings.now,
      ...(options.drift ? { drift: true } : {}),
    });
    baseUrl = sandbox.url;
    client = createClient({ apiKey: sandbox.apiKey, baseUrl, rateLimit: false });
    label = `demo data (seed ${settings.seed}, scale ${settings.scale}${settings.now ? `, now ${settings.now}` : ""}${options.drift ? ", drifted" : ""})`;
  } else {
    client = createClient({ apiKey: settings.apiKey, baseUrl: settings.baseUrl });
    baseUrl = client.baseUrl;
    label = hostOf(baseUrl);
  }
  let cache = newCache();
  const memo = new Map<string, unknown>();
  return {
    memo,
    client,
    get cache() {
      return cache;
    },
    asOf: settings.mode === "demo" ? settings.now : undefined,
    label,
    demo: settings.mode === "demo",
    baseUrl,
    refresh() {
      cache = newCache();
      memo.clear();
    },
    close: async () => {
      await sandbox?.stop();
    },
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
