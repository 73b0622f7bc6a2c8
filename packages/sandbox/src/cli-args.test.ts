import { CommanderError } from "commander";
import { describe, expect, it } from "vitest";
import { type CliFlags, cliProgram, toStartOptions } from "./cli-args.js";

/** Parses like the CLI does, capturing what commander would print. */
function parse(args: string[]): { flags?: CliFlags; error?: string; exitCode?: number } {
  let error = "";
  const cmd = cliProgram().configureOutput({
    writeErr: (s) => {
      error += s;
    },
    writeOut: () => {},
  });
  try {
    cmd.parse(args, { from: "user" });
    return { flags: cmd.opts<CliFlags>() };
  } catch (err) {
    if (!(err instanceof CommanderError)) throw err;
    return { error, exitCode: err.exitCode };
  }
}

describe("CLI flags", () => {
  it("defaults: port 4010 on loopback, seed 42, small, legacy, limits on, no faults", () => {
    const { flags } = parse([]);
    expect(toStartOptions(flags!)).toEqual({
      port: 4010,
      host: "127.0.0.1",
      seed: 42,
      scale: "small",
      now: undefined,
      apiGeneration: "legacy",
      rateLimit: { perMinute: 60 },
      dailyQuota: true,
      faults: { latencyMs: 0, errorRate: 0, dropRate: 0, malformedRate: 0, outage: false },
      drift: false,
    });
  });

  it("--drift turns drift mode on", () => {
    expect(toStartOptions(parse(["--drift"]).flags!).drift).toBe(true);
  });

  it("maps every flag", () => {
    const { flags } = parse(
      "--port 0 --host ::1 --seed 7 --scale large --now 2026-03-31T12:00:00Z --api-generation current --rate-limit off --daily-quota off --latency 50 --error-rate 0.1 --drop-rate 0.2 --malformed-rate 0.3 --outage".split(
        " ",
      ),
    );
    expect(toStartOptions(flags!)).toMatchObject({
      port: 0,
      host: "::1",
      seed: 7,
      scale: "large",
      now: "2026-03-31T12:00:00.000Z",
      apiGeneration: "current",
      rateLimit: false,
      dailyQuota: false,
      faults: { latencyMs: 50, errorRate: 0.1, dropRate: 0.2, malformedRate: 0.3, outage: true },
    });
    expect(toStartOptions(parse(["--rate-limit", "120"]).flags!).rateLimit).toEqual({ perMinute: 120 });
  });

  it("maps the hardening flags: operator token, allowed hosts (repeatable), body limit", () => {
    const { flags } = parse(
      "--host 0.0.0.0 --operator-token abcdefghijklmnop1 --allowed-host sandbox --allowed-host api.test:8080 --max-body-bytes 2048".split(
        " ",
      ),
    );
    expect(toStartOptions(flags!)).toMatchObject({
      host: "0.0.0.0",
      operatorToken: "abcdefghijklmnop1",
      allowedHosts: ["sandbox", "api.test:8080"],
      limits: { maxBodyBytes: 2048 },
    });
  });

  it("reads the operator token from GOATKIT_SANDBOX_OPERATOR_TOKEN", () => {
    process.env.GOATKIT_SANDBOX_OPERATOR_TOKEN = "from-the-environment-1";
    try {
      expect(toStartOptions(parse([]).flags!).operatorToken).toBe("from-the-environment-1");
    } finally {
      delete process.env.GOATKIT_SANDBOX_OPERATOR_TOKEN;
    }
  });

  it.each([
    [["--port", "abc"], /--port.*whole number/],
    [["--port", "70000"], /--port/],
    [["--seed", "-1"], /--seed/],
    [["--scale", "huge"], /huge.*tiny, small, medium, large/],
    [["--api-generation", "next"], /legacy, current/],
    [["--rate-limit", "fast"], /--rate-limit/],
    [["--daily-quota", "maybe"], /on or off/],
    [["--latency", "1.5"], /--latency/],
    [["--error-rate", "2"], /--error-rate.*0 to 1/],
    [["--drop-rate", "-0.1"], /--drop-rate/],
    [["--malformed-rate", "x"], /--malformed-rate/],
    [["--now", "yesterday"], /--now.*ISO/],
    [["--bogus"], /unknown option '--bogus'/],
    [["--operator-token", "short"], /--operator-token.*at least 16 characters/],
    [["--operator-token", "has spaces in it, sixteen+"], /printable ASCII without spaces/],
    [["--allowed-host", "a b"], /--allowed-host.*host name/],
    [["--max-body-bytes", "0"], /--max-body-bytes/],
  ])("%j → one line naming the problem, exit code 2", (args, message) => {
    const { error, exitCode } = parse(args);
    expect(exitCode).not.toBe(0);
    expect(error).toMatch(message);
    expect(error!.trimEnd().split("\n")).toHaveLength(1);
    expect(error).toContain("(see goatkit-sandbox --help)");
  });
});
