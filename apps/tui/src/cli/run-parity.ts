/**
 * `goatkit parity`: core's read-only parity check against the API the flags point at, printed as the
 * markdown a bug report wants (or JSON). Exit 0 when the API matches the contract on every route checked,
 * 1 when anything differs or could not be checked (unknown is not fine), 3 on an API or network error.
 * @module
 */
import { checkParity, formatProgress, renderParityMarkdown } from "@goatkit/core";
import { configPath, readConfigFile } from "../config/config-file.js";
import { type ConnectionFlags, resolveSettings } from "../config/settings.js";
import { describeError, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from "../errors/describe-error.js";
import { openSession, type Session } from "../session/session.js";
import type { ReportIo } from "./run-report.js";

export const PARITY_FORMATS = ["markdown", "json"] as const;
export type ParityFormat = (typeof PARITY_FORMATS)[number];

export interface ParityFlags {
  format: ParityFormat;
  /** The project whose records are sampled (default: the first one). */
  projectId?: string | undefined;
  /** Demo only: a sandbox whose responses drift from the contract, to see what a report of differences looks like. */
  drift?: boolean | undefined;
}

export async function runParity(
  flags: ParityFlags,
  connection: ConnectionFlags,
  io: ReportIo,
): Promise<number> {
  let session: Session | undefined;
  try {
    const settings = resolveSettings(connection, io.env, readConfigFile(configPath(io.env)));
    if (flags.drift && settings.mode !== "demo") {
      io.stderr("goatkit: --drift applies to the demo sandbox only (add --demo)\n");
      return EXIT_USAGE;
    }
    session = await openSession(settings, { drift: Boolean(flags.drift) });
    if (session.demo) io.stderr(`goatkit: checking ${session.label} (no account needed)\n`);
    const report = await checkParity(session.client, {
      signal: io.signal,
      projectId: flags.projectId,
      onProgress: io.progress
        ? (e) => io.stderr(`\r\x1b[2K${formatProgress(e)}${e.phase === "done" ? "\n" : ""}`)
        : undefined,
    });
    const text =
      flags.format === "json" ? `${JSON.stringify(report, null, 2)}\n` : renderParityMarkdown(report);
    io.stdout(text.endsWith("\n") ? text : `${text}\n`);
    return report.summary.matches_contract ? EXIT_OK : EXIT_FINDINGS;
  } catch (err) {
    const d = describeError(err, session?.baseUrl ?? "the API");
    io.stderr(`goatkit: ${d.message}\n`);
    return d.exitCode;
  } finally {
    await session?.close();
  }
}
