/**
 * A real `redis-server` for tests: started on a free loopback port with persistence off (`--save ''
 * --appendonly no`), stopped at the end, and stoppable and restartable on the same port mid-test (the
 * "Redis went down and came back" cases). One per test file: `startRedisServer()` in `beforeAll`,
 * `stop()` in `afterAll`, `flush()` between tests.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createServer, Socket } from "node:net";

export interface RedisServer {
  /** `redis://127.0.0.1:<port>/0`. */
  readonly url: string;
  readonly port: number;
  /** Whether the server is running now. */
  readonly running: boolean;
  /** Empties every database (`FLUSHALL`). */
  flush(): Promise<void>;
  /** Stops the server (as a crash would: the process goes, nothing is saved). */
  stop(): Promise<void>;
  /** Starts it again on the same port, empty. */
  restart(): Promise<void>;
}

/** Where the binary is: `REDIS_SERVER` or `redis-server` on the PATH (CI installs Debian's package). */
const BINARY = process.env.REDIS_SERVER ?? "redis-server";

export async function startRedisServer(): Promise<RedisServer> {
  const port = await freePort();
  let child: ChildProcess | undefined = await launch(port);
  const server: RedisServer = {
    url: `redis://127.0.0.1:${port}/0`,
    port,
    get running() {
      return child !== undefined;
    },
    flush: async () => {
      await command(port, "FLUSHALL");
    },
    stop: async () => {
      const c = child;
      child = undefined;
      if (c) await kill(c);
    },
    restart: async () => {
      await server.stop();
      child = await launch(port);
    },
  };
  return server;
}

async function launch(port: number): Promise<ChildProcess> {
  const child = spawn(
    BINARY,
    [
      "--bind",
      "127.0.0.1",
      "--port",
      String(port),
      "--save",
      "",
      "--appendonly",
      "no",
      "--protected-mode",
      "yes",
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const exited = new Promise<never>((_, reject) => {
    child.once("error", (err) => reject(new Error(`cannot start ${BINARY}: ${err.message}`)));
    child.once("exit", (code) => reject(new Error(`${BINARY} exited (${code}) at start:\n${output}`)));
  });
  exited.catch(() => {});
  // Ready once it answers PING (its log line wording changes between versions).
  const giveUpAt = Date.now() + 10_000;
  for (;;) {
    const pong = await Promise.race([command(port, "PING").catch(() => ""), exited]);
    if (pong.startsWith("+PONG")) break;
    if (Date.now() > giveUpAt) {
      child.kill("SIGKILL");
      throw new Error(`${BINARY} did not answer on port ${port} within 10 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  child.stdout?.off("data", collect);
  child.stderr?.off("data", collect);
  child.stdout?.resume();
  child.stderr?.resume();
  return child;
}

function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });
}

/** One inline command over a raw socket; resolves with the first reply line. */
function command(port: number, line: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = new Socket();
    socket.setTimeout(2_000, () => socket.destroy(new Error("timeout")));
    socket.once("error", reject);
    socket.connect(port, "127.0.0.1", () => socket.write(`${line}\r\n`));
    socket.once("data", (data) => {
      resolve(data.toString());
      socket.end();
    });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
