/**
 * `--cache redis://…`: parsed (database number, `prefix=`), shown without its password, opened on a real
 * redis-server; and the CLI on it: two CLI processes share one cache, and an address where no Redis
 * answers is exit code 3 with a message that names it but never its password.
 */
import { fileURLToPath } from "node:url";
import { cliRunner } from "@goatkit/core-test-helpers/spawn-cli.js";
import { startSandbox } from "@goatkit/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RedisServer, startRedisServer } from "../test-helpers/redis-server.js";
import { describeCacheSpec, openStore, parseCacheSpec } from "./open-store.js";
import { RedisStore } from "./stores/redis-store.js";

const run = cliRunner(fileURLToPath(new URL("../..", import.meta.url)));

let redis: RedisServer;
beforeAll(async () => {
  redis = await startRedisServer();
});
afterAll(async () => {
  await redis?.stop();
});

describe("--cache redis://", () => {
  it("parses the database and an optional key prefix; shows no password", () => {
    expect(parseCacheSpec("redis://10.0.0.5:6379/2?prefix=team-a:")).toEqual({
      kind: "redis",
      url: "redis://10.0.0.5:6379/2",
      prefix: "team-a:",
    });
    const secret = parseCacheSpec("rediss://:s3cret@cache.internal:6380/0");
    expect(secret).toMatchObject({ kind: "redis", prefix: "goatkit-proxy:" });
    expect(describeCacheSpec(secret)).toBe("rediss://:***@cache.internal:6380/0");
    expect(() => parseCacheSpec("redis://host/not-a-db")).toThrow(/database number/);
    expect(() => parseCacheSpec("redis://host/0?prefix=")).toThrow(/prefix/);
    expect(() => parseCacheSpec("http://:pw@x/")).toThrow(/^(?!.*pw).*expected memory:/);
  });

  it("opens a RedisStore under the prefix", async () => {
    const store = await openStore(parseCacheSpec(`${redis.url}?prefix=open-test:`));
    try {
      expect(store).toBeInstanceOf(RedisStore);
      expect((store as RedisStore).prefix).toBe("open-test:");
    } finally {
      await store.close?.();
    }
  });

  it("two CLI instances on one Redis: the second answers from what the first stored", async () => {
    const sandbox = await startSandbox({ seed: 42, scale: "tiny", rateLimit: false, logErrors: false });
    const start = () =>
      run([
        ...["--upstream", sandbox.url, "--upstream-rate-limit", "off", "--port", "0"],
        ...["--cache", redis.url, "--log-level", "silent"],
      ]);
    const [one, two] = [start(), start()];
    try {
      const urls = await Promise.all(
        [one, two].map(async (cli) => {
          await cli.output(/Ctrl-C to stop/, 60_000);
          expect(cli.stdout).toContain(`cache ${redis.url}`);
          return cli.stdout.match(/API:\s+(http:\/\/127\.0\.0\.1:\d+\/api\/v1)/)![1]!;
        }),
      );
      const auth = { authorization: `Bearer ${sandbox.keys.readWrite}` };
      const get = (url: string) => fetch(`${url}/projects`, { headers: auth });
      expect((await get(urls[0]!)).headers.get("cache-status")).toBe("goatkit; fwd=miss; stored");
      expect((await get(urls[1]!)).headers.get("cache-status")).toMatch(/^goatkit; hit/);
    } finally {
      one.child.kill("SIGINT");
      two.child.kill("SIGINT");
      expect(await one.exited).toBe(0);
      expect(await two.exited).toBe(0);
      await sandbox.stop();
    }
  }, 90_000);

  it("no Redis at the address: exit code 3, the address named, the password never", async () => {
    const gone = await startRedisServer();
    await gone.stop();
    const cli = run(["--demo", "--port", "0", "--cache", `redis://:hunter2@127.0.0.1:${gone.port}/0`]);
    expect(await cli.exited).toBe(3);
    expect(cli.stderr).toMatch(/cannot open the cache store redis:\/\/:\*\*\*@127\.0\.0\.1:\d+\/0/);
    expect(cli.stderr + cli.stdout).not.toContain("hunter2");
    expect(cli.stderr.trimEnd().split("\n")).toHaveLength(1);
  }, 60_000);
});
