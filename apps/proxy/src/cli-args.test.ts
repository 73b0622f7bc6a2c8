/** The CLI's flags in process: defaults, value checks, combinations, and the options they become. */
import { CommanderError } from "commander";
import { describe, expect, it } from "vitest";
import { type CliFlags, cacheSpecOf, cliProgram, toProxyOptions, usageProblem } from "./cli-args.js";

function parse(args: string[]): CliFlags {
  const cmd = cliProgram().configureOutput({ writeErr: () => {}, writeOut: () => {} });
  cmd.parse(["node", "goatkit-proxy", ...args]);
  return cmd.opts<CliFlags>();
}

describe("goatkit-proxy flags", () => {
  it("defaults: the real API, port 4020 on loopback, SQLite beside the process, 60/min per key", () => {
    const flags = parse([]);
    expect(usageProblem(flags)).toBeNull();
    expect(cacheSpecOf(flags)).toEqual({ kind: "sqlite", path: "./goatkit-proxy-cache.sqlite" });
    expect(toProxyOptions(flags)).toMatchObject({
      port: 4020,
      host: "127.0.0.1",
      upstream: "https://www.trackagoat.com/api/v1",
      rateLimit: { requests: 60, windowMs: 60_000 },
      maxWaitMs: 10_000,
      upstreamTimeoutMs: 30_000,
      policy: {},
      revalidate: {},
    });
  });

  it("--demo keeps the cache in memory unless told otherwise", () => {
    expect(cacheSpecOf(parse(["--demo"]))).toEqual({ kind: "memory" });
    expect(cacheSpecOf(parse(["--demo", "--cache", "sqlite:./x.sqlite"]))).toEqual({
      kind: "sqlite",
      path: "./x.sqlite",
    });
  });

  it("maps pacing, waits and per-family freshness to options in milliseconds", () => {
    const flags = parse([
      "--upstream",
      "http://127.0.0.1:4010/api/v1/",
      "--upstream-rate-limit",
      "off",
      "--max-wait",
      "2.5",
      "--fresh",
      "lists=30",
      "--stale",
      "lists=600",
      "--fresh",
      "stats=60",
      "--revalidate",
      "schema=0",
    ]);
    expect(toProxyOptions(flags)).toMatchObject({
      upstream: "http://127.0.0.1:4010/api/v1",
      rateLimit: false,
      maxWaitMs: 2_500,
      policy: { lists: { ttlMs: 30_000, staleMs: 600_000 }, stats: { ttlMs: 60_000 } },
      revalidate: { schema: 0 },
    });
  });

  it.each([
    [["--port", "abc"], /--port must be a whole number/],
    [["--port", "70000"], /--port must be a whole number/],
    [["--upstream", "ftp://x/api/v1"], /http or https/],
    [["--upstream", "https://www.trackagoat.com/"], /version segment/],
    [["--cache", "mysql://localhost"], /memory:, sqlite:<path> or redis:\/\/host:port\/db/],
    [["--cache", "redis://localhost/cache"], /database number/],
    [["--upstream-rate-limit", "fast"], /--upstream-rate-limit/],
    [["--fresh", "everything=5"], /family=seconds/],
    [["--fresh", "lists=-1"], /seconds ≥ 0/],
    [["--scale", "huge"], /Allowed choices/],
    [["--now", "yesterday"], /ISO date-time/],
    [["--bogus"], /unknown option/],
  ])("%j is a usage error naming the problem", (args, message) => {
    let error: unknown;
    try {
      parse(args);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(CommanderError);
    expect((error as Error).message).toMatch(message);
  });

  it("refuses combinations that cannot mean anything", () => {
    expect(usageProblem(parse(["--demo", "--upstream", "http://127.0.0.1:1/api/v1"]))).toMatch(
      /--demo runs its own upstream/,
    );
    expect(usageProblem(parse(["--seed", "7"]))).toMatch(/--seed only applies with --demo/);
    expect(usageProblem(parse(["--demo", "--seed", "7", "--scale", "tiny"]))).toBeNull();
  });
});
