/**
 * The tool list as a client sees it (the SDK's Client over InMemoryTransport): one tool per catalogue
 * workflow with the catalogue's schemas, all four annotations explicit, read-only by default, toolsets.
 */
import { WORKFLOW_NAMES, workflowJsonSchemas, workflows } from "@goatkit/core";
import type { Tool } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, describe, expect, it } from "vitest";
import { createGoatkitMcpServer } from "../server.js";
import { connect, withMcp } from "../test-helpers/harness.js";

const h = withMcp();
const servers: { close(): Promise<void> }[] = [];
afterAll(async () => {
  for (const s of servers) await s.close();
});

async function listWith(options: Parameters<typeof createGoatkitMcpServer>[0]): Promise<Tool[]> {
  const { sandbox } = h().sb;
  const mcp = createGoatkitMcpServer({
    apiKey: sandbox.keys.readWrite,
    baseUrl: sandbox.url,
    rateLimit: false,
    ...options,
  });
  servers.push(mcp.server);
  const client = await connect(mcp);
  return (await client.listTools()).tools;
}

describe("tools/list", () => {
  it("has orient, the four search tools and one tool per catalogue workflow, and no write tool by default", async () => {
    const { tools } = await h().client.listTools();
    const names = tools.map((t) => t.name);
    expect(names).toEqual([
      "orient",
      "search_projects",
      "search_campaigns",
      "search_creators",
      "search_videos",
      ...WORKFLOW_NAMES,
    ]);
    expect(names).not.toContain("add_note");
    expect(names).not.toContain("set_metadata");
  });

  it("sets all four annotations explicitly on every tool", async () => {
    const all = await listWith({ allowWrites: true });
    expect(all.map((t) => t.name)).toContain("add_note");
    for (const t of all) {
      for (const hint of ["readOnlyHint", "destructiveHint", "idempotentHint", "openWorldHint"] as const)
        expect(typeof t.annotations?.[hint], `${t.name}.${hint}`).toBe("boolean");
      const write = t.name === "add_note" || t.name === "set_metadata";
      expect(t.annotations?.readOnlyHint, t.name).toBe(!write);
    }
    expect(all.find((t) => t.name === "set_metadata")!.annotations?.destructiveHint).toBe(true);
    expect(all.find((t) => t.name === "add_note")!.annotations?.idempotentHint).toBe(false);
  });

  it("generates each workflow tool's input schema from the workflow's params, plus the budget fields", async () => {
    const { tools } = await h().client.listTools();
    for (const w of workflows) {
      const tool = tools.find((t) => t.name === w.name)!;
      const params = workflowJsonSchemas(w).params as {
        properties: Record<string, unknown>;
        required?: string[];
      };
      expect(tool.inputSchema.properties).toMatchObject(params.properties);
      expect(Object.keys(tool.inputSchema.properties!)).toEqual([
        ...Object.keys(params.properties),
        "response_format",
        "section",
        "offset",
      ]);
      expect(tool.inputSchema.required ?? []).toEqual(params.required ?? []);
      // Output schema: the report's shape (top-level fields) plus truncation.
      const report = workflowJsonSchemas(w).report as { properties: Record<string, unknown> };
      expect(Object.keys(tool.outputSchema!.properties!)).toEqual([
        ...Object.keys(report.properties),
        "truncation",
      ]);
      expect(tool.description).toContain(w.description);
      expect(tool.description).toMatch(/Cost/);
    }
  });

  it("tells the agent when to use each tool and what it costs", async () => {
    const { tools } = await h().client.listTools();
    for (const t of tools) {
      expect(t.description!.length, t.name).toBeGreaterThan(120);
      expect(t.description, t.name).toMatch(/Cost/i);
    }
  });

  it("keeps the model-facing part of the tool list small (names, descriptions, input schemas)", async () => {
    const { tools } = await h().client.listTools();
    const modelFacing = tools.map((t) => ({
      name: t.name,
      description: t.description,
      inputSchema: t.inputSchema,
    }));
    expect(JSON.stringify(modelFacing).length / 4).toBeLessThan(8_000);
  });

  it("selects toolsets, and writes need --allow-writes as well as the toolset", async () => {
    expect((await listWith({ toolsets: ["context", "analysis"] })).map((t) => t.name)).toEqual([
      "orient",
      ...WORKFLOW_NAMES,
    ]);
    expect((await listWith({ toolsets: ["write"] })).map((t) => t.name)).toEqual([]);
    expect((await listWith({ toolsets: ["write"], allowWrites: true })).map((t) => t.name)).toEqual([
      "add_note",
      "set_metadata",
    ]);
  });
});

describe("resources and prompts", () => {
  it("serves the API schema, entities by URI and report schemas", async () => {
    const { client } = h();
    const { resources } = await client.listResources();
    expect(resources.map((r) => r.uri)).toContain("trackagoat://schema");
    expect(resources.map((r) => r.uri)).toContain("goatkit://reports/program_health/schema");
    const schema = await client.readResource({ uri: "trackagoat://schema" });
    const parsed = JSON.parse((schema.contents[0] as { text: string }).text);
    expect(Object.keys(parsed.entities)).toEqual(expect.arrayContaining(["creator", "video", "campaign"]));
    const creator = h().sb.sandbox.state.world.creators[0]!;
    const read = await client.readResource({ uri: `trackagoat://creator/${creator.id}` });
    expect(JSON.parse((read.contents[0] as { text: string }).text)).toMatchObject({
      id: creator.id,
      tiktok_handle: creator.tiktok_handle,
    });
  });

  it("offers the four agent-guide questions as prompts naming the tools that answer them", async () => {
    const { prompts } = await h().client.listPrompts();
    expect(prompts.map((p) => p.name)).toEqual([
      "analyze_campaign_performance",
      "find_underperforming_creators",
      "campaign_content_analysis",
      "creator_trend_analysis",
    ]);
    const p = await h().client.getPrompt({
      name: "find_underperforming_creators",
      arguments: { project_id: "p1" },
    });
    expect((p.messages[0]!.content as { text: string }).text).toMatch(
      /underperforming_creators with project_id/,
    );
  });
});
