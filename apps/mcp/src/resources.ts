/**
 * Resources: the API's schema (entities, fields and what they mean, from `GET /schema`), each entity
 * with its notes by URI (`trackagoat://creator/<id>` …), and each workflow's report schema with its field
 * descriptions (the tools' output schemas carry shape only, to keep the tool list small).
 * @module
 */

import { type Workflow, workflowJsonSchemas, workflows } from "@goatkit/core";
import { Campaign, Creator, Project, Video } from "@goatkit/core/schema";
import { type McpServer, ResourceTemplate } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { ServerContext } from "./context.js";

const JSON_TYPE = "application/json";
const ENTITY_SCHEMAS = { project: Project, creator: Creator, video: Video, campaign: Campaign } as const;
type Entity = keyof typeof ENTITY_SCHEMAS;

export function registerResources(server: McpServer, ctx: ServerContext): void {
  server.registerResource(
    "api-schema",
    "trackagoat://schema",
    {
      title: "trackagoat API schema",
      description:
        "Every entity of the trackagoat v1 API with its fields and what they mean (GET /schema). Costs 1 request, then cached.",
      mimeType: JSON_TYPE,
    },
    async (uri, extra) => {
      const schema = await ctx.client.schema.get({ signal: extra.signal });
      return { contents: [{ uri: uri.href, mimeType: JSON_TYPE, text: JSON.stringify(schema, null, 1) }] };
    },
  );

  server.registerResource(
    "entity",
    new ResourceTemplate("trackagoat://{entity}/{id}", { list: undefined }),
    {
      title: "A trackagoat entity with its notes",
      description:
        "trackagoat://project/<id>, trackagoat://creator/<id>, trackagoat://video/<id> or trackagoat://campaign/<id>: the " +
        "entity as the API returns it, including its description (notes for agents) and metadata. Costs 1 request.",
      mimeType: JSON_TYPE,
    },
    async (uri, vars, extra) => {
      const entity = String(vars.entity) as Entity;
      const schema = ENTITY_SCHEMAS[entity];
      if (!schema) throw new Error(`Unknown entity "${entity}": use project, creator, video or campaign.`);
      const { data } = await ctx.client.request(
        {
          method: "GET",
          path: `/${entity}s/${encodeURIComponent(String(vars.id))}`,
          schema: schema as never,
        },
        { signal: extra.signal },
      );
      return { contents: [{ uri: uri.href, mimeType: JSON_TYPE, text: JSON.stringify(data, null, 1) }] };
    },
  );

  for (const workflow of workflows as readonly Workflow[]) {
    const uri = `goatkit://reports/${workflow.name}/schema`;
    const text = JSON.stringify(workflowJsonSchemas(workflow).report, null, 1);
    server.registerResource(
      `report-${workflow.name}`,
      uri,
      {
        title: `${workflow.title} report schema`,
        description: `The ${workflow.name} tool's report: every field with its meaning, unit and basis (JSON Schema). Free.`,
        mimeType: "application/schema+json",
      },
      async () => ({ contents: [{ uri, mimeType: "application/schema+json", text }] }),
    );
  }
}
