/**
 * @goatkit/server: the HTTP hardening every goatkit server shares (the sandbox, the proxy, the MCP
 * server). Each server passes its own error formatter, so refusals come in its own envelope.
 * @module
 */
export { quoteValue } from "./quote.js";
