/**
 * checkParity over real HTTP against the sandbox: nothing on a normal sandbox (either generation),
 * exactly the observable part of the drift manifest on a drifted one, never more than 25 requests
 * (counted by the sandbox, retries included), cancellation, and no key in what it prints.
 */
import type { DriftChange } from "@goatkit/sandbox";
import { describe, expect, it } from "vitest";
import { AbortError } from "../client/errors.js";
import { startTestSandbox, withSandbox } from "../test-helpers/sandbox.js";
import type { ProgressEvent } from "../workflows/progress.js";
import { checkParity, PARITY_REQUEST_BUDGET } from "./check.js";
import { renderParityMarkdown } from "./markdown.js";
import { type ParityDifference, ParityReport } from "./report.js";

/** Whether a manifest change accounts for a reported difference. */
function explains(m: DriftChange, d: ParityDifference): boolean {
  if (!m.routes.includes(d.route)) return false;
  switch (m.kind) {
    case "renamed":
      return (
        (d.kind === "missing_field" && d.path === m.field) ||
        (d.kind === "extra_field" && d.path === m.renamed_to)
      );
    case "dropped":
      return d.kind === "missing_field" && d.path === m.field;
    case "unknown_enum":
      return d.kind === "unknown_enum" && d.path === m.field && d.example.includes(JSON.stringify(m.value));
    case "shape":
      return (
        d.kind !== "envelope" &&
        (m.field === "" ||
          d.path === m.field ||
          d.path.startsWith(`${m.field}.`) ||
          d.path.startsWith(`${m.field}[]`))
      );
  }
}

/** A manifest change is found when the report shows it (a rename: both its halves). */
function found(m: DriftChange, differences: readonly ParityDifference[]): boolean {
  const shown = differences.filter((d) => explains(m, d));
  if (m.kind === "renamed") {
    return shown.some((d) => d.kind === "missing_field") && shown.some((d) => d.kind === "extra_field");
  }
  return shown.length > 0;
}

const show = (ds: readonly ParityDifference[]) =>
  ds.map((d) => `${d.route} ${d.kind} ${d.path} (${d.example})`);

describe("on a normal sandbox", () => {
  const sandbox = withSandbox({ scale: "tiny" });

  it("reports nothing, validates every planned route, and stays within the budget", async () => {
    const h = sandbox();
    h.sandbox.resetRequests();
    const report = await checkParity(h.newClient());
    expect(show(report.differences)).toEqual([]);
    expect(ParityReport.parse(report)).toEqual(report);
    expect(report.api_generation).toBe("legacy");
    expect(report.checks.map((c) => c.outcome).filter((o) => o !== "matches")).toEqual([]);
    expect(report.summary).toMatchObject({ differences: 0, routes_not_checked: 0, matches_contract: true });
    // The sandbox counted what the report says, and it is within the promise.
    expect(report.request_count).toBe(h.sandbox.requests().total);
    expect(report.request_count).toBeLessThanOrEqual(PARITY_REQUEST_BUDGET);
    // Read-only: every request was a GET.
    expect(Object.keys(h.sandbox.requests().byRoute).every((r) => r.startsWith("GET "))).toBe(true);
    // What a read-only run cannot see is said, not implied.
    expect(report.not_checked.map((n) => n.what).join("\n")).toMatch(/Writes/);
    expect(report.not_checked.map((n) => n.what).join("\n")).toMatch(/410 Gone/);
  });

  it("samples the project it is given, and reports routes it could not read as not checked", async () => {
    const h = sandbox();
    const report = await checkParity(h.newClient(), { projectId: "00000000-0000-4000-8000-00000000beef" });
    expect(report.project).toEqual({ id: "00000000-0000-4000-8000-00000000beef", name: null });
    const creators = report.checks.find((c) => c.route === "GET /creators");
    expect(creators).toMatchObject({ outcome: "error", status: 404 });
    expect(report.summary.matches_contract).toBe(false);
    expect(report.not_checked.some((n) => n.what === "The answers of GET /creators")).toBe(true);
  });

  it("reports progress per route and stops at once when aborted, with the signal's reason", async () => {
    const h = sandbox();
    const events: ProgressEvent[] = [];
    await checkParity(h.newClient(), { onProgress: (e) => events.push(e) });
    expect(events[0]).toMatchObject({ workflow: "parity", phase: "fetch", resource: "GET /projects" });
    expect(events.at(-1)?.phase).toBe("done");

    const client = h.newClient();
    const controller = new AbortController();
    const reason = new Error("stop");
    h.sandbox.resetRequests();
    const run = checkParity(client, {
      signal: controller.signal,
      onProgress: (e) => {
        if (e.resource === "GET /videos") controller.abort(reason);
      },
    });
    await expect(run).rejects.toBe(reason);
    expect(h.sandbox.requests().total).toBe(2); // projects, creators
  });

  it("the markdown never carries the key", async () => {
    const h = sandbox();
    const report = await checkParity(h.newClient());
    const text = renderParityMarkdown(report);
    expect(text).not.toContain(h.sandbox.keys.readWrite);
    expect(text).not.toContain(h.sandbox.keys.readWrite.slice(4, 20));
    expect(text).toMatch(/No differences found/);
  });
});

