/**
 * `startSandbox()`: the sandbox on a real port (default a random free one on 127.0.0.1), for tests over
 * HTTP, demos and the CLI. Served by `@goatkit/server`'s `serve()`: headers capped (16 KiB), parser
 * refusals answered in the API envelope, client disconnects kept out of the log. `stop()` closes the
 * listener and every open connection at once, so a test suite never waits for keep-alive sockets.
 * Binding beyond loopback requires an operator token: the operator endpoints can read the truth and
 * take the API down.
 */
import {
  apiEnvelope,
  DEFAULT_MAX_HEADER_SIZE,
  isLoopbackHost,
  type ListenAddress,
  serve,
} from "@goatkit/server";
import { buildSandbox, type SandboxKeys } from "./app.js";
import type { DriftManifest } from "./drift/manifest.js";
import type { SandboxOptions } from "./options.js";
import type { FaultInput, FaultSettings } from "./state/faults.js";
import type { RequestCounts } from "./state/request-log.js";
import type { SandboxState } from "./state/sandbox-state.js";
import type { PlantedTruth } from "./world/types.js";

export interface StartOptions extends SandboxOptions {
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  /**
   * Interface to bind (default 127.0.0.1). Anything but loopback exposes the operator endpoints, so it
   * needs `operatorToken`.
   */
  host?: string;
  /** Largest request line plus headers in bytes (default 16 KiB); larger ones answer 431. */
  maxHeaderSize?: number;
}

/** A taken port: `serve()` rejects with it (re-exported so callers need not depend on @goatkit/server). */
export { PortInUseError } from "@goatkit/server";

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
  /** What drift mode changes in responses (`{ enabled: false, changes: [] }` without `drift`). */
  driftManifest: DriftManifest;
  stop(): Promise<void>;
}

/** Why `startSandbox` refuses to bind `host` without an operator token (null when it may). */
export function operatorTokenRequired(host: string, operatorToken: string | undefined): string | null {
  if (operatorToken !== undefined || isLoopbackHost(host)) return null;
  return (
    `Binding to ${host} exposes the operator endpoints (/__sandbox: the planted truth, fault switches) ` +
    "beyond this machine. Set an operator token (--operator-token or GOATKIT_SANDBOX_OPERATOR_TOKEN, " +
    "at least 16 characters), or keep the default --host 127.0.0.1."
  );
}

export async function startSandbox(options: StartOptions = {}): Promise<RunningSandbox> {
  const host = options.host ?? "127.0.0.1";
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new TypeError(`port must be 0–65535, got ${port}`);
  const maxHeaderSize = options.maxHeaderSize ?? DEFAULT_MAX_HEADER_SIZE;
  if (!Number.isSafeInteger(maxHeaderSize) || maxHeaderSize < 1024) {
    throw new TypeError(`maxHeaderSize must be an integer of at least 1024 bytes, got ${maxHeaderSize}`);
  }
  const refusal = operatorTokenRequired(host, options.operatorToken);
  if (refusal) throw new TypeError(refusal);

  let listening: ListenAddress | undefined;
  const sandbox = buildSandbox(options, { listening: () => listening });
  const logErrors = options.logErrors ?? true;
  const server = await serve({
    fetch: sandbox.app.fetch,
    formatError: apiEnvelope,
    host,
    port,
    maxHeaderSize,
    onError: (err) => {
      if (logErrors) console.error("[goatkit-sandbox] unexpected error:", err);
    },
  });
  listening = { host, port: server.port };

  return {
    url: `${server.origin}/api/v1`,
    origin: server.origin,
    port: server.port,
    keys: sandbox.keys,
    truth: sandbox.truth,
    state: sandbox.state,
    requests: sandbox.requests,
    resetRequests: sandbox.resetRequests,
    setFaults: sandbox.setFaults,
    driftManifest: sandbox.driftManifest,
    stop: () => server.close(),
  };
}
