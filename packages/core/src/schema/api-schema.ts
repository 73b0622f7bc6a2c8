/**
 * `GET /schema`: the API's own description of its entities. Its shape may grow, so unknown fields pass
 * through (see pass-through.ts); an OpenAPI document is an open map by nature and stays one.
 */
import { z } from "zod";
import { passThroughObject } from "./pass-through.js";

export const ApiSchema = passThroughObject({
  entities: z.record(
    z.string(),
    passThroughObject({
      fields: z.record(z.string(), z.unknown()),
      description: z.string(),
    }),
  ),
});
export type ApiSchema = z.infer<typeof ApiSchema>;

/**
 * An OpenAPI document as `GET /openapi.json` and `GET /analytics/schema` return it (api-contract §1.1,
 * §7.3; the docs call the analytics one authoritative). Tolerant: any JSON object.
 */
export const OpenApiDocument = z.record(z.string(), z.unknown());
export type OpenApiDocument = z.infer<typeof OpenApiDocument>;

/**
 * Strict: an OpenAPI 3.1 document with `info` and `paths`. Loose in its type too: the spec lets a
 * document carry many more members (`components`, `x-*`), which callers may read.
 */
export const StrictOpenApiDocument = z.looseObject({
  openapi: z.string().regex(/^3\.1\./, "expected OpenAPI 3.1.x"),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
});
export type StrictOpenApiDocument = z.infer<typeof StrictOpenApiDocument>;
