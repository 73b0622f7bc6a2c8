/**
 * Graceful shutdown in process, over real HTTP: requests in flight (a paced wait, a derived workflow run)
 * finish while `/readyz` answers 503, and past the bound what is left is cut and reported. The CLI's
 * signal handling is tested on the real process in `cli-shutdown.test.ts`.
 */
import type { DestinationStream } from "pino";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createLogger } from "./observability/logger.js";
import { shutdownGracefully } from "./shutdown.js";
import { type Harness, startHarness } from "./test-helpers/harness.js";
import { sampleValue } from "./test-helpers/prom-text.js";

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function harness(options: Parameters<typeof startHarness>[0] = {}): Promise<Harness> {
  const h = await startHarness(options);
  cleanups.push(() => h.stop());
  return h;
}

function capturedLogger() {
  const lines: string[] = [];
  const destination: DestinationStream = { write: (line: string) => void lines.push(line) };
  return {
    logger: createLogger({ destination }),
    messages: () => lines.map((l) => (JSON.parse(l) as { msg: string }).msg),
    records: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

/** A `fetch` for upstream that holds requests whose URL matches (once armed) until `release()`. */
function gatedFetch(match: RegExp, armed = true) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  let arrived!: () => void;
  const started = new Promise<void>((resolve) => {
    arrived = resolve;
  });
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (armed && match.test(url)) {
      arrived();
      await gate;
    }
    return globalThis.fetch(input, init);
  };
  return {
    fetch,
    started,
    release,
    arm: () => {
      armed = true;
    },
  };
}

describe("shutdownGracefully", () => {
  it("a request waiting for its key's pacing slot finishes; readyz answers 503 meanwhile", async () => {
    const h = await harness({ proxy: { rateLimit: { requests: 1, windowMs: 1_000 }, maxWaitMs: 5_000 } });
    await (await h.call("/projects")).text();
    const waiting = h.call("/creators");
    await vi.waitFor(() => expect(h.proxy.inFlight).toBe(1));
    const log = capturedLogger();
    const stopping = shutdownGracefully(
      { proxy: h.proxy, logger: log.logger, timeoutMs: 10_000, delayMs: 0 },
      "SIGTERM",
    );
    const readyz = await h.proxy.app.request(`${h.proxy.origin}/readyz`);
    expect(readyz.status).toBe(503);
    expect(await readyz.json()).toMatchObject({ data: { status: "draining" }, meta: { code: "not_ready" } });
    const res = await waiting;
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-status")).toBe("goatkit; fwd=miss; stored");
    expect(await stopping).toMatchObject({ cut: 0, backgroundAbandoned: false });
    // It did wait for its slot (the pacer saw one wait), and was not refused.
    const metrics = await h.proxy.metrics!.text();
    expect(sampleValue(metrics, "goatkit_proxy_pacer_wait_seconds_count")).toBe(1);
    expect(sampleValue(metrics, "goatkit_proxy_pacer_refusals_total")).toBe(0);
    expect(log.messages()).toEqual([
      "shutting down: draining (readyz answers 503)",
      "no longer accepting connections",
      "stopped",
    ]);
  });

  it("a derived workflow run in flight finishes with its report; new connections are refused", async () => {
    // Every upstream request of the run is held, from its first.
    const gated = gatedFetch(/./, false);
    const h = await harness({ proxy: { fetch: gated.fetch } });
    const projects = (await (await h.call("/projects")).json()) as { data: { id: string }[] };
    gated.arm();
    const run = fetch(
      `${h.proxy.origin}/goatkit/v1/program_health?project_id=${projects.data[0]!.id}&range=last_7_days`,
      { headers: { authorization: `Bearer ${h.sandbox.keys.readWrite}` } },
    );
    await gated.started;
    const log = capturedLogger();
    const stopping = shutdownGracefully(
      { proxy: h.proxy, logger: log.logger, timeoutMs: 10_000, delayMs: 0 },
      "SIGINT",
    );
    await expect(fetch(`${h.proxy.origin}/healthz`)).rejects.toThrow();
    gated.release();
    const res = await run;
    expect(res.status).toBe(200);
    expect(((await res.json()) as { data: { kind: string } }).data.kind).toBe("program_health");
    expect((await stopping).cut).toBe(0);
  });

  it("past the timeout what is still in flight is cut, the closers still run, and the log says so", async () => {
    const gated = gatedFetch(/\/creators/);
    const h = await harness({ proxy: { fetch: gated.fetch } });
    cleanups.push(async () => gated.release());
    const held = h.call("/creators");
    await gated.started;
    const log = capturedLogger();
    const closed: string[] = [];
    const report = await shutdownGracefully(
      {
        proxy: h.proxy,
        logger: log.logger,
        timeoutMs: 100,
        delayMs: 0,
        closers: [
          { name: "cache store", close: async () => closed.push("store") },
          {
            name: "demo sandbox",
            close: async () => {
              throw new Error("already gone");
            },
          },
        ],
      },
      "SIGTERM",
    );
    await expect(held).rejects.toThrow();
    expect(report.cut).toBe(1);
    expect(closed).toEqual(["store"]);
    const records = log.records();
    expect(records.find((r) => r.msg === "closing the demo sandbox failed")).toMatchObject({ level: 50 });
    expect(records.at(-1)).toMatchObject({
      level: 40,
      cut: 1,
      msg: "stopped: the shutdown timeout cut work in flight",
    });
  });
});
