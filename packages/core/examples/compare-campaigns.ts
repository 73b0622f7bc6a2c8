/** Compare every campaign of a project over the same 30 days, normalised by days active and creators. */
import { renderMarkdown, runCampaignComparison } from "../src/index.js";
import { connect } from "./_connect.js";

const { tg, asOf, close } = await connect();
const project = (await tg.projects.list()).data[0]!;
const report = await runCampaignComparison(tg, { project_id: project.id, as_of: asOf });
console.log(renderMarkdown(report));
await close();
