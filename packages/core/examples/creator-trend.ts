/**
 * One creator's trend, on the current API generation: the stats route answers 410, and the workflow
 * falls back to /analytics (the report says so in its caveats and `api_generation`).
 */
import { renderMarkdown, runCreatorTrend } from "../src/index.js";
import { connect } from "./_connect.js";

const { tg, asOf, close } = await connect({ apiGeneration: "current" });
const project = (await tg.projects.list()).data[0]!;
const creator = (await tg.creators.list({ project_id: project.id })).data[0]!;
const report = await runCreatorTrend(tg, { creator_id: creator.id, project_id: project.id, as_of: asOf });
console.log(renderMarkdown(report));
await close();
