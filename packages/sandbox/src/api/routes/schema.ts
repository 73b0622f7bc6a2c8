/**
 * `GET /schema` (api-contract §10): `{ entities: { <name>: { fields, description } } }`, with each field's
 * JSON Schema taken from the core zod schema, so the description cannot drift from what the client parses.
 */
import { Hono } from "hono";
import type { SandboxEnv } from "../context.js";
import { ENTITIES, jsonSchemaOf } from "../entities.js";
import { ok } from "../envelope.js";

let cached: unknown = null;

function describeEntities() {
  const entities: Record<string, { fields: Record<string, unknown>; description: string }> = {};
  for (const [name, doc] of Object.entries(ENTITIES)) {
    const schema = jsonSchemaOf(doc.schema);
    entities[name] = {
      fields: (schema.properties as Record<string, unknown>) ?? {},
      description: doc.description,
    };
  }
  return { entities };
}

export function schemaRoutes(): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>();
  app.get("/schema", (c) => {
    cached ??= describeEntities();
    return ok(c, cached);
  });
  return app;
}
