/**
 * Invented keys cannot grow the request log: 20,000 requests with distinct invalid keys (well-formed but
 * unknown, malformed, or with no key) are all counted, under two shared labels, and the operator
 * endpoint's answer stays a few hundred bytes.
 */
import { describe, expect, it } from "vitest";
import { INVALID_KEY_LABEL, NO_KEY_LABEL, redactKey } from "../state/request-log.js";
import { testSandbox } from "../test-helpers/sandbox.js";

describe("request log bounds", () => {
  it("20,000 distinct invalid keys: exact totals, a bounded byKey and a small /__sandbox/requests", async () => {
    const sb = testSandbox({ scale: "tiny", rateLimit: { perMinute: 60 } });
    const N = 20_000;
    for (let i = 0; i < N; i++) {
      const key =
        i % 3 === 0
          ? `tga_${i.toString(16).padStart(64, "0")}`
          : i % 3 === 1
            ? `tga_short${i}`
            : `not-a-key-${i}`;
      const res = await sb.app.request("/api/v1/creators", { headers: { authorization: `Bearer ${key}` } });
      if (res.status !== 401) throw new Error(`expected 401, got ${res.status}`);
    }
    await sb.get("/creators", { key: null });
    await sb.get("/creators", { key: sb.keys.revoked });
    await sb.get("/creators");

    const res = await sb.get("/__sandbox/requests");
    expect(res.json).toEqual({
      total: N + 3,
      byRoute: { "GET /creators": N + 3 },
      byKey: {
        [INVALID_KEY_LABEL]: N,
        [NO_KEY_LABEL]: 1,
        [redactKey(sb.keys.revoked)]: 1,
        [redactKey(sb.keys.readWrite)]: 1,
      },
      byStatus: { "401": N + 2, "200": 1 },
    });
    expect(res.text.length).toBeLessThan(400);
    // Nothing per key behind the scenes either: only authenticated keys reach the rate-limit windows.
    expect(sb.state.keyWindows.size).toBe(1);
    expect(sb.state.idempotency.size).toBe(0);
  });
});
