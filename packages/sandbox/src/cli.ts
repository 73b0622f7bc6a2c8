#!/usr/bin/env node
/**
 * `goatkit-sandbox`: the sandbox in a terminal. Prints the API URL, the demo keys and an example curl,
 * then serves until Ctrl-C. A bad flag is one line on stderr and exit code 2 (no stack trace), and so
 * is a non-loopback --host without --operator-token; a taken port is one line and exit code 1.
 */
import { writeFile } from "node:fs/promises";
import { CommanderError } from "commander";
import { SANDBOX_KEYS } from "./app.js";
import { type CliFlags, cliProgram, toStartOptions } from "./cli-args.js";
import { operatorTokenRequired, PortInUseError, startSandbox } from "./server.js";
import { truthJson } from "./world/index.js";

function keyLines(): string[] {
  return [
    `  read+write  org A   ${SANDBOX_KEYS.readWrite}`,
    `  read only   org A   ${SANDBOX_KEYS.readOnly}`,
    `  revoked     org A   ${SANDBOX_KEYS.revoked}`,
    `  read+write  org B   ${SANDBOX_KEYS.orgB}   (Starter plan: for cross-org and limit tests)`,
  ];
}

async function main(argv: string[]): Promise<void> {
  const cmd = cliProgram();
  try {
    cmd.parse(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version exit 0; every usage error exits 2 (commander already printed one line).
      process.exit(err.code === "commander.helpDisplayed" || err.code === "commander.version" ? 0 : 2);
    }
    throw err;
  }
  const flags = cmd.opts<CliFlags>();

  if (flags.printKeys) {
    console.log(keyLines().join("\n"));
    return;
  }

  const options = toStartOptions(flags);
  const refusal = operatorTokenRequired(options.host ?? "127.0.0.1", options.operatorToken);
  if (refusal) {
    console.error(`goatkit-sandbox: ${refusal}`);
    process.exit(2);
  }

  let sandbox: Awaited<ReturnType<typeof startSandbox>>;
  try {
    sandbox = await startSandbox(options);
  } catch (err) {
    if (err instanceof PortInUseError) {
      console.error(`goatkit-sandbox: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }

  if (flags.truth) await writeFile(flags.truth, truthJson(sandbox.state.world));

  const faults = Object.entries(options.faults ?? {}).filter(([, v]) => v !== 0 && v !== false);
  const lines = [
    `goatkit-sandbox  seed ${flags.seed} · scale ${flags.scale} · as of ${sandbox.state.world.now} · api ${flags.apiGeneration}`,
    "",
    `API:      ${sandbox.url}`,
    flags.operatorToken
      ? `Operator: ${sandbox.origin}/__sandbox  (health, requests, faults, truth — token required: Authorization: Bearer <token>)`
      : `Operator: ${sandbox.origin}/__sandbox  (health, requests, faults, truth — no auth: keep it on loopback)`,
    `Limits:   ${flags.rateLimit === false ? "no per-key limit" : `${flags.rateLimit}/min per key`} · daily quota ${flags.dailyQuota ? "on" : "off"}`,
    ...(faults.length ? [`Faults:   ${faults.map(([k, v]) => `${k}=${v}`).join(", ")}`] : []),
    ...(flags.drift
      ? [
          `Drift:    on, ${sandbox.driftManifest.changes.length} changes to responses (manifest: ${sandbox.origin}/__sandbox/drift)`,
        ]
      : []),
    ...(flags.truth ? [`Truth:    written to ${flags.truth}`] : []),
    "",
    "Demo keys:",
    ...keyLines(),
    "",
    "Try:",
    `  curl -H "Authorization: Bearer ${SANDBOX_KEYS.readWrite}" ${sandbox.url}/projects`,
    "",
    "Ctrl-C to stop",
  ];
  console.log(lines.join("\n"));

  const shutdown = () => {
    void sandbox.stop().then(() => process.exit(0));
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

main(process.argv).catch((err: unknown) => {
  console.error(`goatkit-sandbox: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
