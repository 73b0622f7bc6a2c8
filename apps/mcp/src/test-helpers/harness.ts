/**
 * Test harness: a sandbox over real HTTP (core's test sandbox: fixed clock, no rate limit), a goatkit
 * MCP server on it, and the SDK's own Client connected over InMemoryTransport. `call()` returns the
 * result with its text and structured parts at hand.
 */
import { SANDBOX_NOW, type SandboxHarness, startTestSandbox } from "@goatkit/core-test-helpers/sandbox.js";
import type { StartOptions } from "@goatkit/sandbox";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll } from "vitest";
import type { ContextOptions } from "../context.js";
import { createGoatkitMcpServer, type GoatkitMcp, type McpServerOptions } from "../server.js";

export { SANDBOX_NOW };

export interface McpHarness {
  sb: SandboxHarness;
  mcp: GoatkitMcp;
  client: Client;
  logs: string[];
  call(
    name: string,
    args?: Record<string, unknown>,
    options?: { signal?: AbortSignal; onprogress?: (p: unknown) => void },
  ): Promise<ToolCall>;
  close(): Promise<void>;
}

export interface ToolCall {
  result: CallToolResult;
  text: string;
  structured: Record<string, unknown>;
  isError: boolean;
}

export async function connect(mcp: GoatkitMcp): Promise<Client> {
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: "goatkit-test", version: "0" });
  await mcp.server.connect(serverSide);
  await client.connect(clientSide);
  return client;
}

export async function startMcp(
  options: {
    sandbox?: StartOptions;
    server?: ContextOptions & McpServerOptions;
    key?: "readWrite" | "readOnly" | "orgB" | "revoked";
  } = {},
): Promise<McpHarness> {
  const sb = await startTestSandbox(options.sandbox);
  const logs: string[] = [];
  const mcp = createGoatkitMcpServer({
    apiKey: sb.sandbox.keys[options.key ?? "readWrite"],
    baseUrl: sb.sandbox.url,
    rateLimit: false,
    maxRetries: 0,
    defaultAsOf: sb.sandbox.truth.as_of,
    log: (m) => logs.push(m),
    ...options.server,
  });
  const client = await connect(mcp);
  return {
    sb,
    mcp,
    client,
    logs,
    async call(name, args = {}, opts = {}) {
      const result = (await client.callTool({ name, arguments: args }, undefined, {
        ...(opts.signal ? { signal: opts.signal } : {}),
        ...(opts.onprogress ? { onprogress: opts.onprogress } : {}),
        timeout: 120_000,
      })) as CallToolResult;
      const text = result.content.map((c) => (c.type === "text" ? c.text : "")).join("\n");
      return {
        result,
        text,
        structured: (result.structuredContent ?? {}) as Record<string, unknown>,
        isError: result.isError === true,
      };
    },
    async close() {
      await client.close();
      await mcp.server.close();
      await sb.sandbox.stop();
    },
  };
}

/** One harness for the enclosing test file. */
export function withMcp(options: Parameters<typeof startMcp>[0] = {}): () => McpHarness {
  let h: McpHarness | undefined;
  beforeAll(async () => {
    h = await startMcp(options);
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });
  return () => {
    if (!h) throw new Error("harness not started");
    return h;
  };
}
