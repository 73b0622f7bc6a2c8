/**
 * `startSandbox()`: the sandbox on a real port (default a random free one on 127.0.0.1), for tests over
 * HTTP, demos and the CLI. `stop()` closes the listener and every open connection at once, so a test
 * suite never waits for keep-alive sockets to time out.
 */
import type { AddressInfo } from "node:net";
import { createAdaptorServer } from "@hono/node-server";
import { createSandboxApp, type SandboxKeys } from "./app.js";
import type { SandboxOptions } from "./options.js";
import type { FaultInput, FaultSettings } from "./state/faults.js";
import type { RequestCounts } from "./state/request-log.js";
import type { SandboxState } from "./state/sandbox-state.js";
import type { PlantedTruth } from "./world/types.js";

export interface StartOptions extends SandboxOptions {
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  /** Interface to bind (default 127.0.0.1). Anything else exposes the unauthenticated operator endpoints. */
  host?: string;
}

export interface RunningSandbox {
  /** API base URL, e.g. `http://127.0.0.1:54321/api/v1`. */
  url: string;
  /** Scheme, host and port, e.g. `http://127.0.0.1:54321` (operator endpoints live under `/__sandbox`). */
  origin: string;
  port: number;
  keys: SandboxKeys;
  truth: PlantedTruth;
  state: SandboxState;
  requests(): RequestCounts;
  resetRequests(): void;
  setFaults(faults: FaultInput): FaultSettings;
  stop(): Promise<void>;
}

/** Thrown when the port is taken, with a message fit for a terminal. */
export class PortInUseError extends Error {
  constructor(
    readonly port: number,
    readonly host: string,
  ) {
    super(`Port ${port} on ${host} is already in use. Pick another with --port, or --port 0 for a free one.`);
    this.name = "PortInUseError";
  }
}

export async function startSandbox(options: StartOptions = {}): Promise<RunningSandbox> {
  const host = options.host ?? "127.0.0.1";
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new TypeError(`port must be 0–65535, got ${port}`);
  const sandbox = createSandboxApp(options);
  const server = createAdaptorServer({ fetch: sandbox.app.fetch, hostname: host });

  await new Promise<void>((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      reject(err.code === "EADDRINUSE" ? new PortInUseError(port, host) : err);
    };
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      resolve();
    });
  });

  const bound = (server.address() as AddressInfo).port;
  const hostInUrl = host.includes(":") ? `[${host}]` : host === "0.0.0.0" ? "127.0.0.1" : host;
  const origin = `http://${hostInUrl}:${bound}`;
  let stopped: Promise<void> | null = null;

  return {
    url: `${origin}/api/v1`,
    origin,
    port: bound,
    keys: sandbox.keys,
    truth: sandbox.truth,
    state: sandbox.state,
    requests: sandbox.requests,
    resetRequests: sandbox.resetRequests,
    setFaults: sandbox.setFaults,
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        const http = server as import("node:http").Server;
        http.close(() => resolve());
        http.closeAllConnections?.();
      });
      return stopped;
    },
  };
}
