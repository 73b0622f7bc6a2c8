/**
 * Cancellation: the client's cancel reaches core's signal, so a workflow that is paging stops sending
 * requests upstream. The server runs without a cache (so a cancelled run and a full run are comparable)
 * and the sandbox is slowed by its latency fault; checked by events (the first progress notification,
 * the sandbox's request counter), not by wall-clock bounds.
 */
import { expect, it } from "vitest";
import { withMcp } from "./test-helpers/harness.js";

const h = withMcp({ server: { cache: false } });
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

it("stops the workflow's upstream requests when the client cancels", async () => {
  const project = h().sb.sandbox.state.world.projects.find(
    (p) => p.org_id === h().sb.sandbox.state.world.orgs[0]!.id,
  )!;
  const full = await h().call("program_health", { project_id: project.id });
  const fullRequests = (full.structured.meta as { request_count: number }).request_count;
  expect(fullRequests).toBeGreaterThan(10);

  h().sb.sandbox.setFaults({ latencyMs: 150 });
  const start = h().sb.sandbox.requests().total;
  const controller = new AbortController();
  let firstProgress!: () => void;
  const progressed = new Promise<void>((resolve) => {
    firstProgress = resolve;
  });
  const call = h().call(
    "program_health",
    { project_id: project.id },
    { signal: controller.signal, onprogress: () => firstProgress() },
  );
  await progressed;
  controller.abort("user cancelled");
  await expect(call).rejects.toThrow();
  // Requests already in flight may still land; after that the count must stand still.
  await pause(400);
  const settled = h().sb.sandbox.requests().total;
  await pause(600);
  expect(h().sb.sandbox.requests().total).toBe(settled);
  expect(settled - start).toBeLessThan(fullRequests);
  h().sb.sandbox.setFaults({ latencyMs: 0 });
  expect(h().logs).toEqual([]);
});