describe("the request budget", () => {
  it("holds with retries: a flaky API never gets more than 25 requests", async () => {
    const h = await startTestSandbox({ scale: "tiny", faults: { errorRate: 0.6, seed: 7 } });
    try {
      const report = await checkParity(h.newClient(undefined, { maxRetries: 2 }));
      expect(h.sandbox.requests().total).toBeLessThanOrEqual(PARITY_REQUEST_BUDGET);
      expect(report.request_count).toBe(h.sandbox.requests().total);
      // Failing routes are not passed off as matching.
      expect(report.checks.some((c) => c.outcome === "error" || c.outcome === "skipped")).toBe(true);
      expect(report.summary.matches_contract).toBe(false);
    } finally {
      await h.sandbox.stop();
    }
  });
});

describe("on the current generation", () => {
  const sandbox = withSandbox({ scale: "tiny", apiGeneration: "current" });

  it("reports nothing, and checks the 410 bodies of the stats routes instead", async () => {
    const report = await checkParity(sandbox().newClient());
    expect(show(report.differences)).toEqual([]);
    expect(report.api_generation).toBe("current");
    const stats = report.checks.filter((c) => c.route.endsWith("/stats"));
    expect(stats.map((c) => c.outcome)).toEqual(["gone", "gone", "gone"]);
    expect(report.not_checked[0]?.why).toMatch(/410/);
  });
});

describe.each(["legacy", "current"] as const)("on a drifted sandbox (%s)", (apiGeneration) => {
  const sandbox = withSandbox({ scale: "tiny", drift: true, apiGeneration });

  it("reports exactly the observable part of the manifest", async () => {
    const h = sandbox();
    const report = await checkParity(h.newClient());
    const { changes } = h.sandbox.driftManifest;
    const observable = changes.filter((c) => c.observable_read_only);
    expect(observable.length).toBeGreaterThan(0);
    expect(changes.length).toBeGreaterThan(observable.length);

    const missed = observable.filter((m) => !found(m, report.differences));
    expect(missed.map((m) => `${m.route} ${m.kind} ${m.field}`)).toEqual([]);
    const unexplained = report.differences.filter((d) => !observable.some((m) => explains(m, d)));
    expect(show(unexplained)).toEqual([]);
    expect(report.summary.matches_contract).toBe(false);
    expect(report.request_count).toBeLessThanOrEqual(PARITY_REQUEST_BUDGET);
  });
});

it("an aborted run rejects before sending when the signal is already aborted", async () => {
  const h = await startTestSandbox({ scale: "tiny" });
  try {
    h.sandbox.resetRequests();
    const run = checkParity(h.newClient(), { signal: AbortSignal.abort() });
    await expect(run).rejects.toBeInstanceOf(Error);
    await run.catch((err) => expect(err).not.toBeInstanceOf(AbortError));
    expect(h.sandbox.requests().total).toBe(0);
  } finally {
    await h.sandbox.stop();
  }
});
