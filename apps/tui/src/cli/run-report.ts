/**
 * `goatkit report <workflow>`: validates the params (a usage error names the field), connects, runs the
 * workflow with progress on stderr when it is a terminal, and prints the report as JSON, markdown or CSV
 * with core's renderers. Returns the exit code.
 * @module
 */
import { type CatalogueWorkflow, formatProgress } from "@goatkit/core";
import { configPath, readConfigFile } from "../config/config-file.js";
import { type ConnectionFlags, resolveSettings } from "../config/settings.js";
import { describeError, EXIT_OK } from "../errors/describe-error.js";
import { openSession, type Session } from "../session/session.js";

export const FORMATS = ["json", "markdown", "csv"] as const;
export type Format = (typeof FORMATS)[number];

export interface ReportIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  progress: boolean;
  env: NodeJS.ProcessEnv;
  signal?: AbortSignal;
}

export async function runReport(
  workflow: CatalogueWorkflow,
  rawParams: Record<string, unknown>,
  format: Format,
  flags: ConnectionFlags,
  io: ReportIo,
): Promise<number> {
  let session: Session | undefined;
  try {
    const settings = resolveSettings(flags, io.env, readConfigFile(configPath(io.env)));
    // Demo reports default to the sandbox's own instant, so `--now` makes a report reproducible.
    const withAsOf =
      settings.mode === "demo" && settings.now && rawParams.as_of === undefined
        ? { ...rawParams, as_of: settings.now }
        : rawParams;
    workflow.parseParams(withAsOf); // bad params fail before any connection is made
    session = await openSession(settings);
    if (session.demo)
      io.stderr(`goatkit: ${session.label} (no account needed; set TRACKAGOAT_API_KEY for your org)\n`);
    const report = await workflow.run(session.client, withAsOf as never, {
      signal: io.signal,
      cache: session.cache,
      onProgress: io.progress
        ? (e) => io.stderr(`\r\x1b[2K${formatProgress(e)}${e.phase === "done" ? "\n" : ""}`)
        : undefined,
    });
    const render = workflow as unknown as { markdown(r: unknown): string; csv(r: unknown): string };
    const text =
      format === "json"
        ? `${JSON.stringify(report, null, 2)}\n`
        : format === "markdown"
          ? render.markdown(report)
          : render.csv(report);
    io.stdout(text.endsWith("\n") ? text : `${text}\n`);
    return EXIT_OK;
  } catch (err) {
    const d = describeError(err, session?.baseUrl ?? "the API");
    io.stderr(`goatkit: ${d.message}\n`);
    return d.exitCode;
  } finally {
    await session?.close();
  }
}
