/**
 * `goatkit` with no subcommand: resolves where to connect, starts opening the session (in demo mode the
 * sandbox generates its world, in a worker thread when there are cores to spare) while the UI's modules
 * load, then renders the app until q. Returns the exit code. Ink and the screens are imported here, lazily, so `goatkit report` and
 * `goatkit workflows` never pay for them.
 * @module
 */
import { availableParallelism } from "node:os";
import { configPath, readConfigFile } from "../config/config-file.js";
import { type ConnectionFlags, resolveSettings } from "../config/settings.js";
import { describeError, EXIT_OK } from "../errors/describe-error.js";
import { DEFAULT_RANGE, RANGE_PRESETS, type RangeChoice } from "../hooks/range.js";
import { editorFromEnv } from "../notes/editor.js";
import { openSession, type Session } from "../session/session.js";

export async function runUi(flags: ConnectionFlags): Promise<number> {
  let opening: Promise<Session> | undefined;
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
    // A worker thread overlaps generating the demo world with loading the UI, but only pays off with a core
    // to spare: on two cores its second copy of core costs more than the overlap saves (pnpm bench).
    opening = openSession(settings, { sandboxIn: availableParallelism() >= 4 ? "worker" : "process" });
    const [{ render }, { App }, session] = await Promise.all([import("ink"), import("../app.js"), opening]);
    process.stdout.write("\r\x1b[2K");
    const app = render(
      <App
        session={session}
        initialRange={range}
        editor={editorFromEnv(process.env)}
        reportsDir={process.cwd()}
      />,
      { exitOnCtrlC: true },
    );
    await app.waitUntilExit();
    return EXIT_OK;
  } catch (err) {
    const d = describeError(err);
    process.stderr.write(`goatkit: ${d.message}\n`);
    return d.exitCode;
  } finally {
    await opening?.then((s) => s.close()).catch(() => {});
  }
}
