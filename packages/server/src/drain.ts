/**
 * Graceful close for an `http.Server`: stop accepting, let the requests in flight finish within a bound,
 * then cut what is left. Node's own `server.close()` leaves a keep-alive connection open after its
 * response (until the keep-alive timeout) and answers it `Connection: keep-alive`, so a drain tracks the
 * responses in flight, answers them (and anything still arriving on an open connection) with
 * `Connection: close`, and closes each connection as it goes idle.
 * @module
 */
import type { Server, ServerResponse } from "node:http";

export interface InFlight {
  /** Requests received whose response has not finished. */
  readonly size: number;
  /**
   * Stops listening and resolves once every connection is closed: in-flight responses get up to
   * `graceMs`, then the remaining connections are cut (`0`: cut at once). A later call with a smaller
   * bound shortens the wait.
   */
  drain(graceMs: number): Promise<void>;
}

/** Starts tracking `server`'s requests; call before it serves any. */
export function trackInFlight(server: Server): InFlight {
  const active = new Set<ServerResponse>();
  let draining: Promise<void> | undefined;
  let deadline = Number.POSITIVE_INFINITY;
  let timer: ReturnType<typeof setTimeout> | undefined;

  server.on("request", (_req, res: ServerResponse) => {
    active.add(res);
    if (draining) res.shouldKeepAlive = false;
    res.once("close", () => {
      active.delete(res);
      // A response whose headers went out as keep-alive leaves an idle socket behind: close it now.
      if (draining) setImmediate(() => server.closeIdleConnections());
    });
  });

  const cutAt = (graceMs: number) => {
    const at = performance.now() + Math.max(0, graceMs);
    if (at >= deadline) return;
    deadline = at;
    clearTimeout(timer);
    if (graceMs <= 0) server.closeAllConnections();
    else timer = setTimeout(() => server.closeAllConnections(), graceMs).unref();
  };

  return {
    get size() {
      return active.size;
    },
    drain(graceMs) {
      if (!draining) {
        for (const res of active) if (!res.headersSent) res.shouldKeepAlive = false;
        draining = new Promise<void>((resolve) => {
          server.close(() => {
            clearTimeout(timer);
            resolve();
          });
        });
        server.closeIdleConnections();
      }
      cutAt(graceMs);
      return draining;
    },
  };
}
