/** `GET /schema`: the API's own description of its entities (shape may grow, so it stays loose). */
import { z } from "zod";

export const ApiSchema = z.looseObject({
  entities: z.record(
    z.string(),
    z.looseObject({
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

/** Strict: an OpenAPI 3.1 document with `info` and `paths`. */
export const StrictOpenApiDocument = z.looseObject({
  openapi: z.string().regex(/^3\.1\./, "expected OpenAPI 3.1.x"),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
});
export type StrictOpenApiDocument = z.infer<typeof StrictOpenApiDocument>;
