/**
 * The `goatkit` command tree (commander): `goatkit` opens the terminal UI, `goatkit workflows` lists the
 * catalogue, `goatkit report <workflow>` runs one workflow with flags generated from its params. Actions
 * are injected, so the tree is testable in process; `exitOverride()` turns usage errors into exceptions.
 * @module
 */
import { type CatalogueWorkflow, workflowJsonSchemas, workflows } from "@goatkit/core";
import { Command, Option } from "commander";
import type { ConnectionFlags } from "../config/settings.js";
import { addConnectionOptions, CONFIG_HELP, connectionFlags } from "./connection-options.js";
import { type ParamFlag, paramFlags, paramsFromFlags } from "./param-flags.js";
import { PARITY_FORMATS, type ParityFlags } from "./run-parity.js";
import { FORMATS, type Format } from "./run-report.js";
import { WORKFLOW_ALIASES } from "./workflow-names.js";

export interface Actions {
  ui(flags: ConnectionFlags): Promise<number>;
  workflows(json: boolean): Promise<number>;
  report(
    workflow: CatalogueWorkflow,
    params: Record<string, unknown>,
    format: Format,
    flags: ConnectionFlags,
  ): Promise<number>;
  parity(flags: ParityFlags, connection: ConnectionFlags): Promise<number>;
}

/** The program; each action's exit code lands in `result.code`. */
export function buildProgram(actions: Actions, result: { code: number }): Command {
  const program = addConnectionOptions(
    new Command()
      .name("goatkit")
      .description(
        "goatkit: your trackagoat creator programs in the terminal.\n" +
          "With no API key it opens on an embedded sandbox with demo data.",
      ),
  )
    .enablePositionalOptions()
    .addHelpText("after", `${CONFIG_HELP}\n\nKeys inside the UI: press ? for help, q to quit.`)
    .action(async (opts: Record<string, unknown>) => {
      result.code = await actions.ui(connectionFlags(opts));
    });

  program
    .command("workflows")
    .description("list the workflows with their params (from core's catalogue)")
    .option("--json", "print JSON: name, title, description, aliases and the params' JSON Schema")
    .action(async (opts: { json?: boolean }) => {
      result.code = await actions.workflows(Boolean(opts.json));
    });

  addConnectionOptions(
    program
      .command("parity")
      .description(
        "check, with at most 25 read-only requests, where the API differs from goatkit's contract; " +
          "prints a report to paste into a bug report (exit 1 when anything differs or was not checked)",
      ),
  )
    .addOption(new Option("--format <format>", "output format").choices(PARITY_FORMATS).default("markdown"))
    .option("--project_id <id>", "the project whose records are sampled (default: the first one)")
    .option("--drift", "with --demo: a sandbox whose responses drift from the contract")
    .addHelpText("after", CONFIG_HELP)
    .action(async (opts: Record<string, unknown>) => {
      result.code = await actions.parity(
        {
          format: opts.format as ParityFlags["format"],
          projectId: opts.project_id as string | undefined,
          drift: Boolean(opts.drift),
        },
        connectionFlags(opts),
      );
    });

  const report = program
    .command("report")
    .description("run one workflow and print its report (json, markdown or csv)")
    .addHelpText(
      "after",
      "\nWorkflow names may be shortened to an alias or an unambiguous prefix, e.g. `goatkit report underperformers`.",
    );
  for (const workflow of workflows) {
    const flags = paramFlags(workflow);
    const paramsSchema = workflowJsonSchemas(workflow).params;
    const cmd = addConnectionOptions(
      report
        .command(workflow.name)
        .aliases(WORKFLOW_ALIASES[workflow.name] ?? [])
        .summary(workflow.title)
        .description(`${workflow.title} (${workflow.name}). ${workflow.description}`),
    );
    for (const f of flags) cmd.addOption(f.option);
    cmd
      .addOption(new Option("--format <format>", "output format").choices(FORMATS).default("markdown"))
      .addHelpText("after", CONFIG_HELP)
      .action(async (opts: Record<string, unknown>) => {
        result.code = await actions.report(
          workflow,
          paramsFromFlags(flags as ParamFlag[], opts, paramsSchema),
          opts.format as Format,
          connectionFlags(opts),
        );
      });
  }
  for (const cmd of [program, ...program.commands, ...report.commands]) {
    cmd.exitOverride().configureOutput({
      outputError: (str, write) =>
        write(
          `${str.trimEnd()} (see ${cmd === program ? "goatkit" : `goatkit ${commandPath(cmd)}`} --help)\n`,
        ),
    });
  }
  return program;
}

function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c?.parent; c = c.parent) names.unshift(c.name());
  return names.join(" ");
}
