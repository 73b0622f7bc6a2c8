/**
 * The demo's embedded sandbox, run in a worker thread: the world is generated while the main thread loads
 * the UI (the two overlap on a second core), and serving pages of a large world never blocks the keyboard.
 * Started by {@link startSandboxInWorker}; posts `ready` with the URL and key, stops on `stop`.
 * @module
 */
import { parentPort, workerData } from "node:worker_threads";
import { startSandbox } from "@goatkit/sandbox";
import type { WorkerReply, WorkerRequest } from "./sandbox-thread.js";

const port = parentPort;
if (!port) throw new Error("sandbox-worker.js runs as a worker thread");
const options = workerData as WorkerRequest;

try {
  const sandbox = await startSandbox({ ...options, rateLimit: false, logErrors: false });
  port.on("message", (message: { type: "stop" }) => {
    if (message.type !== "stop") return;
    void sandbox.stop().finally(() => port.close());
  });
  port.postMessage({ type: "ready", url: sandbox.url, apiKey: sandbox.keys.readWrite } satisfies WorkerReply);
} catch (err) {
  port.postMessage({
    type: "error",
    message: err instanceof Error ? err.message : String(err),
  } satisfies WorkerReply);
}
