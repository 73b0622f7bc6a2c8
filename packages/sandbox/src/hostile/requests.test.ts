/**
 * Hostile paths and queries to every route of the route table, in process: ids replaced by hostile
 * strings (`%FF%FE`, traversal, names of built-ins, 20,000-character ids), odd suffixes and double
 * slashes, other methods on the route's path, calendar-invalid dates and reversed ranges in `from`/`to`,
 * edge numbers, invalid percent-escapes and long values in the query, unknown parameters; and a long
 * session whose successful writes accumulate, after which every list must still answer.
 */
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { hostileRequest, NORMAL_VOLUME } from "../test-helpers/hostile-arbitraries.js";
import { fcParams, HostileHarness, seedBanner } from "../test-helpers/hostile-harness.js";

const h = await HostileHarness.create();
console.info(seedBanner("requests"));
afterAll(() => console.info(`[hostile:requests] ${h.summary()}`));

describe("hostile paths and queries → every route (in process)", () => {
  for (const route of h.routes) {
    it(route.label, async () => {
      const requests = hostileRequest(route, {
        volume: NORMAL_VOLUME,
        body: "hostile",
        paths: "hostile",
        otherMethods: true,
        maxQueryValue: 20_000,
      });
      await fc.assert(
        fc.asyncProperty(requests, async (req) => {
          await h.exec(req);
        }),
        // The 501 routes (not in the OpenAPI document) share one handler: fewer runs each.
        fcParams(`requests ${route.label}`, route.documented ? 12 : 4),
      );
    }, 90_000);
  }

  it("every list route still answers 200 with the envelope afterwards", async () => {
    expect(await h.listProblems("full")).toEqual([]);
  });
});

describe("concurrent batches (in process)", () => {
  it("2–5 hostile requests at once: envelopes, and all errors ⇒ no change", async () => {
    const batch = fc.array(
      fc.constantFrom(...h.routes.filter((r) => r.documented)).chain((route) =>
        hostileRequest(route, {
          volume: NORMAL_VOLUME,
          body: "hostile",
          paths: "mostly-real",
          otherMethods: false,
          maxQueryValue: 2_000,
        }),
      ),
      { minLength: 2, maxLength: 5 },
    );
    await fc.assert(
      fc.asyncProperty(batch, async (reqs) => {
        await h.execBatch(reqs);
      }),
      fcParams("concurrent batches", 40),
    );
  }, 120_000);
});

describe("a long session: writes accumulate (in process, never rebuilt)", () => {
  it("every response holds the properties, and every list still answers 200 at the end", async () => {
    const session = await HostileHarness.create({ keepState: true });
    const requests = fc.constantFrom(...session.routes).chain((route) =>
      hostileRequest(route, {
        volume: NORMAL_VOLUME,
        body: "hostile",
        paths: "mostly-real",
        otherMethods: false,
        maxQueryValue: 2_000,
      }),
    );
    await fc.assert(
      fc.asyncProperty(requests, async (req) => {
        await session.exec(req);
      }),
      // Shrinking would replay against an already changed world: report the first failure as found.
      { ...fcParams("session", 250), endOnFailure: true },
    );
    expect(await session.listProblems("full")).toEqual([]);
  }, 120_000);
});
