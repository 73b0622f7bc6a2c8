/**
 * A sandbox and a proxy in front of it, both on real ports, for tests over HTTP. The sandbox runs a tiny
 * world at a fixed instant with its own limits off (tests count upstream requests, they do not wait for
 * them); its request counters start at zero once both are up, so `upstreamCount()` is what the proxy sent.
 */
import type { CacheStore } from "@goatkit/core";
import { type RunningSandbox, type StartOptions, startSandbox } from "@goatkit/sandbox";
import { type RunningProxy, type StartProxyOptions, startProxy } from "../server.js";

export const SANDBOX_NOW = "2026-03-15T12:00:00.000Z";

export interface Harness {
  sandbox: RunningSandbox;
  proxy: RunningProxy;
  /** A request through the proxy with a key (default org A's read/write one). */
  call(path: string, init?: RequestInit & { key?: string | null }): Promise<Response>;
  /** Requests the sandbox received since the harness started (or since `resetUpstream()`). */
  upstreamCount(route?: string): number;
  resetUpstream(): void;
  stop(): Promise<void>;
}

export async function startHarness(
  options: { sandbox?: StartOptions; proxy?: StartProxyOptions; store?: CacheStore } = {},
): Promise<Harness> {
  const sandbox = await startSandbox({
    seed: 42,
    scale: "tiny",
    now: SANDBOX_NOW,
    rateLimit: false,
    dailyQuota: false,
    logErrors: false,
    ...options.sandbox,
  });
  const proxy = await startProxy({ upstream: sandbox.url, rateLimit: false, ...options.proxy });
  sandbox.resetRequests();
  return {
    sandbox,
    proxy,
    call: (path, init = {}) => {
      const { key = sandbox.keys.readWrite, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (key !== null) headers.set("authorization", `Bearer ${key}`);
      return fetch(`${proxy.url}${path}`, { ...rest, headers });
    },
    upstreamCount: (route) => {
      const counts = sandbox.requests();
      return route === undefined ? counts.total : (counts.byRoute[route] ?? 0);
    },
    resetUpstream: () => sandbox.resetRequests(),
    stop: async () => {
      await proxy.close();
      await sandbox.stop();
    },
  };
}
