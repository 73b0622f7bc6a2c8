/**
 * Query strings to workflow params. A query carries only strings, so each value is converted by what the
 * workflow's params JSON Schema (`workflowJsonSchemas(w).params`) says the field is: numbers, integers,
 * booleans (`true`/`false`), enums and strings, and string arrays given as repeated params
 * (`campaign_ids=a&campaign_ids=b`) or comma-separated (`campaign_ids=a,b`). Nothing is validated here: a
 * value that does not convert is left as the string it was, and an unknown name is kept, so the
 * workflow's strict `parseParams` refuses it with an issue naming the field (an unknown name that is not a
 * short plain identifier is renamed to its `quoteValue`, so an error never echoes a 10 KB or hostile name).
 * @module
 */
import { quoteValue } from "@goatkit/server";

/** The route's own query parameter, beside the workflow's params: how the report is rendered. */
export const FORMATS = ["json", "markdown", "csv"] as const;
export type Format = (typeof FORMATS)[number];
export const FORMAT_DESCRIPTION =
  "How the report is sent: json (the API envelope { data: report, error: null, meta: null }), markdown " +
  "(text/markdown, the workflow's rendering) or csv (text/csv, the report's main table, as a download). Default: json.";

/** The part of a JSON Schema the conversion reads. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  required?: string[];
  description?: string;
  [key: string]: unknown;
}

/** A name an error message may repeat as it is. */
const PLAIN_NAME = /^[A-Za-z0-9_.-]{1,64}$/;
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The JSON type a schema gives its values: `string`, `number`, `integer`, `boolean`, `array`, or `undefined`. */
export function schemaType(schema: JsonSchema | undefined): string | undefined {
  if (!schema) return undefined;
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  if (type) return type;
  for (const branch of schema.anyOf ?? schema.oneOf ?? []) {
    const t = schemaType(branch);
    if (t && t !== "null") return t;
  }
  if (schema.enum?.every((v) => typeof v === "string")) return "string";
  return undefined;
}

/** The item schema of an array schema (also inside `anyOf`). */
function itemSchema(schema: JsonSchema): JsonSchema | undefined {
  if (schema.items) return schema.items;
  for (const branch of schema.anyOf ?? schema.oneOf ?? []) if (branch.items) return branch.items;
  return undefined;
}

/** One query value as the schema's scalar type, or the string unchanged when it does not convert. */
export function convertScalar(value: string, schema: JsonSchema | undefined): unknown {
  const type = schemaType(schema);
  if ((type === "number" || type === "integer") && NUMBER.test(value.trim())) return Number(value);
  if (type === "boolean" && (value === "true" || value === "false")) return value === "true";
  return value;
}

/**
 * The params object for `parseParams`, from a query. Names in `reserved` (e.g. `format`) are the route's
 * own and left out; a scalar given several times is passed as an array, which the schema refuses.
 *
 * @example
 * queryToParams(new URLSearchParams("campaign_ids=a,b&limit=5"), schema) // { campaign_ids: ["a", "b"], limit: 5 }
 */
export function queryToParams(
  query: URLSearchParams,
  schema: JsonSchema,
  reserved: ReadonlySet<string> = new Set(),
): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const name of new Set(query.keys())) {
    if (reserved.has(name)) continue;
    const values = query.getAll(name);
    const known = Object.hasOwn(schema.properties ?? {}, name);
    const field = known ? schema.properties?.[name] : undefined;
    const key = known || PLAIN_NAME.test(name) ? name : quoteValue(name);
    if (schemaType(field) === "array") {
      const items = field ? itemSchema(field) : undefined;
      define(
        params,
        key,
        values.flatMap((v) => v.split(",")).map((v) => convertScalar(v.trim(), items)),
      );
    } else {
      const converted = values.map((v) => convertScalar(v, field));
      define(params, key, converted.length === 1 ? converted[0] : converted);
    }
  }
  return params;
}

/** An own property even for `__proto__`, so it reaches the strict schema as an unknown param. */
function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
