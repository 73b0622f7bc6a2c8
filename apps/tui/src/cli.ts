#!/usr/bin/env node
/**
 * `goatkit`: the terminal UI, and the non-interactive `workflows`, `report` and `parity` commands for scripts and
 * cron. Exit codes: 0 ok, 2 usage (bad flag or params, one line on stderr), 3 API or network error.
 * @module
 */
import { CommanderError } from "commander";
import { listWorkflowsJson, listWorkflowsText } from "./cli/list-workflows.js";
import { buildProgram } from "./cli/program.js";
import { runParity } from "./cli/run-parity.js";
import { runReport } from "./cli/run-report.js";
import { resolveWorkflow } from "./cli/workflow-names.js";
import { EXIT_USAGE } from "./errors/describe-error.js";

/** `report <typed>` with `<typed>` a prefix: rewritten to the catalogue name, or a usage error. */
function expandWorkflowName(argv: string[]): string[] | string {
  const at = argv.indexOf("report", 2);
  const typed = argv[at + 1];
  if (at < 0 || typed === undefined || typed.startsWith("-") || typed === "help") return argv;
  const r = resolveWorkflow(typed);
  if ("error" in r) return r.error;
  return [...argv.slice(0, at + 1), r.workflow.name, ...argv.slice(at + 2)];
}

// `goatkit report … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on("error", (err: NodeJS.ErrnoException) => {
  if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw err;
});

async function main(argv: string[]): Promise<number> {
  const expanded = expandWorkflowName(argv);
  if (typeof expanded === "string") {
    process.stderr.write(`goatkit: ${expanded} (see goatkit workflows)\n`);
    return EXIT_USAGE;
  }
  const controller = new AbortController();
  process.once("SIGINT", () => controller.abort(new Error("cancelled (Ctrl-C)")));
  const result = { code: 0 };
  const io = {
    stdout: (t: string) => process.stdout.write(t),
    stderr: (t: string) => process.stderr.write(t),
    progress: Boolean(process.stderr.isTTY),
    env: process.env,
    signal: controller.signal,
  };
  const program = buildProgram(
    {
      ui: async (flags) => {
        // React's production build, set before anything imports React (run-ui's JSX runtime included):
        // the development build is several times slower to load and checks nothing a user could act on.
        process.env.NODE_ENV ??= "production";
        return (await import("./ui/run-ui.js")).runUi(flags);
      },
      workflows: async (json) => {
        process.stdout.write(`${json ? listWorkflowsJson() : listWorkflowsText()}\n`);
        return 0;
      },
      parity: (flags, connection) => runParity(flags, connection, io),
      report: (workflow, params, format, flags) => runReport(workflow, params, format, flags, io),
    },
    result,
  );
  try {
    await program.parseAsync(expanded);
  } catch (err) {
    if (err instanceof CommanderError)
      return err.code === "commander.helpDisplayed" ||
        err.code === "commander.version" ||
        err.code === "commander.help"
        ? 0
        : EXIT_USAGE;
    throw err;
  }
  return result.code;
}

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`goatkit: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 3;
  },
);
