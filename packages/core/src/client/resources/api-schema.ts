/** `tg.schema`: the API's own description of its entities; a cheap first call to check a key. @module */
import { ApiSchema } from "../../schema/index.js";
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
}
