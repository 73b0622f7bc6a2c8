/**
 * A sandbox per test file: real HTTP on a free port, a fixed clock, no rate limit or daily quota (tests
 * send hundreds of requests in seconds), and clients wired to it. `withSandbox()` registers the
 * start/stop hooks and returns a getter, so tests read the harness only once it is up.
 */
import { type RunningSandbox, type StartOptions, startSandbox } from "@goatkit/sandbox";
import { afterAll, beforeAll } from "vitest";
import { type ClientOptions, createClient, type TrackagoatClient } from "../client/index.js";

/** The fixed as-of instant of every sandbox-backed test: worlds are reproducible byte for byte. */
export const SANDBOX_NOW = "2026-03-15T12:00:00.000Z";

export interface SandboxHarness {
  sandbox: RunningSandbox;
  /** A client with org A's read/write key. */
  client: TrackagoatClient;
  /** A fresh client (request count 0) with any key, default org A's read/write one, and extra options. */
  newClient(key?: string, options?: ClientOptions): TrackagoatClient;
}

export async function startTestSandbox(options: StartOptions = {}): Promise<SandboxHarness> {
  const sandbox = await startSandbox({
    seed: 42,
    scale: "small",
    now: SANDBOX_NOW,
    rateLimit: false,
    dailyQuota: false,
    logErrors: false,
    ...options,
  });
  const newClient = (key = sandbox.keys.readWrite, options: ClientOptions = {}) =>
    createClient({ apiKey: key, baseUrl: sandbox.url, rateLimit: false, maxRetries: 0, ...options });
  return { sandbox, client: newClient(), newClient };
}

/** Starts one sandbox for the enclosing test file (or describe block) and stops it afterwards. */
export function withSandbox(options: StartOptions = {}): () => SandboxHarness {
  let harness: SandboxHarness | undefined;
  beforeAll(async () => {
    harness = await startTestSandbox(options);
  });
  afterAll(async () => {
    await harness?.sandbox.stop();
  });
  return () => {
    if (!harness) throw new Error("the sandbox is not started yet: call the getter inside a test");
    return harness;
  };
}
