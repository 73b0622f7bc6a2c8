/**
 * `createMcpServer()`: one MCP server over a shared {@link ServerContext}. Tools are listed and
 * dispatched here (not through `McpServer.registerTool`) so that their JSON Schemas are exactly core's
 * catalogue schemas and every call gets the same treatment: arguments checked with messages naming the
 * field, progress notifications from core's progress events, the client's cancel reaching core's
 * `signal`, and failures turned into `isError` results. Resources and prompts use the SDK's helpers.
 * @module
 */
import { formatProgress, type ProgressEvent } from "@goatkit/core";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import {
  CallToolRequestSchema,
  type CallToolResult,
  ErrorCode,
  ListToolsRequestSchema,
  McpError,
} from "@modelcontextprotocol/sdk/types.js";
import { type ContextOptions, createContext, type ServerContext } from "./context.js";
import { errorResult, toolError } from "./errors.js";
import { registerPrompts } from "./prompts.js";
import { registerResources } from "./resources.js";
import { allTools, type Selection, selectTools } from "./tools/index.js";
import { VERSION } from "./version.js";

export interface McpServerOptions extends Selection {
  /** Where logs go; never stdout (in stdio mode stdout carries the protocol). Default: stderr. */
  log?: ((message: string) => void) | undefined;
}

export const SERVER_INSTRUCTIONS =
  "goatkit-mcp answers questions about a trackagoat creator program (TikTok creators, videos, campaigns). Start " +
  "with orient: it lists the projects with the notes humans left for agents, and says which tool answers which " +
  "question. The analysis tools (campaign_performance, campaign_comparison, underperforming_creators, " +
  "campaign_content, creator_trend, program_health) paginate, pace under the 60 requests/minute limit, apply the " +
  "API's caveats and return one report each; prefer them over paging through lists yourself. Results are concise " +
  'by default; response_format: "detailed" and the truncation field\'s hints get more.';

export const stderrLog = (message: string) => {
  process.stderr.write(`${message}\n`);
};

/** An MCP server for one connection (a stdio process, or one HTTP session) over a shared context. */
export function createMcpServer(ctx: ServerContext, options: McpServerOptions = {}): McpServer {
  const log = options.log ?? stderrLog;
  const server = new McpServer(
    { name: "goatkit-mcp", title: "goatkit (trackagoat analyses)", version: VERSION },
    { instructions: SERVER_INSTRUCTIONS },
  );
  const tools = selectTools({
    toolsets: options.toolsets,
    allowWrites: ctx.allowWrites && options.allowWrites !== false,
  });
  const byName = new Map(tools.map((t) => [t.name, t]));
  const known = new Map(allTools().map((t) => [t.name, t]));

  server.server.registerCapabilities({ tools: { listChanged: false } });
  server.server.setRequestHandler(ListToolsRequestSchema, () => ({
    tools: tools.map((t) => ({
      name: t.name,
      title: t.title,
      description: t.description,
      inputSchema: t.inputSchema,
      ...(t.outputSchema ? { outputSchema: t.outputSchema } : {}),
      annotations: { title: t.title, ...t.annotations },
    })),
  }));

  server.server.setRequestHandler(CallToolRequestSchema, async (request, extra): Promise<CallToolResult> => {
    const name = request.params.name;
    const tool = byName.get(name);
    if (!tool) {
      const off = known.get(name);
      if (off?.toolset === "write")
        return errorResult(
          `${name} is a write tool and this server is read-only. Ask the user to restart goatkit-mcp with --allow-writes (and a key with the write scope) if they want it.`,
        );
      if (off)
        return errorResult(
          `${name} is not enabled on this server (its toolset "${off.toolset}" is not selected with --toolsets).`,
        );
      throw new McpError(
        ErrorCode.InvalidParams,
        `Unknown tool ${name}; this server has: ${tools.map((t) => t.name).join(", ")}`,
      );
    }
    const token = request.params._meta?.progressToken;
    let step = 0;
    const onProgress =
      token === undefined
        ? () => {}
        : (event: ProgressEvent) => {
            step++;
            extra
              .sendNotification({
                method: "notifications/progress",
                params: { progressToken: token, progress: step, message: formatProgress(event) },
              })
              .catch(() => {}); // a client gone mid-call is not an error of the tool
          };
    try {
      const args = request.params.arguments ?? {};
      return await tool.run(args as Record<string, unknown>, {
        server: ctx,
        signal: extra.signal,
        onProgress,
        log,
      });
    } catch (err) {
      if (extra.signal.aborted) return errorResult(`${name} was cancelled; no result.`);
      return toolError(name, err, log);
    }
  });

  registerResources(server, ctx);
  registerPrompts(server);
  return server;
}

export interface GoatkitMcp {
  server: McpServer;
  context: ServerContext;
}

/** A context and a server in one call: what a stdio process or an in-process test needs. */
export function createGoatkitMcpServer(options: ContextOptions & McpServerOptions = {}): GoatkitMcp {
  const context = createContext(options);
  return { context, server: createMcpServer(context, options) };
}
