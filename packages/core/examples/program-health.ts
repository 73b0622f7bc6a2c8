/** A project's operational state: freshness, inbox backlog, over-posting, goals, payouts. */
import { renderMarkdown, runProgramHealth } from "../src/index.js";
import { connect } from "./_connect.js";

const { tg, asOf, close } = await connect();
const project = (await tg.projects.list()).data[0]!;
const report = await runProgramHealth(tg, { project_id: project.id, as_of: asOf });
console.log(renderMarkdown(report));
await close();
