/**
 * The CLI's graceful shutdown, on SIGTERM or SIGINT: `/readyz` answers 503 at once (load balancers stop
 * sending); after `--drain-delay` the proxy stops accepting connections; requests in flight (a long
 * derived run, a paced wait) and background refreshes get up to `--shutdown-timeout` to finish, then
 * what is left is cut; the store (SQLite) and the demo sandbox are closed; each step is logged. A second
 * signal exits at once with code 130.
 * @module
 */
import type { Logger } from "pino";
import type { RunningProxy } from "./server.js";

/** A second SIGTERM/SIGINT while draining: exit now, as an interrupted command does. */
export const EXIT_INTERRUPTED = 130;

export interface ShutdownOptions {
  proxy: RunningProxy;
  logger: Logger;
  /** How long requests in flight and background refreshes may take, ms, once no longer accepting. */
  timeoutMs: number;
  /** How long to keep serving (with `/readyz` 503) before no longer accepting, ms. */
  delayMs: number;
  /** Closed after the proxy, in order (the store, the demo sandbox); a failure is logged, not fatal. */
  closers?: readonly { name: string; close: () => Promise<unknown> }[];
}

export interface ShutdownReport {
  /** Requests still in flight at the bound, whose connections were cut. */
  cut: number;
  /** Background refreshes still running at the bound (abandoned; their stale entries stay). */
  backgroundAbandoned: boolean;
  durationMs: number;
}

export async function shutdownGracefully(options: ShutdownOptions, signal: string): Promise<ShutdownReport> {
  const { proxy, logger, timeoutMs, delayMs } = options;
  const started = performance.now();
  proxy.drain();
  logger.info(
    { signal, inFlight: proxy.inFlight, drainDelayMs: delayMs, shutdownTimeoutMs: timeoutMs },
    "shutting down: draining (readyz answers 503)",
  );
  if (delayMs > 0) await sleep(delayMs);

  let cut = 0;
  const cutTimer = setTimeout(() => {
    cut = proxy.inFlight;
    void proxy.close();
  }, timeoutMs);
  // Stops accepting now; resolves once every connection is closed and background refreshes are done.
  const closed = proxy.close({ graceMs: Number.POSITIVE_INFINITY }).then(() => true);
  logger.info({ inFlight: proxy.inFlight }, "no longer accepting connections");
  let boundTimer: ReturnType<typeof setTimeout> | undefined;
  const bound = new Promise<false>((resolve) => {
    // Past the cut, only background refreshes can still hold things up: they are not waited for.
    boundTimer = setTimeout(() => resolve(false), timeoutMs + 250);
  });
  const done = await Promise.race([closed, bound]);
  clearTimeout(cutTimer);
  clearTimeout(boundTimer);

  for (const closer of options.closers ?? []) {
    try {
      await closer.close();
      logger.info(`closed the ${closer.name}`);
    } catch (err) {
      logger.error({ err }, `closing the ${closer.name} failed`);
    }
  }
  const report = { cut, backgroundAbandoned: !done, durationMs: Math.round(performance.now() - started) };
  if (cut > 0 || !done) logger.warn(report, "stopped: the shutdown timeout cut work in flight");
  else logger.info(report, "stopped");
  return report;
}

/**
 * Runs `shutdown` on the first SIGTERM or SIGINT and exits 0 when it is done (1 if it threw); a second
 * signal exits {@link EXIT_INTERRUPTED} at once.
 */
export function onShutdownSignals(logger: Logger, shutdown: (signal: string) => Promise<unknown>): void {
  let started = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (started) {
      logger.warn({ signal }, "second signal: exiting at once");
      process.exit(EXIT_INTERRUPTED);
    }
    started = true;
    shutdown(signal).then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
