/** Analyse one campaign: totals, pacing, concentration, target progress. */
import { renderMarkdown, runCampaignPerformance } from "../src/index.js";
import { connect } from "./_connect.js";

const { tg, asOf, close } = await connect();
const project = (await tg.projects.list()).data[0]!;
const campaigns = await tg.campaigns.list({ project_id: project.id, limit: 100 }).toArray();
// The campaign with a view target, if any: it shows the target projection too.
const campaign = campaigns.find((c) => c.target_views !== null) ?? campaigns[0]!;

const report = await runCampaignPerformance(tg, {
  campaign_id: campaign.id,
  project_id: project.id,
  as_of: asOf,
});
console.log(renderMarkdown(report));
console.log(JSON.stringify({ totals: report.totals, target: report.target }, null, 2));
await close();
