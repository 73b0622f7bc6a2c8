/** What works in a campaign: top/bottom videos, outliers, posting slots, creators. */
import { renderMarkdown, runCampaignContent } from "../src/index.js";
import { connect } from "./_connect.js";

const { tg, asOf, close } = await connect();
const project = (await tg.projects.list()).data[0]!;
const campaign = (await tg.campaigns.list({ project_id: project.id })).data[0]!;
const report = await runCampaignContent(tg, {
  campaign_id: campaign.id,
  project_id: project.id,
  as_of: asOf,
});
console.log(renderMarkdown(report));
await close();
