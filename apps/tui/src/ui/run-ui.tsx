/**
 * `goatkit` with no subcommand: resolves where to connect, shows a first frame at once (starting a large
 * demo world takes a few seconds), opens the session and renders the app until q. Returns the exit code.
 * @module
 */
import { render } from "ink";
import { App } from "../app.js";
import { configPath, readConfigFile } from "../config/config-file.js";
import { type ConnectionFlags, resolveSettings } from "../config/settings.js";
import { describeError, EXIT_OK } from "../errors/describe-error.js";
import { DEFAULT_RANGE, RANGE_PRESETS, type RangeChoice } from "../hooks/range.js";
import { openSession, type Session } from "../session/session.js";

export async function runUi(flags: ConnectionFlags): Promise<number> {
  let session: Session | undefined;
  try {
    const file = readConfigFile(configPath(process.env));
    const settings = resolveSettings(flags, process.env, file);
    const range: RangeChoice =
      file.range && (RANGE_PRESETS as readonly string[]).includes(file.range)
        ? { preset: file.range as (typeof RANGE_PRESETS)[number] }
        : DEFAULT_RANGE;
    // A plain line, not a second Ink instance: two instances would fight over the terminal's raw mode.
    process.stdout.write(
      settings.mode === "demo"
        ? `goatkit: starting the demo sandbox (seed ${settings.seed}, scale ${settings.scale})…`
        : "goatkit: connecting…",
    );
    session = await openSession(settings);
    process.stdout.write("\r\x1b[2K");
    const app = render(<App session={session} initialRange={range} />, { exitOnCtrlC: true });
    await app.waitUntilExit();
    return EXIT_OK;
  } catch (err) {
    const d = describeError(err);
    process.stderr.write(`goatkit: ${d.message}\n`);
    return d.exitCode;
  } finally {
    await session?.close();
  }
}
