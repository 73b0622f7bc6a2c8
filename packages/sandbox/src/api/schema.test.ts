import { ApiSchema } from "@goatkit/core/schema";
import { describe, expect, it } from "vitest";
import { testSandbox } from "../test-helpers/sandbox.js";

describe("schema and OpenAPI documents", () => {
  const sb = testSandbox();

  it("GET /schema describes the entities with fields and a description", async () => {
    const res = await sb.get("/schema");
    const schema = ApiSchema.parse(res.json.data);
    for (const name of ["project", "creator", "video", "campaign", "goal", "payout_method"]) {
      expect(schema.entities[name]?.description.length).toBeGreaterThan(10);
    }
    expect(Object.keys(schema.entities.creator!.fields)).toContain("tiktok_handle");
    expect(Object.keys(schema.entities.campaign!.fields)).toEqual(
      expect.arrayContaining(["readme", "description"]),
    );
  });

  it("GET /openapi.json lists the modelled routes (not the 501 ones) as OpenAPI 3.1", async () => {
    const res = await sb.get("/openapi.json");
    expect(res.status).toBe(200);
    const doc = res.json;
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/creators", "/creators/{id}/stats", "/campaigns/{id}/items"]),
    );
    expect(doc.paths["/projects/{projectId}/creators"].post.requestBody).toBeDefined();
    expect(doc.paths["/organizations"]).toBeUndefined();
    for (const [, ops] of Object.entries<Record<string, { responses: object; operationId: string }>>(
      doc.paths,
    )) {
      for (const op of Object.values(ops)) {
        expect(op.operationId).toMatch(/^[a-z][A-Za-z0-9]*$/);
        expect(Object.keys(op.responses).length).toBeGreaterThan(0);
      }
    }
    const refs = JSON.stringify(doc).match(/#\/components\/schemas\/[a-z_]+/g) ?? [];
    for (const ref of refs) expect(doc.components.schemas[ref.split("/").at(-1)!]).toBeDefined();
  });

  it("GET /analytics/schema is the analytics subset", async () => {
    const doc = (await sb.get("/analytics/schema")).json;
    expect(Object.keys(doc.paths).every((p) => p.startsWith("/analytics"))).toBe(true);
    expect(doc.paths["/analytics"]).toBeDefined();
  });
});
