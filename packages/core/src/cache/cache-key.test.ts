import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { TEST_KEY } from "../test-helpers/fixtures.js";
import { cacheKey, credentialHash } from "./cache-key.js";

const OTHER_KEY = `tga_${"f".repeat(64)}`;
const BASE = "https://www.trackagoat.com/api/v1";
const key = (url: string, method = "GET", credential = TEST_KEY) => cacheKey({ method, url }, credential);

describe("cacheKey", () => {
  it("ignores the order of query parameters", () => {
    expect(key(`${BASE}/creators?project_id=p&limit=100`)).toBe(
      key(`${BASE}/creators?limit=100&project_id=p`),
    );
  });

  it("sorts repeated names by value and keeps every value", () => {
    expect(key(`${BASE}/x?a=2&a=1`)).toBe(key(`${BASE}/x?a=1&a=2`));
    expect(key(`${BASE}/x?a=1&a=2`)).not.toBe(key(`${BASE}/x?a=1`));
  });

  it("drops empty parameters", () => {
    expect(key(`${BASE}/creators?search=&limit=5`)).toBe(key(`${BASE}/creators?limit=5`));
    expect(key(`${BASE}/creators?`)).toBe(key(`${BASE}/creators`));
  });

  it("encodes the query the same way whatever the input used", () => {
    const a = key(`${BASE}/creators?search=a%20b&x=%C3%A9`);
    expect(key(`${BASE}/creators?search=a+b&x=é`)).toBe(a);
    // and a value containing & or = cannot pose as two parameters
    expect(key(`${BASE}/x?a=1%26b%3D2`)).not.toBe(key(`${BASE}/x?a=1&b=2`));
  });

  it("upper-cases the method and keeps methods apart", () => {
    expect(key(`${BASE}/x`, "get")).toBe(key(`${BASE}/x`, "GET"));
    expect(key(`${BASE}/x`, "GET")).not.toBe(key(`${BASE}/x`, "DELETE"));
  });

  it("keeps origin and path apart", () => {
    expect(key(`${BASE}/creators`)).not.toBe(key(`${BASE}/videos`));
    expect(key(`${BASE}/creators`)).not.toBe(key("http://127.0.0.1:4010/api/v1/creators"));
    expect(key(`${BASE}/creators`)).not.toBe(key(`${BASE}/creators?limit=5`));
    expect(key("HTTPS://WWW.TRACKAGOAT.COM/api/v1/creators")).toBe(key(`${BASE}/creators`));
  });

  it("gives different keys for different credentials", () => {
    expect(key(`${BASE}/creators`, "GET", TEST_KEY)).not.toBe(key(`${BASE}/creators`, "GET", OTHER_KEY));
  });

  it("never contains the credential, or any long piece of it", () => {
    const k = key(`${BASE}/creators?limit=5`);
    expect(k).not.toContain(TEST_KEY);
    expect(k).not.toContain(TEST_KEY.slice(4, 20));
    expect(k).toContain(credentialHash(TEST_KEY));
  });

  it("hashes the credential with domain separation, to 32 hex", () => {
    const h = credentialHash(TEST_KEY);
    expect(h).toMatch(/^[0-9a-f]{32}$/);
    // not the plain SHA-256 of the key (what the rate limiter uses as its map key)
    expect(h).not.toBe(createHash("sha256").update(TEST_KEY).digest("hex").slice(0, 32));
    expect(credentialHash(TEST_KEY)).toBe(h);
    expect(credentialHash(OTHER_KEY)).not.toBe(h);
  });

  it("has a stable layout (shared with the proxy's stores)", () => {
    expect(key(`${BASE}/creators?limit=100&project_id=p`)).toBe(
      `v1 GET ${BASE}/creators?limit=100&project_id=p k=${credentialHash(TEST_KEY)}`,
    );
  });
});
