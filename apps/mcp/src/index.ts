/**
 * goatkit-mcp as a library: build the MCP server in process (`createGoatkitMcpServer`), or serve it over
 * Streamable HTTP (`startHttpServer`). The `goatkit-mcp` command (cli.ts) wires these to flags.
 * @module
 */
export { BUDGETS, CHARS_PER_TOKEN, estimateTokens, MAX_RESULT_TOKENS } from "./budget.js";
export { type ContextOptions, createContext, type ServerContext } from "./context.js";
export {
  createGoatkitMcpServer,
  createMcpServer,
  type GoatkitMcp,
  type McpServerOptions,
  SERVER_INSTRUCTIONS,
} from "./server.js";
export { allTools, DEFAULT_TOOLSETS, selectTools, TOOLSETS, type Tool, type Toolset } from "./tools/index.js";
export { type HttpServerOptions, type RunningHttpServer, startHttpServer } from "./transports/http.js";
export { VERSION } from "./version.js";
