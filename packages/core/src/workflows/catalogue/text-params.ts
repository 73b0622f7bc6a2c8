/**
 * Workflow params from text: query strings (the proxy's derived routes) and command-line flags (`goatkit
 * report`) carry only strings, so each value is converted by what the workflow's params JSON Schema
 * (`workflowJsonSchemas(w).params`) says its field is: numbers, integers, booleans (`true`/`false`), enums
 * and strings, and string arrays given as repeated entries or comma-separated (`a,b`). Nothing is
 * validated here: a value that does not convert stays the string it was, and an unknown name is kept, so
 * the workflow's strict `parseParams` refuses it with an issue naming the field.
 * @module
 */

/** The part of a JSON Schema the conversion reads. */
export interface ParamsJsonSchema {
  type?: string | string[];
  properties?: Record<string, ParamsJsonSchema>;
  items?: ParamsJsonSchema;
  anyOf?: ParamsJsonSchema[];
  oneOf?: ParamsJsonSchema[];
  enum?: unknown[];
  required?: string[];
  description?: string;
  [key: string]: unknown;
}

export interface ParamsFromTextOptions {
  /** The name an unknown param is kept under (e.g. a shortened, quoted form of a 10 KB name). Default: as is. */
  renameUnknown?: (name: string) => string;
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The JSON type a schema gives its values: `string`, `number`, `integer`, `boolean`, `array`, or `undefined`. */
export function schemaType(schema: ParamsJsonSchema | undefined): string | undefined {
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
function itemSchema(schema: ParamsJsonSchema): ParamsJsonSchema | undefined {
  if (schema.items) return schema.items;
  for (const branch of schema.anyOf ?? schema.oneOf ?? []) if (branch.items) return branch.items;
  return undefined;
}

/** One text value as the schema's scalar type, or the string unchanged when it does not convert. */
export function convertScalar(value: string, schema: ParamsJsonSchema | undefined): unknown {
  const type = schemaType(schema);
  if ((type === "number" || type === "integer") && NUMBER.test(value.trim())) return Number(value);
  if (type === "boolean" && (value === "true" || value === "false")) return value === "true";
  return value;
}

/**
 * The params object for a workflow's `parseParams`, from `[name, value]` text entries (a scalar given
 * several times becomes an array, which the schema refuses).
 *
 * @example
 * paramsFromText(workflowJsonSchemas(w).params, new URLSearchParams("campaign_ids=a,b&limit=5"))
 * // { campaign_ids: ["a", "b"], limit: 5 }
 */
export function paramsFromText(
  schema: ParamsJsonSchema,
  entries: Iterable<readonly [string, string]>,
  options: ParamsFromTextOptions = {},
): Record<string, unknown> {
  const grouped = new Map<string, string[]>();
  for (const [name, value] of entries) {
    const values = grouped.get(name);
    if (values) values.push(value);
    else grouped.set(name, [value]);
  }
  const params: Record<string, unknown> = {};
  for (const [name, values] of grouped) {
    const known = Object.hasOwn(schema.properties ?? {}, name);
    const field = known ? schema.properties?.[name] : undefined;
    const key = known || !options.renameUnknown ? name : options.renameUnknown(name);
    if (schemaType(field) === "array") {
      const items = field ? itemSchema(field) : undefined;
      define(
        params,
        key,
        values
          .flatMap((v) => v.split(","))
          .map((v) => v.trim())
          .filter((v) => v !== "")
          .map((v) => convertScalar(v, items)),
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
