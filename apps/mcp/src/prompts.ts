/**
 * Prompts: the agent guide's four recommended workflows as ready questions, each naming the (at most
 * two) tool calls that answer it and what to read before concluding.
 * @module
 */
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";

const opt = (what: string) => z.string().optional().describe(what);
const rangeText = (range?: string) => (range ? ` over ${range}` : "");
const steps = (find: string, call: string) =>
  `${find}Then call ${call}. Read the report's meta.notes (the humans' notes on these entities) and meta.caveats before ` +
  "concluding; say which figures are lifetime snapshots and which are gains in the range, and mention stale data or " +
  "videos pending review if the report flags them.";

const user = (text: string) => ({
  messages: [{ role: "user" as const, content: { type: "text" as const, text } }],
});

export function registerPrompts(server: McpServer): void {
  server.registerPrompt(
    "analyze_campaign_performance",
    {
      title: "Analyze campaign performance",
      description:
        "How is a campaign doing: totals over its sub-campaigns, pacing, top videos and creators, target progress.",
      argsSchema: {
        campaign_id: opt("The campaign (uuid); omit to pick one."),
        range: opt("A range preset such as last_30_days."),
      },
    },
    ({ campaign_id, range }) =>
      user(
        `Analyze the performance of ${campaign_id ? `campaign ${campaign_id}` : "a campaign"}${rangeText(range)}. ` +
          steps(
            campaign_id
              ? ""
              : "First call orient, then search_campaigns to pick the campaign (read its notes). ",
            `campaign_performance with campaign_id${range ? ` and range "${range}"` : ""} (campaign_comparison to rank several)`,
          ),
      ),
  );
  server.registerPrompt(
    "find_underperforming_creators",
    {
      title: "Find underperforming creators",
      description:
        "Which creators of a project underperform, and why (views per post, engagement, posting gaps, not posting).",
      argsSchema: {
        project_id: opt("The project (uuid); omit to pick one."),
        range: opt("A range preset such as last_30_days."),
      },
    },
    ({ project_id, range }) =>
      user(
        `Find the underperforming creators of ${project_id ? `project ${project_id}` : "a project"}${rangeText(range)}. ` +
          steps(
            project_id ? "" : "First call orient to see the projects and their notes. ",
            `underperforming_creators with project_id${range ? ` and range "${range}"` : ""}`,
          ),
      ),
  );
  server.registerPrompt(
    "campaign_content_analysis",
    {
      title: "Content analysis across a campaign",
      description:
        "What content works in a campaign: best and worst videos, outliers, posting times, per-creator breakdown.",
      argsSchema: { campaign_id: opt("The campaign (uuid); omit to pick one.") },
    },
    ({ campaign_id }) =>
      user(
        `Find out what content works in ${campaign_id ? `campaign ${campaign_id}` : "a campaign"}. ` +
          steps(
            campaign_id
              ? ""
              : "First call orient, then search_campaigns to pick the campaign (read its notes). ",
            "campaign_content with campaign_id",
          ),
      ),
  );
  server.registerPrompt(
    "creator_trend_analysis",
    {
      title: "Trend analysis over time",
      description:
        "How a creator is trending: follower and view growth per week, posting gaps, acceleration.",
      argsSchema: {
        creator_id: opt("The creator (uuid); omit to pick one."),
        range: opt("A range preset such as last_90_days."),
      },
    },
    ({ creator_id, range }) =>
      user(
        `Analyze how ${creator_id ? `creator ${creator_id}` : "a creator"} is trending${rangeText(range)}. ` +
          steps(
            creator_id
              ? ""
              : "First call search_creators (with the handle as query) to find the creator and read their notes. ",
            `creator_trend with creator_id${range ? ` and range "${range}"` : ""}`,
          ),
      ),
  );
}
