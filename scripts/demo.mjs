#!/usr/bin/env node
// `npm start` until the terminal UI lands: runs goatkit's workflows against the embedded sandbox (or the
// real API when TRACKAGOAT_API_KEY is set) and prints the reports as markdown. Progress goes to stderr.
import {
  createClient,
  formatProgress,
  getWorkflow,
  isTrackagoatError,
  isWorkflowParamsError,
  ResponseCache,
} from "@goatkit/core";
import { startSandbox } from "@goatkit/sandbox";

const say = (msg) => process.stderr.write(`${msg}\n`);
// On a terminal, progress rewrites one line; in a log, only phase changes are printed.
let lastPhase = "";
const progress = (line) => {
  if (process.stderr.isTTY) process.stderr.write(`\r\x1b[2K  … ${line}`);
  else if (!line.startsWith(lastPhase) || !lastPhase) say(`  … ${line}`);
  lastPhase = line.split(",")[0];
  if (line.includes(": done")) {
    if (process.stderr.isTTY) process.stderr.write("\n");
    lastPhase = "";
  }
};

const cancel = new AbortController();
process.once("SIGINT", () => {
  say("\ngoatkit: cancelling…");
  cancel.abort(new Error("cancelled (Ctrl-C)"));
});

async function main() {
  let sandbox;
  let client;
  if (process.env.TRACKAGOAT_API_KEY) {
    say("goatkit: using the trackagoat API (TRACKAGOAT_API_KEY is set)");
    client = createClient();
  } else {
    sandbox = await startSandbox({ seed: 42, scale: "small", rateLimit: false });
    say(`goatkit: no TRACKAGOAT_API_KEY set, so using the embedded sandbox at ${sandbox.url}`);
    client = createClient({ apiKey: sandbox.keys.readWrite, baseUrl: sandbox.url, rateLimit: false });
  }
  try {
    const { data: projects } = await client.projects.list();
    const project = projects[0];
    if (!project) {
      say("This organisation has no projects yet.");
      return;
    }
    say(`goatkit: analysing project "${project.name}"… (Ctrl-C cancels)`);
    // One cache for the whole demo: the project's lists are fetched once, however many workflows read them.
    const options = {
      onProgress: (event) => progress(formatProgress(event)),
      signal: cancel.signal,
      cache: new ResponseCache(),
    };
    const show = async (name, params) => {
      const workflow = getWorkflow(name);
      console.log(workflow.markdown(await workflow.run(client, params, options)));
    };

    await show("program_health", { project_id: project.id });
    await show("underperforming_creators", { project_id: project.id, limit: 8 });
    const campaigns = await client.campaigns.list(
      { project_id: project.id, limit: 100 },
      { signal: cancel.signal },
    );
    const campaign = campaigns.data[0];
    if (campaign) await show("campaign_performance", { campaign_id: campaign.id, project_id: project.id });
    say(`goatkit: done (${client.requestCount} API requests).`);
  } finally {
    await sandbox?.stop();
  }
}

main().catch((err) => {
  if (cancel.signal.aborted) say("goatkit: cancelled.");
  else if (isWorkflowParamsError(err)) say(`goatkit: ${err.message}`);
  else if (isTrackagoatError(err))
    say(`goatkit: the API answered ${err.status} ${err.code ?? ""}: ${err.message}`);
  else say(`goatkit: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
