#!/usr/bin/env node
/**
 * `goatkit-proxy`: the proxy in a terminal. Opens the cache store, checks that upstream answers, serves,
 * and prints where and how to try it; with `--demo`, in front of an embedded sandbox with its demo key.
 * Exit codes: 2 for a usage error (one line, no stack trace), 3 when the store cannot be opened or
 * upstream cannot be reached at start, 1 for a taken port. SIGTERM or Ctrl-C shuts down gracefully
 * (`shutdown.ts`) and exits 0; a second one exits 130 at once. After the banner, stdout is JSON log lines.
 */
import type { CacheStore } from "@goatkit/core";
import { type RunningSandbox, SANDBOX_KEYS, startSandbox } from "@goatkit/sandbox";
import { CommanderError } from "commander";
import { describeCacheSpec, openStore } from "./cache/open-store.js";
import { type CliFlags, cacheSpecOf, cliProgram, toProxyOptions, usageProblem } from "./cli-args.js";
import { gatewayBanner, gatewayFromCli } from "./gateway/gateway-cli.js";
import { runTokensCli } from "./gateway/tokens-cli.js";
import { createLogger } from "./observability/logger.js";
import { DERIVED_PREFIX, PortInUseError, type RunningProxy, startProxy } from "./server.js";
import { onShutdownSignals, shutdownGracefully } from "./shutdown.js";
import { probeUpstream } from "./upstream/probe.js";

const EXIT_USAGE = 2;
const EXIT_UNREACHABLE = 3;

function fail(code: number, message: string): never {
  console.error(`goatkit-proxy: ${message}`);
  process.exit(code);
}

async function main(argv: string[]): Promise<void> {
  // `goatkit-proxy tokens add|revoke|list`: the team gateway's tokens file, a program of its own.
  if (argv[2] === "tokens") process.exit(await runTokensCli(argv.slice(3)));
  const cmd = cliProgram();
  try {
    cmd.parse(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help exits 0; every usage error exits 2 (commander already printed one line).
      process.exit(
        err.code === "commander.helpDisplayed" || err.code === "commander.version" ? 0 : EXIT_USAGE,
      );
    }
    throw err;
  }
  const flags = cmd.opts<CliFlags>();
  const problem = usageProblem(flags);
  if (problem) fail(EXIT_USAGE, problem);
  const options = toProxyOptions(flags);
  let createdTokensFile = false;
  if (flags.tokens !== undefined) {
    const setup = await gatewayFromCli(flags.tokens, { demo: flags.demo, env: process.env });
    if (!setup.ok) fail(setup.exitCode, setup.problem);
    options.gateway = setup.gateway;
    createdTokensFile = setup.createdFile;
  }

  const spec = cacheSpecOf(flags);
  let store: CacheStore;
  try {
    store = await openStore(spec);
  } catch (err) {
    fail(
      EXIT_UNREACHABLE,
      `cannot open the cache store ${describeCacheSpec(spec)}: ${(err as Error).message}`,
    );
  }

  let sandbox: RunningSandbox | undefined;
  if (flags.demo) {
    sandbox = await startSandbox({ seed: flags.seed, scale: flags.scale, now: flags.now, logErrors: false });
    options.upstream = sandbox.url;
  }
  const upstream = options.upstream!;

  const probe = await probeUpstream(upstream);
  if (!probe.reachable) {
    await sandbox?.stop();
    fail(
      EXIT_UNREACHABLE,
      `upstream ${upstream} is unreachable (${probe.reason}). Check --upstream, or try --demo.`,
    );
  }

  const logger = createLogger({ level: flags.logLevel });
  let proxy: RunningProxy;
  try {
    proxy = await startProxy({
      ...options,
      store,
      logger,
      accessLog: flags.accessLog,
      metrics: { processMetrics: true },
    });
  } catch (err) {
    await sandbox?.stop();
    if (err instanceof PortInUseError) fail(1, err.message);
    throw err;
  }

  const pacing =
    options.rateLimit === false
      ? "no upstream pacing"
      : `upstream paced at ${options.rateLimit?.requests}/min ${options.gateway ? "for the team key" : "per key"}`;
  const key = options.gateway
    ? "<your proxy token>"
    : sandbox
      ? SANDBOX_KEYS.readWrite
      : "<your trackagoat key>";
  const lines = [
    `goatkit-proxy  ${options.gateway ? "team gateway" : "pass-through"} · cache ${describeCacheSpec(spec)} · ${pacing}`,
    "",
    `API:       ${proxy.url}  →  ${upstream}`,
    `Derived:   ${proxy.origin}${DERIVED_PREFIX}/openapi.json`,
    `Health:    ${proxy.origin}/healthz · ${proxy.origin}/readyz`,
    `Metrics:   ${proxy.origin}/metrics  (Prometheus; logs: JSON lines below)`,
    ...(sandbox
      ? [
          "",
          `Demo:      embedded sandbox at ${sandbox.url} (seed ${flags.seed ?? 42}, scale ${flags.scale ?? "small"})`,
          ...(options.gateway ? [] : [`Demo key:  ${SANDBOX_KEYS.readWrite}  (org A, read+write)`]),
        ]
      : []),
    ...(flags.tokens !== undefined
      ? ["", ...gatewayBanner(flags.tokens, { demo: flags.demo, createdFile: createdTokensFile })]
      : []),
    "",
    "Try (twice: Cache-Status goes from fwd=miss to hit):",
    `  curl -i -H "Authorization: Bearer ${key}" ${proxy.url}/projects`,
    "",
    "Ctrl-C to stop",
  ];
  console.log(lines.join("\n"));
  logger.info({ url: proxy.url, upstream, cache: describeCacheSpec(spec) }, "listening");

  const running = proxy;
  onShutdownSignals(logger, (signal) =>
    shutdownGracefully(
      {
        proxy: running,
        logger,
        timeoutMs: flags.shutdownTimeout * 1000,
        delayMs: flags.drainDelay * 1000,
        closers: [
          { name: "cache store", close: async () => store.close?.() },
          ...(sandbox ? [{ name: "demo sandbox", close: () => sandbox.stop() }] : []),
        ],
      },
      signal,
    ),
  );
}

main(process.argv).catch((err: unknown) => {
  console.error(`goatkit-proxy: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
