/**
 * Cancellation: a signal reaches every request and every wait of a run; after the abort no request is
 * sent (counted at the sandbox) and the run rejects with the signal's own reason.
 */
import { describe, expect, it } from "vitest";
import { createClient } from "../../client/index.js";
import { withSandbox } from "../../test-helpers/sandbox.js";
import type { ProgressEvent } from "../progress.js";
import { getWorkflow } from "./catalogue.js";

const sandbox = withSandbox();
const settle = () => new Promise((r) => setTimeout(r, 300));

async function firstProject(): Promise<string> {
  return (await sandbox().client.projects.list()).data[0]!.id;
}

describe("signal", () => {
  it("stops a run mid-fetch: no request after the abort, rejected with the reason", async () => {
    const h = sandbox();
    const project_id = await firstProject();
    const client = h.newClient();
    h.sandbox.resetRequests();
    const controller = new AbortController();
    const reason = new Error("cancelled by the user");
    let sentAtAbort = -1;
    const run = getWorkflow("program_health").run(
      client,
      { project_id },
      {
        signal: controller.signal,
        onProgress: (e) => {
          if (e.phase === "fetch" && e.resource === "videos" && sentAtAbort < 0) {
            sentAtAbort = client.requestCount;
            controller.abort(reason);
          }
        },
      },
    );
    await expect(run).rejects.toBe(reason);
    await settle();
    expect(sentAtAbort).toBeGreaterThan(0);
    expect(client.requestCount).toBe(sentAtAbort);
    expect(h.sandbox.requests().total).toBe(sentAtAbort);
  });

  it("sends nothing when the signal is already aborted", async () => {
    const h = sandbox();
    const project_id = await firstProject();
    h.sandbox.resetRequests();
    const signal = AbortSignal.abort(new Error("too late"));
    await expect(
      getWorkflow("underperforming_creators").run(h.newClient(), { project_id }, { signal }),
    ).rejects.toThrow("too late");
    expect(h.sandbox.requests().total).toBe(0);
  });

  it("interrupts a rate-limit wait at once", async () => {
    const h = sandbox();
    const project_id = await firstProject();
    // Two requests a minute: the third request of the run waits for the window, and is aborted there.
    const client = createClient({
      apiKey: h.sandbox.keys.readWrite,
      baseUrl: h.sandbox.url,
      rateLimit: { requests: 2, windowMs: 60_000 },
      maxRetries: 0,
    });
    h.sandbox.resetRequests();
    const controller = new AbortController();
    const events: ProgressEvent[] = [];
    const run = getWorkflow("program_health").run(
      client,
      { project_id },
      { signal: controller.signal, onProgress: (e) => events.push(e) },
    );
    await new Promise((r) => setTimeout(r, 500));
    const started = performance.now();
    controller.abort(new Error("stop waiting"));
    await expect(run).rejects.toThrow("stop waiting");
    expect(performance.now() - started).toBeLessThan(200);
    await settle();
    expect(h.sandbox.requests().total).toBe(2);
    const wait = events.find((e) => e.phase === "wait");
    expect(wait).toMatchObject({ workflow: "program_health", reason: "rate_limit" });
    expect(wait!.seconds).toBeGreaterThan(50);
  });
});
