/** `tg.projects`: the organization's projects (api-contract §3). @module */
import { Project } from "../../schema/index.js";
import type { RequestOptions } from "../options.js";
import type { PagePromise } from "../pagination.js";
import { type PageParams, Resource } from "./resource.js";

export class Projects extends Resource {
  /**
   * Every project of the key's organization.
   *
   * @example
   * for await (const p of tg.projects.list()) console.log(p.id, p.name);
   */
  list(query: PageParams = {}, options?: RequestOptions): PagePromise<Project> {
    return this.http.list("/projects", query, Project, options);
  }
}
