/**
 * A goatkit CLI as a user runs it, for the CLI tests of every package (sandbox, proxy, tui, mcp): the
 * built `dist/cli.js` when it is at least as new as every source file (as `npm test` leaves it: turbo
 * builds a package before testing it), else the source through tsx (a second or more per start on a busy
 * machine, which made spawn-heavy suites time out). Its output is collected, `output(pattern)` waits for a
 * line the user would read, and children still running after the file's tests are killed.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
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
  const built = builtEntry(packageDir, entry);
  const argv = built ? [built] : ["--conditions=@goatkit/source", "--import", "tsx", entry];
  return (args) => {
    const child = spawn(process.execPath, [...argv, ...args], {
      cwd: packageDir,
      stdio: ["ignore", "pipe", "pipe"],
    });
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

/** `dist/<entry>.js` when it exists and no file under `src/` is newer; undefined otherwise. */
function builtEntry(packageDir: string, entry: string): string | undefined {
  if (!entry.startsWith("src/") || !/\.tsx?$/.test(entry)) return undefined;
  const dist = join(packageDir, entry.replace(/^src\//, "dist/").replace(/\.tsx?$/, ".js"));
  if (!existsSync(dist)) return undefined;
  const builtAt = statSync(dist).mtimeMs;
  return newestMtime(join(packageDir, "src")) <= builtAt ? dist : undefined;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const item of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, item.name);
    if (item.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (!/\.test\.tsx?$/.test(item.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}
