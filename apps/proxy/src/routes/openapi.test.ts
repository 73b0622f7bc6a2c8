/**
 * The OpenAPI document of the derived endpoints: valid OpenAPI 3.1 (checked by @apidevtools/swagger-parser
 * and by hand), one operation per catalogue workflow carrying its title, description, params and report
 * schema, every parameter described, every `$ref` resolving, and served at /goatkit/v1/openapi.json.
 */
import SwaggerParser from "@apidevtools/swagger-parser";
import { ResponseCache, type Workflow, workflowJsonSchemas, workflows } from "@goatkit/core";
import { Hono } from "hono";
import type { OpenAPIV3_1 } from "openapi-types";
import { describe, expect, it } from "vitest";
import { derivedRoutes } from "./derived.js";
import { derivedOpenApi } from "./openapi.js";

type Doc = OpenAPIV3_1.Document;
const doc = derivedOpenApi() as unknown as Doc;

/** The value a local `$ref` (`#/a/b`) points at, or undefined. */
function resolve(ref: string): unknown {
  if (!ref.startsWith("#/")) return undefined;
  let node: unknown = doc;
  for (const part of ref.slice(2).split("/")) {
    const key = part.replace(/~1/g, "/").replace(/~0/g, "~");
    node = typeof node === "object" && node !== null ? (node as Record<string, unknown>)[key] : undefined;
  }
  return node;
}

const deref = <T>(node: T | OpenAPIV3_1.ReferenceObject): T =>
  (node && typeof node === "object" && "$ref" in node ? resolve(node.$ref) : node) as T;

function refsIn(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const v of node) refsIn(v, out);
  else if (typeof node === "object" && node !== null) {
    for (const [k, v] of Object.entries(node)) {
      if (k === "$ref" && typeof v === "string") out.push(v);
      else refsIn(v, out);
    }
  }
  return out;
}

describe("the derived endpoints' OpenAPI document", () => {
  it("is valid OpenAPI 3.1 for swagger-parser", async () => {
    expect(doc.openapi).toBe("3.1.0");
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeTruthy();
  });

  it("has every $ref resolving inside the document", () => {
    const refs = refsIn(doc);
    expect(refs.length).toBeGreaterThan(workflows.length * 5);
    for (const ref of new Set(refs)) expect(resolve(ref), ref).toBeTypeOf("object");
  });

  it.each(workflows.map((w) => [w.name, w as Workflow] as const))(
    "%s: one GET from the catalogue",
    (name, w) => {
      const op = doc.paths?.[`/${name}`]?.get;
      expect(op).toBeDefined();
      expect(op).toMatchObject({ operationId: name, summary: w.title, description: w.description });

      const params = (op!.parameters ?? []).map((p) => deref<OpenAPIV3_1.ParameterObject>(p));
      const schema = workflowJsonSchemas(w).params as { properties: object; required?: string[] };
      expect(params.map((p) => p.name).sort()).toEqual([...Object.keys(schema.properties), "format"].sort());
      for (const p of params) {
        expect(p.in).toBe("query");
        expect(p.description, `${name}.${p.name}`).toBeTruthy();
        expect(p.schema, `${name}.${p.name}`).toBeTypeOf("object");
        expect(p.required, `${name}.${p.name}`).toBe(schema.required?.includes(p.name) ?? false);
      }
      expect(params.find((p) => p.name === "format")?.schema).toMatchObject({
        enum: ["json", "markdown", "csv", "html"],
      });

      const ok = deref<OpenAPIV3_1.ResponseObject>(op!.responses!["200"]!);
      expect(Object.keys(ok.content ?? {})).toEqual([
        "application/json",
        "text/markdown",
        "text/csv",
        "text/html",
      ]);
      const envelope = ok.content!["application/json"]!.schema as OpenAPIV3_1.SchemaObject;
      const report = deref<OpenAPIV3_1.SchemaObject>(envelope.properties!.data!);
      expect(report.properties?.kind).toMatchObject({ const: name });
      expect(report.required).toEqual(expect.arrayContaining(["kind", "meta"]));

      for (const status of ["400", "401", "429", "502"]) {
        const res = deref<OpenAPIV3_1.ResponseObject>(op!.responses![status]!);
        expect(res.content?.["application/json"]?.schema, status).toEqual({
          $ref: "#/components/schemas/ErrorEnvelope",
        });
      }
      expect(deref<OpenAPIV3_1.ResponseObject>(op!.responses!["429"]!).headers).toHaveProperty("Retry-After");
    },
  );

  it("has unique operation ids and parameter names (checks swagger-parser leaves to the author)", () => {
    const ops = Object.values(doc.paths ?? {}).map((item) => item!.get!);
    const ids = ops.map((op) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const op of ops) {
      const names = (op.parameters ?? []).map((p) => deref<OpenAPIV3_1.ParameterObject>(p).name);
      expect(new Set(names).size, op.operationId).toBe(names.length);
      for (const name of names) expect(name).toMatch(/^[a-z]+(_[a-z]+)*$/);
    }
  });

  it("covers exactly the catalogue and this document, and asks for a bearer key", () => {
    expect(Object.keys(doc.paths ?? {}).sort()).toEqual(
      [...workflows.map((w) => `/${w.name}`), "/openapi.json"].sort(),
    );
    expect(doc.security).toEqual([{ trackagoatKey: [] }]);
    expect(doc.components?.securitySchemes?.trackagoatKey).toMatchObject({ type: "http", scheme: "bearer" });
    expect(doc.paths?.["/openapi.json"]?.get?.security).toEqual([]);
  });

  it("is served at /goatkit/v1/openapi.json without a key", async () => {
    const routes = derivedRoutes({ upstream: "http://127.0.0.1:9/api/v1", cache: new ResponseCache() });
    const res = await new Hono().route("/goatkit/v1", routes).request("/goatkit/v1/openapi.json");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(doc)));
  });
});
