import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { TEST_KEY } from "../test-helpers/fixtures.js";
import { createClient } from "./create-client.js";
import { ConfigurationError, TrackagoatError } from "./errors.js";
import { DEFAULT_BASE_URL, resolveClientOptions, VERSION } from "./options.js";

afterEach(() => {
  vi.unstubAllEnvs();
});

/** The error createClient throws for these options, after checking no request went out. */
function configError(options: Parameters<typeof createClient>[0]): ConfigurationError {
  const fetchSpy = vi.fn<typeof fetch>();
  try {
    createClient({ ...options, fetch: fetchSpy });
  } catch (err) {
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(err).toBeInstanceOf(ConfigurationError);
    expect(err).toBeInstanceOf(TrackagoatError);
    return err as ConfigurationError;
  }
  throw new Error("expected createClient to throw");
}

describe("API key validation, before any request", () => {
  it("rejects a missing key and says where to put one", () => {
    vi.stubEnv("TRACKAGOAT_API_KEY", undefined);
    expect(configError({}).message).toMatch(/No trackagoat API key.*TRACKAGOAT_API_KEY/);
    expect(configError({ apiKey: "" }).message).toMatch(/No trackagoat API key/);
  });

  it.each([
    [`tga_${"A".repeat(64)}`, /uppercase/],
    [`tga_${"0".repeat(63)}`, /63 characters, not 64/],
    [`sk_${"0".repeat(64)}`, /does not start with "tga_"/],
    [` ${TEST_KEY}`, /whitespace/],
    [`Bearer ${TEST_KEY}`, /starts with "Bearer "/],
    [`tga_${"g".repeat(64)}`, /other than 0-9 and a-f/],
  ])("rejects a malformed key (%#) with a specific reason and without echoing it", (key, reason) => {
    const err = configError({ apiKey: key });
    expect(err.message).toMatch(reason);
    expect(err.message).toMatch(/Expected "tga_" followed by 64 lowercase hex characters/);
    expect(err.message).not.toContain(key.trim().slice(0, 20));
    expect(JSON.stringify(err)).not.toContain(key.trim().slice(0, 20));
  });

  it("shows at most the first 8 characters of a malformed key", () => {
    const key = `tga_ab12${"Z".repeat(60)}`;
    const err = configError({ apiKey: key });
    expect(err.message).toContain("tga_ab12…");
    expect(err.message).not.toContain("tga_ab12Z");
  });

  it("reads the key and base URL from the environment", () => {
    vi.stubEnv("TRACKAGOAT_API_KEY", TEST_KEY);
    vi.stubEnv("TRACKAGOAT_BASE_URL", "http://127.0.0.1:4010/api/v1/");
    const resolved = resolveClientOptions({});
    expect(resolved.apiKey).toBe(TEST_KEY);
    expect(resolved.baseUrl).toBe("http://127.0.0.1:4010/api/v1");
    expect(createClient().baseUrl).toBe("http://127.0.0.1:4010/api/v1");
  });

  it("names the environment variable when the bad key came from there", () => {
    vi.stubEnv("TRACKAGOAT_API_KEY", "tga_nope");
    expect(configError({}).message).toMatch(/from TRACKAGOAT_API_KEY is malformed/);
  });

  it("prefers options over the environment", () => {
    vi.stubEnv("TRACKAGOAT_API_KEY", "garbage");
    vi.stubEnv("TRACKAGOAT_BASE_URL", "http://env.test/api/v1");
    const resolved = resolveClientOptions({ apiKey: TEST_KEY, baseUrl: "https://proxy.test/api/v1" });
    expect(resolved.apiKey).toBe(TEST_KEY);
    expect(resolved.baseUrl).toBe("https://proxy.test/api/v1");
  });
});

describe("other options", () => {
  it("has documented defaults", () => {
    const r = resolveClientOptions({ apiKey: TEST_KEY }, {});
    expect(r).toMatchObject({
      baseUrl: DEFAULT_BASE_URL,
      maxRetries: 2,
      timeout: 30_000,
      maxRetryAfter: 60_000,
      rateLimit: { requests: 60, windowMs: 60_000 },
      userAgent: `goatkit/${VERSION} (+node)`,
      logger: undefined,
    });
  });

  it("keeps VERSION equal to package.json", () => {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
      version: string;
    };
    expect(VERSION).toBe(pkg.version);
  });

  it.each([
    [{ baseUrl: "not a url" }, /baseUrl is not a URL/],
    [{ baseUrl: "ftp://x.test" }, /http or https/],
    [{ maxRetries: -1 }, /maxRetries must be an integer/],
    [{ maxRetries: 1.5 }, /maxRetries must be an integer/],
    [{ timeout: 0 }, /timeout must be a positive/],
    [{ rateLimit: { requests: 0, windowMs: 1000 } }, /rateLimit.requests/],
  ])("rejects bad option %o", (opts, message) => {
    expect(configError({ apiKey: TEST_KEY, ...opts }).message).toMatch(message);
  });

  it("rejects bad per-call options before sending", async () => {
    const fetchSpy = vi.fn<typeof fetch>();
    const tg = createClient({
      apiKey: TEST_KEY,
      baseUrl: "http://127.0.0.1:1/api/v1",
      fetch: fetchSpy,
      rateLimit: false,
    });
    await expect(tg.schema.get({ timeout: -5 })).rejects.toBeInstanceOf(ConfigurationError);
    expect(fetchSpy).not.toHaveBeenCalled();
  });
});
