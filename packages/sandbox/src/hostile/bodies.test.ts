/**
 * Hostile bodies to every write route of the route table, in process, with mostly live ids so the body
 * is actually read: wrong types for every field, unknown and `__proto__` keys, calendar-invalid dates,
 * reversed ranges, edge numbers, thousands of nesting levels, non-JSON under a JSON content type, empty
 * bodies, arrays where objects go, duplicate keys, bulk forms. See test-helpers/hostile-harness.ts for
 * what is asserted of every response.
 */
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import {
  badDateBody,
  hostileRequest,
  makeRequest,
  NORMAL_VOLUME,
} from "../test-helpers/hostile-arbitraries.js";
import { fcParams, HostileHarness, seedBanner } from "../test-helpers/hostile-harness.js";

const h = await HostileHarness.create();
console.info(seedBanner("bodies"));
afterAll(() => console.info(`[hostile:bodies] ${h.summary()}`));
const writeRoutes = h.routes.filter((r) => r.method !== "GET");

describe("hostile bodies → every write route (in process)", () => {
  for (const route of writeRoutes) {
    it(route.label, async () => {
      const requests = hostileRequest(route, {
        volume: NORMAL_VOLUME,
        body: "hostile",
        paths: "mostly-real",
        otherMethods: false,
        maxQueryValue: 0,
      });
      await fc.assert(
        fc.asyncProperty(requests, async (req) => {
          await h.exec(req);
        }),
        // The 501 routes (not in the OpenAPI document) share one handler: fewer runs each.
        fcParams(`bodies ${route.label}`, route.documented ? 24 : 6),
      );
      expect(h.unreached([route.label]), "no request got past auth, routing and id lookup").toEqual([]);
    }, 90_000);
  }

  it("every list route still answers 200 with the envelope afterwards", async () => {
    expect(await h.listProblems("full")).toEqual([]);
  });
});

const dated = writeRoutes.flatMap((route) => {
  const bodies = badDateBody(route.bodySchema);
  return bodies ? [{ route, bodies }] : [];
});

describe("calendar-invalid dates in a body are refused (4xx), never stored", () => {
  it("finds the write routes whose bodies take a date", () => {
    expect(dated.length).toBeGreaterThan(3);
  });
  for (const { route, bodies } of dated) {
    it(route.label, async () => {
      const params = route.segments.filter((s) => s.kind === "param").length;
      const requests = fc.tuple(fc.nat({ max: 1_000 }), bodies).map(([pick, body]) =>
        makeRequest(route, {
          body,
          path: {
            params: Array.from({ length: params }, () => ({
              kind: "real" as const,
              org: "A" as const,
              pick,
              alter: "none" as const,
            })),
            wildcard: [],
            suffix: "",
            doubleSlash: false,
          },
        }),
      );
      await fc.assert(
        fc.asyncProperty(requests, async (req) => {
          await h.execRefused(req, "a calendar-invalid date");
        }),
        fcParams(`bad dates ${route.label}`, 16),
      );
    }, 90_000);
  }
});
