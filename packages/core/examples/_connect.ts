/**
 * Shared by the examples: a client for the real API when TRACKAGOAT_API_KEY is set, otherwise for a
 * seeded sandbox started in process (fixed clock, so the output below each example is reproducible).
 */
import { startSandbox } from "@goatkit/sandbox";
import { createClient, type TrackagoatClient } from "../src/index.js";

export interface Connection {
  tg: TrackagoatClient;
  /** The analysis clock: the sandbox's as-of instant, or now against the real API. */
  asOf: string | undefined;
  close(): Promise<void>;
}

export async function connect(options: { apiGeneration?: "legacy" | "current" } = {}): Promise<Connection> {
  if (process.env.TRACKAGOAT_API_KEY) {
    return { tg: createClient(), asOf: undefined, close: async () => {} };
  }
  const sandbox = await startSandbox({
    seed: 42,
    scale: "small",
    now: "2026-03-15T12:00:00Z",
    apiGeneration: options.apiGeneration ?? "legacy",
    rateLimit: false,
  });
  return {
    tg: createClient({ apiKey: sandbox.keys.readWrite, baseUrl: sandbox.url }),
    asOf: sandbox.truth.as_of,
    close: () => sandbox.stop(),
  };
}
