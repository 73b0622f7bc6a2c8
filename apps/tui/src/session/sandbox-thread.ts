/**
 * Where the demo's sandbox runs: in this thread (tests, which run from source) or in a worker thread (the
 * built CLI, so that generating the world overlaps loading the UI and serving never blocks the keyboard).
 * Either way the client talks to it over HTTP on loopback, as to the real API.
 * @module
 */
import { Worker } from "node:worker_threads";
import type { Scale } from "../config/scales.js";

export interface WorkerRequest {
  seed: number;
  scale: Scale;
  now: string | undefined;
  /** Serve responses that drift from the contract (the sandbox's drift mode; for `goatkit parity --demo --drift`). */
  drift?: boolean;
}

export type WorkerReply = { type: "ready"; url: string; apiKey: string } | { type: "error"; message: string };

export interface DemoSandbox {
  url: string;
  /** The sandbox's read+write demo key (public: it only opens the local demo). */
  apiKey: string;
  stop(): Promise<void>;
}

export async function startSandboxInProcess(options: WorkerRequest): Promise<DemoSandbox> {
  const { startSandbox } = await import("@goatkit/sandbox");
  const sandbox = await startSandbox({ ...options, rateLimit: false, logErrors: false });
  return { url: sandbox.url, apiKey: sandbox.keys.readWrite, stop: () => sandbox.stop() };
}

/** Starts the sandbox in a worker thread; only from the built `dist` (the worker is a `.js` file). */
export function startSandboxInWorker(options: WorkerRequest): Promise<DemoSandbox> {
  // No inherited node flags: the worker is plain built JS (`--conditions`, `--input-type`, … do not apply).
  const worker = new Worker(new URL("./sandbox-worker.js", import.meta.url), {
    workerData: options,
    execArgv: [],
  });
  const stop = async () => {
    const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
    worker.postMessage({ type: "stop" });
    // A graceful stop closes the server; a worker that does not exit in time is ended.
    const timer = setTimeout(() => void worker.terminate(), 2_000);
    await exited;
    clearTimeout(timer);
  };
  return new Promise((resolve, reject) => {
    worker.once("error", reject);
    worker.once("exit", (code) =>
      reject(new Error(`the demo sandbox stopped while starting (exit code ${code})`)),
    );
    worker.once("message", (reply: WorkerReply) => {
      if (reply.type === "error") {
        void worker.terminate();
        reject(new Error(reply.message));
      } else resolve({ url: reply.url, apiKey: reply.apiKey, stop });
    });
  });
}
