/**
 * `checkParity(client)`: a read-only tour of the API (at most 25 HTTP requests, retries included) that
 * validates every answer with the strict readers and reports where the API differs from goatkit's
 * contract, so a user with a real key can tell us what reality looks like. It reads one page of each
 * list and one record of each kind from one project; what that cannot show is listed as not checked.
 * @module
 */
import type { TrackagoatClient } from "../client/create-client.js";
import { redactUrl } from "../client/redact.js";
import { otherGeneration, READ_ONLY_BLIND_SPOTS } from "./not-checked.js";
import type { ParityReport } from "./report.js";
import { firstId, PARITY_REQUEST_BUDGET, type ParityOptions, ParityRun } from "./run.js";
import { checkAnalytics, checkGoals, checkLists, checkPayouts, checkSpecs, checkStats } from "./tour.js";

export { PARITY_REQUEST_BUDGET, type ParityOptions } from "./run.js";

/**
 * Checks where the API differs from goatkit's contract, with at most 25 read-only requests. Differences
 * are reported, not thrown; a network failure, an invalid key or an abort rejects.
 *
 * @example
 * const report = await checkParity(createClient());
 * console.log(renderParityMarkdown(report)); // paste into a bug report
 * process.exitCode = report.differences.length ? 1 : 0;
 */
export async function checkParity(
  client: TrackagoatClient,
  options: ParityOptions = {},
): Promise<ParityReport> {
  try {
    return await runParity(client, options);
  } catch (err) {
    // Whatever a request made of the abort, the caller gets its own reason (as from a workflow).
    if (options.signal?.aborted) throw options.signal.reason;
    throw err;
  }
}

async function runParity(client: TrackagoatClient, options: ParityOptions): Promise<ParityReport> {
  const run = new ParityRun(client, options);
  const projects = await run.list("GET /projects", "project", "/projects", { limit: 100 }, "optional");
  const projectId = options.projectId ?? firstId(projects);
  const project = projects?.find((p) => p.id === projectId);
  if (projectId === undefined) {
    run.notChecked.push({ what: "Every route below /projects", why: "the org has no project to sample" });
  } else {
    const sample = await checkLists(run, projectId);
    await checkStats(run, sample);
    await checkAnalytics(run, sample);
    await checkGoals(run, projectId, sample);
    await checkPayouts(run, projectId);
  }
  await checkSpecs(run);
  await run.errorProbe();

  options.onProgress?.({ workflow: "parity", phase: "done", requests: run.sent });
  const validated = run.checks.filter(
    (c) => c.outcome === "matches" || c.outcome === "differs" || c.outcome === "gone",
  );
  const differences = [...run.differences].sort(
    (a, b) => a.route.localeCompare(b.route) || a.path.localeCompare(b.path) || a.kind.localeCompare(b.kind),
  );
  return {
    kind: "parity",
    generated_at: new Date().toISOString(),
    base_url: redactUrl(client.baseUrl),
    api_generation: run.generation,
    project:
      projectId === undefined
        ? null
        : { id: projectId, name: typeof project?.name === "string" ? project.name : null },
    request_budget: PARITY_REQUEST_BUDGET,
    request_count: run.sent,
    differences,
    checks: run.checks,
    not_checked: [otherGeneration(run.generation), ...READ_ONLY_BLIND_SPOTS, ...run.notChecked],
    summary: {
      differences: differences.length,
      routes_checked: validated.length,
      routes_not_checked: run.checks.length - validated.length,
      matches_contract: differences.length === 0 && validated.length === run.checks.length,
    },
  };
}
