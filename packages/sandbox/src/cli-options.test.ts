/** The shared demo flags: what they accept and refuse, and that their scale list is the sandbox's. */
import { Command, type CommanderError } from "commander";
import { describe, expect, it } from "vitest";
import { baseUrlValue, DEMO_SCALES, demoOptions, integerValue, isoInstantValue } from "./cli-options.js";
import { SCALES } from "./options.js";

function parse(args: string[]): Record<string, unknown> | string {
  const program = new Command().exitOverride().configureOutput({ writeErr: () => {}, writeOut: () => {} });
  for (const option of demoOptions()) program.addOption(option);
  try {
    return program.parse(args, { from: "user" }).opts();
  } catch (err) {
    return (err as CommanderError).message;
  }
}

describe("demoOptions", () => {
  it("parses the four flags, normalising --now", () => {
    expect(
      parse(["--demo", "--seed", "7", "--scale", "large", "--now", "2026-03-31T12:00:00+02:00"]),
    ).toEqual({
      demo: true,
      seed: 7,
      scale: "large",
      now: "2026-03-31T10:00:00.000Z",
    });
    expect(parse([])).toEqual({});
  });

  it("refuses bad values with a message naming what is expected", () => {
    expect(parse(["--seed", "-1"])).toMatch(/--seed must be a whole number from 0 to 2147483647/);
    expect(parse(["--scale", "huge"])).toMatch(/tiny, small, medium, large/);
    expect(parse(["--now", "yesterday"])).toMatch(/ISO date-time/);
  });

  it("offers the sandbox's own scales", () => {
    expect([...DEMO_SCALES]).toEqual([...SCALES]);
  });

  it("value parsers check their bounds", () => {
    expect(integerValue("--port", 0, 65535)("8080")).toBe(8080);
    expect(() => integerValue("--port", 0, 65535)("65536")).toThrow(/--port/);
    expect(isoInstantValue("2026-03-31")).toBe("2026-03-31T00:00:00.000Z");
    expect(baseUrlValue("http://127.0.0.1:4020/api/v1/")).toBe("http://127.0.0.1:4020/api/v1");
    expect(() => baseUrlValue("ftp://x/api/v1")).toThrow(/http\(s\) URL/);
    expect(() => baseUrlValue("not a url")).toThrow(/http\(s\) URL/);
  });
});
