import { describe, expect, it } from "vitest";
import { testSandbox } from "../test-helpers/sandbox.js";

describe("rate limits", () => {
  it("per key: the 61st request in a minute is 429 with meta.retryAfter and Retry-After", async () => {
    const sb = testSandbox({ rateLimit: { perMinute: 60 } });
    for (let i = 0; i < 60; i++) expect((await sb.get("/projects")).status).toBe(200);
    const res = await sb.get("/projects");
    expect(res.status).toBe(429);
    expect(res.json.meta.code).toBe("rate_limit_exceeded");
    const retryAfter = Number(res.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(res.json.meta.retryAfter).toBe(retryAfter);
    // Another key has its own window.
    expect((await sb.get("/projects", { key: sb.keys.readOnly })).status).toBe(200);
  });

  it("daily quota per org: 429 with retryAfter = seconds to UTC midnight; other orgs unaffected", async () => {
    const sb = testSandbox();
    sb.state.orgs.get(sb.orgB)!.limits.max_api_requests_per_day = 3;
    for (let i = 0; i < 3; i++) expect((await sb.get("/projects", { key: sb.keys.orgB })).status).toBe(200);
    const res = await sb.get("/projects", { key: sb.keys.orgB });
    expect(res.status).toBe(429);
    expect(res.json.meta).toMatchObject({
      code: "rate_limit_exceeded",
      limitKey: "max_api_requests_per_day",
      max: 3,
    });
    const midnight = sb.state.clock.secondsToUtcMidnight();
    expect(Math.abs(res.json.meta.retryAfter - midnight)).toBeLessThanOrEqual(1);
    expect(res.headers.get("retry-after")).toBe(String(res.json.meta.retryAfter));
    expect((await sb.get("/projects")).status).toBe(200);
  });

  it("both limiters can be turned off", async () => {
    const sb = testSandbox({ rateLimit: false, dailyQuota: false });
    sb.state.orgs.get(sb.orgB)!.limits.max_api_requests_per_day = 0;
    for (let i = 0; i < 70; i++) expect((await sb.get("/projects", { key: sb.keys.orgB })).status).toBe(200);
  });
});
