/** `tg.schema`: the API's own description of its entities; a cheap first call to check a key. @module */
import { ApiSchema, OpenApiDocument } from "../../schema/index.js";
import type { RequestOptions } from "../options.js";
import { Resource } from "./resource.js";

export class SchemaResource extends Resource {
  /**
   * `GET /schema`.
   *
   * @example
   * const { entities } = await tg.schema.get();
   * console.log(Object.keys(entities)); // ["project", "creator", …]
   */
  get(options?: RequestOptions): Promise<ApiSchema> {
    return this.http.get("/schema", ApiSchema, undefined, options);
  }

  /**
   * `GET /openapi.json`: the whole API as an OpenAPI document (api-contract §1.1), returned as the
   * JSON object the API sent (unwrapped if it came in the `{ data, error, meta }` envelope).
   *
   * @example
   * const spec = await tg.schema.openapi();
   * console.log(spec.openapi, Object.keys(spec.paths as object).length);
   */
  async openapi(options?: RequestOptions): Promise<OpenApiDocument> {
    const spec = {
      method: "GET",
      path: "/openapi.json",
      schema: OpenApiDocument,
      responseType: "document",
    } as const;
    return (await this.http.transport.request(spec, options)).data;
  }
}
