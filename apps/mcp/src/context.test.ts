/** orient's rate budget: the client's own estimate from its pacing limiter, labelled as one. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { startMcp } from "./test-helpers/harness.js";
import { VERSION } from "./version.js";

describe("orient's rate budget", () => {
  it("counts this server's own requests in the current minute, as an estimate", async () => {
    // Pacing on (the default outside tests): 60 a minute per key.
    const h = await startMcp({ server: { rateLimit: undefined } });
    try {
      const o = await h.call("orient");
      const budget = o.structured.rate_budget as Record<string, unknown>;
      const spent = o.structured.requests as number;
      expect(spent).toBeGreaterThan(0);
      expect(budget).toMatchObject({
        estimate: true,
        paced: true,
        requests_per_minute: 60,
        used_last_minute: spent,
        left_this_minute: 60 - spent,
      });
      expect(budget.note).toMatch(/no rate-limit headers/);
      expect(o.text).toMatch(
        new RegExp(`Rate budget \\(estimate.*: ${60 - spent} of 60 requests left this minute`),
      );
      const again = await h.call("search_creators", { limit: 1 });
      const after = await h.call("orient");
      const used = spent + (again.structured.requests as number) + (after.structured.requests as number);
      expect((after.structured.rate_budget as { used_last_minute: number }).used_last_minute).toBe(used);
    } finally {
      await h.close();
    }
  });
});

it("reports package.json's version to clients", () => {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
    version: string;
  };
  expect(VERSION).toBe(pkg.version);
});
