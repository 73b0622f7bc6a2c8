/**
 * The same properties over real HTTP (a `startSandbox` listener on 127.0.0.1, Node's fetch as the
 * client): a sample of hostile requests to every route, plus a few fixed cases that only the wire can
 * show (the path bytes `%FF%FE` as sent, a 64 KB query, a 100,000-deep and an 8 MB body).
 */
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import {
  bigString,
  deepJson,
  type HostileRequest,
  hostileRequest,
  makeRequest,
  NORMAL_VOLUME,
  obj,
  type RouteInfo,
} from "../test-helpers/hostile-arbitraries.js";
import { fcParams, HostileHarness, seedBanner } from "../test-helpers/hostile-harness.js";

const h = await HostileHarness.create({ http: true });
console.info(seedBanner("http"));
afterAll(() => console.info(`[hostile:http] ${h.summary()}`));
afterAll(() => h.stop());

const route = (label: string): RouteInfo => {
  const found = h.routes.find((r) => r.label === label);
  if (!found) throw new Error(`no route ${label} in the table`);
  return found;
};

describe("hostile requests over real HTTP", () => {
  it("a sample of hostile requests → every route", async () => {
    const requests = fc.constantFrom(...h.routes).chain((r) =>
      hostileRequest(r, {
        volume: NORMAL_VOLUME,
        body: "hostile",
        paths: "hostile",
        otherMethods: true,
        maxQueryValue: 4_000,
      }),
    );
    await fc.assert(
      fc.asyncProperty(requests, async (req) => {
        await h.exec(req);
      }),
      fcParams("http sample", 60),
    );
  }, 120_000);

  const fixed: Array<[string, () => HostileRequest]> = [
    [
      "GET /creators/%FF%FE (invalid UTF-8 escape as the id)",
      () =>
        makeRequest(route("GET /creators/{id}"), {
          path: { params: [{ kind: "raw", text: "%FF%FE" }], wildcard: [], suffix: "", doubleSlash: false },
        }),
    ],
    [
      "GET /creators?search=<64 KB>",
      () =>
        makeRequest(route("GET /creators"), { query: [{ name: "search", value: "a".repeat(64 * 1024) }] }),
    ],
    [
      "POST /projects/{projectId}/creators with a body nested 100,000 levels deep",
      () =>
        makeRequest(route("POST /projects/{projectId}/creators"), {
          body: {
            kind: "json",
            strategy: "deep",
            contentType: "application/json",
            value: deepJson(100_000, "array"),
          },
        }),
    ],
    [
      "PATCH /creators/{id} with an 8 MB metadata value",
      () =>
        makeRequest(route("PATCH /creators/{id}"), {
          body: {
            kind: "json",
            strategy: "huge",
            contentType: "application/json",
            value: obj([["metadata", obj([["k", bigString(8 * 1024 * 1024, "a")]])]]),
          },
        }),
    ],
  ];
  for (const [name, make] of fixed) {
    it(name, async () => {
      await h.exec(make());
    }, 30_000);
  }

  it("every list route still answers 200 with the envelope afterwards", async () => {
    expect(await h.listProblems("full")).toEqual([]);
  });
});
