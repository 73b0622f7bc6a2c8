/**
 * The derived routes' query: the route's own `format`, and the rest as workflow params through core's
 * `paramsFromText` (the conversion `goatkit report`'s flags share), with hostile names defused.
 * @module
 */
import { type ParamsJsonSchema, paramsFromText, schemaType } from "@goatkit/core";
import { quoteValue } from "@goatkit/server";

/** The route's own query parameter, beside the workflow's params: how the report is rendered. */
export const FORMATS = ["json", "markdown", "csv", "html"] as const;
export type Format = (typeof FORMATS)[number];
export const FORMAT_DESCRIPTION =
  "How the report is sent: json (the API envelope { data: report, error: null, meta: null }), markdown " +
  "(text/markdown, the workflow's rendering), csv (text/csv, the report's main table, as a download) or html " +
  "(text/html, a self-contained page with the headline figures, charts, tables and caveats). Default: json.";

/** The part of a JSON Schema the conversion reads (core's). */
export type JsonSchema = ParamsJsonSchema;
export { schemaType };

/** A name an error message may repeat as it is. */
const PLAIN_NAME = /^[A-Za-z0-9_.-]{1,64}$/;

/**
 * The params object for `parseParams`, from a query (core's `paramsFromText`). Names in `reserved` (e.g.
 * `format`) are the route's own and left out; an unknown name that is not short and plain is renamed to
 * its `quoteValue`, so an error never echoes a 10 KB or hostile name.
 *
 * @example
 * queryToParams(new URLSearchParams("campaign_ids=a,b&limit=5"), schema) // { campaign_ids: ["a", "b"], limit: 5 }
 */
export function queryToParams(
  query: URLSearchParams,
  schema: JsonSchema,
  reserved: ReadonlySet<string> = new Set(),
): Record<string, unknown> {
  const entries = [...query].filter(([name]) => !reserved.has(name));
  return paramsFromText(schema, entries, {
    renameUnknown: (name) => (PLAIN_NAME.test(name) ? name : quoteValue(name)),
  });
}
