/**
 * A workflow's params as command-line flags, generated from its JSON Schema (core's
 * `workflowJsonSchemas`): one `--<param>` per field, snake_case as in the catalogue, with the field's own
 * description, choices and default. Values are converted by core's `paramsFromText` (the conversion the
 * proxy's query strings share): what does not convert is passed on as typed, so core's params check
 * names the field in its error.
 * @module
 */
import { type CatalogueWorkflow, paramsFromText, workflowJsonSchemas } from "@goatkit/core";
import { Option } from "commander";

interface PropertySchema {
  type?: string;
  enum?: unknown[];
  items?: { type?: string };
  default?: unknown;
  description?: string;
}

export interface ParamFlag {
  name: string;
  type: "string" | "number" | "integer" | "boolean" | "array";
  required: boolean;
  option: Option;
}

/** The flags of `workflow`'s params, in schema order. */
export function paramFlags(workflow: CatalogueWorkflow): ParamFlag[] {
  const schema = workflowJsonSchemas(workflow).params as {
    properties?: Record<string, PropertySchema>;
    required?: string[];
  };
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, prop]) => {
    const type = (prop.type ?? "string") as ParamFlag["type"];
    const isRequired = required.has(name);
    const description = `${isRequired ? "(required) " : ""}${prop.description ?? ""}`.trim();
    const option =
      type === "boolean"
        ? new Option(`--${name}`, description)
        : new Option(
            `--${name} <${type === "array" ? "values" : type === "string" ? "value" : "n"}>`,
            description,
          );
    if (prop.enum) option.choices(prop.enum.map(String));
    if (type === "array")
      option.argParser((v: string, prev: string[] | undefined) => [
        ...(prev ?? []),
        ...v.split(",").filter(Boolean),
      ]);
    return { name, type, required: isRequired, option };
  });
}

/** Commander's parsed values as the params object core validates (`schema`: the workflow's params JSON Schema). */
export function paramsFromFlags(
  flags: readonly ParamFlag[],
  values: Record<string, unknown>,
  schema: Record<string, unknown>,
): Record<string, unknown> {
  const entries: Array<[string, string]> = [];
  for (const flag of flags) {
    const value = values[flag.name];
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) entries.push([flag.name, String(item)]);
  }
  return paramsFromText(schema, entries);
}
