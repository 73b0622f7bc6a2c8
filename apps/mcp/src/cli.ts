#!/usr/bin/env node
/**
 * `goatkit-mcp`: the MCP server in a process. stdio by default (stdout carries only the protocol; every
 * message goes to stderr), Streamable HTTP with `--http`. Checks the key and the API before serving, so
 * a client sees a clear start-up failure instead of a server whose every tool fails.
 * Exit codes: 0 ok (client closed stdio, or Ctrl-C), 2 usage, 3 API unreachable or key refused, 1 port taken.
 */
import { ConfigurationError, isTrackagoatError } from "@goatkit/core";
import { type RunningSandbox, SANDBOX_KEYS, startSandbox } from "@goatkit/sandbox";
import { PortInUseError } from "@goatkit/server";
import { CommanderError } from "commander";
import { type CliFlags, cliProgram, usageProblem } from "./cli-args.js";
import { createContext, type ServerContext } from "./context.js";
import { createMcpServer } from "./server.js";
import { type RunningHttpServer, startHttpServer } from "./transports/http.js";
import { serveStdio } from "./transports/stdio.js";
import { VERSION } from "./version.js";

const EXIT_USAGE = 2;
const EXIT_API = 3;

const say = (line: string) => process.stderr.write(`${line}\n`);

function fail(code: number, message: string): never {
  say(`goatkit-mcp: ${message}`);
  process.exit(code);
}

async function main(argv: string[]): Promise<void> {
  const cmd = cliProgram();
  try {
    cmd.parse(argv);
  } catch (err) {
    if (err instanceof CommanderError)
      process.exit(
        err.code === "commander.helpDisplayed" || err.code === "commander.version" ? 0 : EXIT_USAGE,
      );
    throw err;
  }
  const flags = cmd.opts<CliFlags>();
  const problem = usageProblem(flags);
  if (problem) fail(EXIT_USAGE, problem);

  let sandbox: RunningSandbox | undefined;
  if (flags.demo) {
    // The demo world has no rate limit, so neither does the server: demos should not wait a minute per 60 requests.
    sandbox = await startSandbox({
      seed: flags.seed,
      scale: flags.scale,
      now: flags.now,
      rateLimit: false,
      dailyQuota: false,
      logErrors: false,
    });
  }
  const stopSandbox = async () => {
    await sandbox?.stop().catch(() => {});
  };

  let ctx: ServerContext;
  try {
    ctx = createContext({
      apiKey: sandbox ? SANDBOX_KEYS.readWrite : flags.apiKey,
      baseUrl: sandbox ? sandbox.url : flags.baseUrl,
      rateLimit: sandbox ? false : undefined,
      defaultAsOf: sandbox && flags.now ? sandbox.truth.as_of : undefined,
      allowWrites: flags.allowWrites,
    });
  } catch (err) {
    await stopSandbox();
    if (err instanceof ConfigurationError) fail(EXIT_USAGE, `${err.message} (or try --demo)`);
    throw err;
  }

  // One request before serving: a wrong key or URL is reported now, once, not by every tool call.
  try {
    await ctx.client.projects.list({ limit: 1 }, { signal: AbortSignal.timeout(20_000) });
  } catch (err) {
    await stopSandbox();
    const why = isTrackagoatError(err) ? err.message : String(err);
    fail(
      EXIT_API,
      `cannot use the API at ${ctx.client.baseUrl}: ${why}. Check --base-url/--api-key (or TRACKAGOAT_BASE_URL/TRACKAGOAT_API_KEY), or try --demo.`,
    );
  }

  const where = sandbox
    ? `embedded sandbox (seed ${flags.seed ?? 42}, scale ${flags.scale ?? "small"}${flags.now ? `, now ${flags.now}` : ""})`
    : ctx.client.baseUrl;
  const mode = `${flags.allowWrites ? "writes allowed" : "read-only"}${flags.toolsets ? `, toolsets ${flags.toolsets.join(",")}` : ""}`;
  const options = { toolsets: flags.toolsets };

  if (!flags.http) {
    say(`goatkit-mcp ${VERSION} on stdio · API: ${where} · ${mode}`);
    const server = createMcpServer(ctx, options);
    const shutdown = async () => {
      await server.close().catch(() => {});
      await stopSandbox();
      process.exit(0);
    };
    process.once("SIGINT", shutdown);
    process.once("SIGTERM", shutdown);
    await serveStdio(server);
    await shutdown();
    return;
  }

  const fromEnv = process.env.GOATKIT_MCP_TOKEN;
  if (fromEnv !== undefined && fromEnv.length < 16) {
    await stopSandbox();
    fail(EXIT_USAGE, "GOATKIT_MCP_TOKEN must be at least 16 characters.");
  }
  let http: RunningHttpServer;
  try {
    http = await startHttpServer({
      context: ctx,
      ...options,
      port: flags.port,
      host: flags.host,
      token: fromEnv,
      allowedHosts: flags.allowedHost,
      sessionIdleMs: flags.sessionIdle === undefined ? undefined : flags.sessionIdle * 60_000,
    });
  } catch (err) {
    await stopSandbox();
    if (err instanceof PortInUseError) fail(1, err.message);
    throw err;
  }
  say(
    [
      `goatkit-mcp ${VERSION} · Streamable HTTP · API: ${where} · ${mode}`,
      `MCP endpoint: ${http.url}`,
      fromEnv
        ? "Token: from GOATKIT_MCP_TOKEN (send it as Authorization: Bearer <token>)"
        : `Token: ${http.token}  (generated; shown once: send it as Authorization: Bearer <token>, or set GOATKIT_MCP_TOKEN)`,
      "Ctrl-C to stop",
    ].join("\n"),
  );
  let closing = false;
  const shutdown = () => {
    if (closing) return;
    closing = true;
    void (async () => {
      await http.close().catch(() => {});
      await stopSandbox();
      process.exit(0);
    })();
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

main(process.argv).catch((err: unknown) => {
  say(`goatkit-mcp: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
