import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SCALES as SANDBOX_SCALES } from "@goatkit/sandbox";
import { describe, expect, it } from "vitest";
import { ConfigFileError, configPath, readConfigFile } from "./config-file.js";
import { SCALES } from "./scales.js";
import { resolveSettings, UsageError } from "./settings.js";

const KEY = (c: string) => `tga_${c.repeat(64)}`;

describe("resolveSettings", () => {
  it("runs the demo when no key is set anywhere", () => {
    expect(resolveSettings({}, {}, {})).toMatchObject({
      mode: "demo",
      seed: 42,
      scale: "small",
      reason: "no_key",
    });
  });

  it("takes the key from the flag, then the environment, then the file", () => {
    const file = { api_key: KEY("c"), base_url: "http://file/api/v1" };
    const env = { TRACKAGOAT_API_KEY: KEY("b") };
    expect(resolveSettings({ apiKey: KEY("a") }, env, file)).toMatchObject({
      apiKey: KEY("a"),
      keySource: "--api-key",
    });
    expect(resolveSettings({}, env, file)).toMatchObject({
      apiKey: KEY("b"),
      keySource: "TRACKAGOAT_API_KEY",
      baseUrl: "http://file/api/v1",
    });
    expect(resolveSettings({}, {}, file)).toMatchObject({ apiKey: KEY("c"), keySource: "config file" });
    expect(
      resolveSettings({ baseUrl: "http://flag/api/v1" }, { TRACKAGOAT_BASE_URL: "http://env/api/v1" }, file),
    ).toMatchObject({ baseUrl: "http://flag/api/v1" });
  });

  it("refuses flags that contradict each other", () => {
    expect(() => resolveSettings({ demo: true, apiKey: KEY("a") }, {}, {})).toThrow(UsageError);
    expect(() => resolveSettings({ seed: 1 }, { TRACKAGOAT_API_KEY: KEY("a") }, {})).toThrow(
      /--seed only applies with --demo/,
    );
  });
});

describe("config file", () => {
  const dir = mkdtempSync(join(tmpdir(), "goatkit-config-"));
  it("is found through GOATKIT_CONFIG, then XDG_CONFIG_HOME", () => {
    expect(configPath({ GOATKIT_CONFIG: "/x.json" })).toBe("/x.json");
    expect(configPath({ XDG_CONFIG_HOME: "/cfg" })).toBe("/cfg/goatkit/config.json");
  });
  it("is optional, and a broken one is a clear error naming the file", () => {
    expect(readConfigFile(join(dir, "missing.json"))).toEqual({});
    const bad = join(dir, "bad.json");
    writeFileSync(bad, "{ nope");
    expect(() => readConfigFile(bad)).toThrow(ConfigFileError);
    const unknown = join(dir, "unknown.json");
    writeFileSync(unknown, JSON.stringify({ apikey: "x" }));
    expect(() => readConfigFile(unknown)).toThrow(/unknown field "apikey"/);
    const ok = join(dir, "ok.json");
    writeFileSync(ok, JSON.stringify({ seed: 3, scale: "tiny" }));
    expect(readConfigFile(ok)).toEqual({ seed: 3, scale: "tiny" });
  });
});

it("knows the sandbox's scales", () => {
  expect([...SCALES]).toEqual([...SANDBOX_SCALES]);
});
