/**
 * The route table the hostile suite drives: it must come from the app (so a new route is attacked the day
 * it is mounted), agree with the served OpenAPI document, and name a known collection for every path
 * parameter (otherwise the generators can only send made-up ids to it).
 */
import { describe, expect, it } from "vitest";
import { HostileHarness, seedBanner } from "../test-helpers/hostile-harness.js";

const h = await HostileHarness.create();
console.info(seedBanner("routes"));

describe("hostile suite: route table", () => {
  it("is the app's /api/v1 route table (no operator routes)", () => {
    expect(h.routes.length).toBeGreaterThan(50);
    expect(h.routes.some((r) => r.label === "GET /projects")).toBe(true);
    expect(h.routes.filter((r) => r.template.startsWith("/__sandbox"))).toEqual([]);
  });

  it("covers every operation of the OpenAPI document", () => {
    const labels = new Set(h.routes.map((r) => r.label));
    expect(h.openApiLabels.filter((l) => !labels.has(l))).toEqual([]);
  });

  it("finds a body schema for every documented write and the list routes", () => {
    const writes = h.routes.filter((r) => r.method !== "GET" && r.bodySchema);
    expect(writes.length).toBeGreaterThan(20);
    for (const r of writes) expect(r.bodySchema?.type, r.label).toBe("object");
    expect(h.listRoutes.map((r) => r.label)).toEqual(
      expect.arrayContaining(["GET /projects", "GET /creators", "GET /videos", "GET /campaigns"]),
    );
  });

  it("maps every path parameter to a collection with live records in org A", () => {
    const unknown: string[] = [];
    for (const r of h.routes) {
      for (const s of r.segments) {
        if (s.kind !== "param") continue;
        if (!h.collectionFor(s.resource) || h.liveRecords(s.resource, "A").length === 0) {
          unknown.push(`${r.label} :${s.name} (after "${s.resource}")`);
        }
      }
    }
    expect(unknown).toEqual([]);
  });
});
