/**
 * Volume: megabyte strings, nesting 200,000 levels deep, objects of 100,000 keys, arrays of 300,000
 * numbers, query values up to 1 MB and ids of 20,000 characters, to every route of the table. Few runs,
 * so the whole file moves a bounded amount of data (tens of megabytes) and stays within CI time.
 */
import fc from "fast-check";
import { afterAll, describe, it } from "vitest";
import {
  HUGE_VOLUME,
  hostileRequest,
  longQuery,
  NORMAL_VOLUME,
} from "../test-helpers/hostile-arbitraries.js";
import { fcParams, HostileHarness, seedBanner } from "../test-helpers/hostile-harness.js";

const h = await HostileHarness.create();
console.info(seedBanner("volume"));
afterAll(() => console.info(`[hostile:volume] ${h.summary()}`));
const writes = h.routes.filter((r) => r.method !== "GET");
/** Mostly the modelled routes (in the OpenAPI document); the 501 ones share a handler. */
const pick = (routes: typeof h.routes) =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...routes.filter((r) => r.documented)), weight: 6 },
    { arbitrary: fc.constantFrom(...routes.filter((r) => !r.documented)), weight: 1 },
  );

describe("hostile volume (in process)", () => {
  it("huge bodies → every write route", async () => {
    const requests = pick(writes).chain((route) =>
      hostileRequest(route, {
        volume: HUGE_VOLUME,
        body: "huge",
        paths: "mostly-real",
        otherMethods: false,
        maxQueryValue: 0,
      }),
    );
    await fc.assert(
      fc.asyncProperty(requests, async (req) => {
        await h.exec(req);
      }),
      fcParams("volume bodies", 36, 40_000),
    );
  }, 120_000);

  it("very long query values and ids → every route", async () => {
    const requests = pick(h.routes).chain((route) =>
      hostileRequest(route, {
        volume: NORMAL_VOLUME,
        body: "hostile",
        paths: "hostile",
        otherMethods: false,
        maxQueryValue: 2_000,
        extraQuery: longQuery(16_000, 1_000_000),
      }),
    );
    await fc.assert(
      fc.asyncProperty(requests, async (req) => {
        await h.exec(req);
      }),
      fcParams("volume queries", 30, 30_000),
    );
  }, 120_000);
});
