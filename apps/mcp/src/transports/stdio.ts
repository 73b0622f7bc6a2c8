/**
 * stdio: the server as a child process of the MCP client (Claude Desktop, Claude Code, …). stdout
 * carries the protocol and nothing else; every log line goes to stderr.
 * @module
 */
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";

/** Connects `server` to this process's stdin/stdout; resolves once the client closes the connection. */
export async function serveStdio(server: McpServer): Promise<void> {
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((resolve) => {
    transport.onclose = resolve;
    process.stdin.once("end", resolve);
  });
  await server.connect(transport);
  await closed;
}
