/** Find underperforming creators of a project, with the reasons in words and numbers. */
import { renderMarkdown, runUnderperformingCreators } from "../src/index.js";
import { connect } from "./_connect.js";

const { tg, asOf, close } = await connect();
const project = (await tg.projects.list()).data[0]!;
const report = await runUnderperformingCreators(
  tg,
  { project_id: project.id, as_of: asOf },
  {
    onProgress: (e) =>
      e.phase === "fetch" && process.stderr.write(`\r${e.resource}: ${e.items} items, ${e.pages} pages   `),
  },
);
process.stderr.write("\n");
console.log(renderMarkdown(report));
await close();
