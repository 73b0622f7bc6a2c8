#!/usr/bin/env node
/**
 * `goatkit-proxy`: the proxy in a terminal. Opens the cache store, checks that upstream answers, serves,
 * and prints where and how to try it; with `--demo`, in front of an embedded sandbox with its demo key.
 * Exit codes: 2 for a usage error (one line, no stack trace), 3 when the store cannot be opened or
 * upstream cannot be reached at start, 1 for a taken port; Ctrl-C closes everything and exits 0.
 */
import type { CacheStore } from "@goatkit/core";
import { type RunningSandbox, SANDBOX_KEYS, startSandbox } from "@goatkit/sandbox";
import { CommanderError } from "commander";
import { describeCacheSpec, openStore } from "./cache/open-store.js";
import { type CliFlags, cacheSpecOf, cliProgram, toProxyOptions, usageProblem } from "./cli-args.js";
import { DERIVED_PREFIX, PortInUseError, type RunningProxy, startProxy } from "./server.js";
import { probeUpstream } from "./upstream/probe.js";

const EXIT_USAGE = 2;
const EXIT_UNREACHABLE = 3;

function fail(code: number, message: string): never {
  console.error(`goatkit-proxy: ${message}`);
  process.exit(code);
}

async function main(argv: string[]): Promise<void> {
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

  const spec = cacheSpecOf(flags);
  let store: CacheStore;
  try {
    store = openStore(spec);
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

  let proxy: RunningProxy;
  try {
    proxy = await startProxy({ ...options, store });
  } catch (err) {
    await sandbox?.stop();
    if (err instanceof PortInUseError) fail(1, err.message);
    throw err;
  }

  const pacing =
    options.rateLimit === false
      ? "no upstream pacing"
      : `upstream paced at ${options.rateLimit?.requests}/min per key`;
  const key = sandbox ? SANDBOX_KEYS.readWrite : "<your trackagoat key>";
  const lines = [
    `goatkit-proxy  pass-through · cache ${describeCacheSpec(spec)} · ${pacing}`,
    "",
    `API:       ${proxy.url}  →  ${upstream}`,
    `Derived:   ${proxy.origin}${DERIVED_PREFIX}/openapi.json`,
    `Health:    ${proxy.origin}/healthz · ${proxy.origin}/readyz`,
    ...(sandbox
      ? [
          "",
          `Demo:      embedded sandbox at ${sandbox.url} (seed ${flags.seed ?? 42}, scale ${flags.scale ?? "small"})`,
          `Demo key:  ${SANDBOX_KEYS.readWrite}  (org A, read+write)`,
        ]
      : []),
    "",
    "Try (twice: Cache-Status goes from fwd=miss to hit):",
    `  curl -i -H "Authorization: Bearer ${key}" ${proxy.url}/projects`,
    "",
    "Ctrl-C to stop",
  ];
  console.log(lines.join("\n"));

  let closing = false;
  const shutdown = () => {
    if (closing) return;
    closing = true;
    void (async () => {
      await proxy.close().catch(() => {});
      await store.close?.().catch(() => {});
      await sandbox?.stop().catch(() => {});
      process.exit(0);
    })();
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

main(process.argv).catch((err: unknown) => {
  console.error(`goatkit-proxy: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
