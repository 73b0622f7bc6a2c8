/** `tg.goals`: per-creator targets and the project's goal compliance (api-contract §8). @module */
import {
  type CreateGoalBody,
  type Deleted,
  Goal,
  GoalCompliance,
  type GoalPeriod,
  type UpdateGoalBody,
} from "../../schema/index.js";
import type { RequestOptions } from "../options.js";
import type { PagePromise } from "../pagination.js";
import { GoalComplianceQueryCheck } from "../query-checks.js";
import { type PageParams, path, Resource } from "./resource.js";

export interface GoalComplianceQuery extends PageParams {
  creator_id?: string | undefined;
  period?: GoalPeriod | undefined;
  /** Evaluate "as of" this day (`YYYY-MM-DD`); default today in the org's time zone. */
  reference_date?: string | undefined;
}

export class Goals extends Resource {
  /**
   * One entry per active creator of the project with the status of each goal. A list: `await` it for
   * the first page, or iterate it for all.
   *
   * @example
   * for await (const { creator, compliance } of tg.goals.compliance(projectId, { period: "weekly" })) {
   *   for (const c of compliance) console.log(creator.tiktok_handle, c.status, c.percentage);
   * }
   */
  compliance(
    projectId: string,
    query: GoalComplianceQuery = {},
    options?: RequestOptions,
  ): PagePromise<GoalCompliance> {
    const route = path`/projects/${projectId}/goal-compliance`;
    return this.http.list(route, query, GoalCompliance, options, GoalComplianceQueryCheck);
  }

  /** The goals of one creator. */
  list(creatorId: string, query: PageParams = {}, options?: RequestOptions): PagePromise<Goal> {
    return this.http.list(path`/creators/${creatorId}/goals`, query, Goal, options);
  }

  /** Sets a goal for a creator. Sends an `Idempotency-Key`. */
  create(creatorId: string, body: CreateGoalBody, options?: RequestOptions): Promise<Goal> {
    return this.http.create(path`/creators/${creatorId}/goals`, body, Goal, options);
  }

  update(id: string, body: UpdateGoalBody, options?: RequestOptions): Promise<Goal> {
    return this.http.patch(path`/goals/${id}`, body, Goal, options);
  }

  delete(id: string, options?: RequestOptions): Promise<Deleted> {
    return this.http.remove(path`/goals/${id}`, id, options);
  }
}
