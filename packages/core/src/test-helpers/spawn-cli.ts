/**
 * A goatkit CLI as a user runs it, for the CLI tests of every package (sandbox, proxy, and the apps to
 * come): spawned from source with tsx, its output collected, `output(pattern)` waiting for a line the
 * user would read. Children still running after the file's tests are killed.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { afterAll } from "vitest";

export interface CliRun {
  child: ChildProcess;
  /** The exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** Resolves with the first match of `pattern` in stdout; rejects on timeout or an early exit. */
  output(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * A runner for `<packageDir>/src/cli.ts`; call it at the top of a test file (it registers the cleanup).
 *
 * @example
 * const run = cliRunner(fileURLToPath(new URL("..", import.meta.url)));
 * const cli = run(["--port", "0"]);
 * await cli.output(/Ctrl-C to stop/);
 */
export function cliRunner(packageDir: string, entry = "src/cli.ts"): (args: string[]) => CliRun {
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  });
  return (args) => {
    const child = spawn(
      process.execPath,
      ["--conditions=@goatkit/source", "--import", "tsx", entry, ...args],
      {
        cwd: packageDir,
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    children.push(child);
    let stdout = "";
    let stderr = "";
    child.stdout!.on("data", (d) => {
      stdout += d;
    });
    child.stderr!.on("data", (d) => {
      stderr += d;
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const output = (pattern: RegExp, timeoutMs = 20_000) =>
      new Promise<RegExpMatchArray>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`timed out waiting for ${pattern}; got:\n${stdout}\n${stderr}`)),
          timeoutMs,
        );
        const check = () => {
          const m = stdout.match(pattern);
          if (m) {
            clearTimeout(timer);
            resolve(m);
          }
        };
        check();
        child.stdout!.on("data", check);
        child.on("exit", () => {
          clearTimeout(timer);
          reject(new Error(`exited early; stdout:\n${stdout}\nstderr:\n${stderr}`));
        });
      });
    return {
      child,
      exited,
      output,
      get stdout() {
        return stdout;
      },
      get stderr() {
        return stderr;
      },
    };
  };
}
