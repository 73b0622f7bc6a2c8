/** The server's version as reported to MCP clients (kept equal to package.json's by a test). @module */
export const VERSION = "0.0.0";
