#!/usr/bin/env node
// `npm start` until the terminal UI lands: runs goatkit's workflows against the embedded sandbox (or the
// real API when TRACKAGOAT_API_KEY is set) and prints the reports as markdown. Progress goes to stderr.
import {
  analyzeCampaign,
  createClient,
  findUnderperformingCreators,
  formatProgress,
  isTrackagoatError,
  programHealth,
  renderMarkdown,
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
    say(`goatkit: analysing project "${project.name}"…`);
    const onProgress = (event) => progress(formatProgress(event));

    const underperformers = await findUnderperformingCreators(client, {
      project_id: project.id,
      limit: 8,
      onProgress,
    });
    console.log(renderMarkdown(underperformers));

    const campaigns = await client.campaigns.list({ project_id: project.id, limit: 100 });
    const campaign = campaigns.data[0];
    if (campaign) {
      const report = await analyzeCampaign(client, {
        campaign_id: campaign.id,
        project_id: project.id,
        onProgress,
      });
      console.log(renderMarkdown(report));
    }

    const health = await programHealth(client, { project_id: project.id, onProgress });
    console.log(renderMarkdown(health));
    say(`goatkit: done (${client.requestCount} API requests).`);
  } finally {
    await sandbox?.stop();
  }
}

main().catch((err) => {
  if (isTrackagoatError(err))
    say(`goatkit: the API answered ${err.status} ${err.code ?? ""}: ${err.message}`);
  else say(`goatkit: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
