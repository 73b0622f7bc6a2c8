/**
 * `tg.payoutStructures`: a project's earning rules (versioned: an edit makes a new version that
 * affects future accruals only) and their assignments to creators (api-contract §9).
 * @module
 */
import {
  type CreatePayoutStructureBody,
  type Deleted,
  PayoutAssignment,
  type PayoutAssignmentBody,
  PayoutStructure,
  type UpdatePayoutStructureBody,
} from "../../schema/index.js";
import { NotFoundError } from "../errors.js";
import type { RequestOptions } from "../options.js";
import type { PagePromise } from "../pagination.js";
import { type PageParams, path, type Requester, Resource } from "./resource.js";

/** Which assignment to end: the documented body names the creator. */
export interface AssignmentTarget {
  creator_id: string;
}

export interface PayoutStructureListQuery extends PageParams {
  project_id?: string | undefined;
}

/** `tg.payoutStructures.assignments`: which creators a structure applies to. */
export class PayoutAssignments extends Resource {
  list(structureId: string, query: PageParams = {}, options?: RequestOptions): PagePromise<PayoutAssignment> {
    return this.http.list(
      path`/payout-structures/${structureId}/assignments`,
      query,
      PayoutAssignment,
      options,
    );
  }

  /** Assigns the structure to a creator. Sends an `Idempotency-Key`. */
  create(
    structureId: string,
    body: PayoutAssignmentBody,
    options?: RequestOptions,
  ): Promise<PayoutAssignment> {
    return this.http.create(
      path`/payout-structures/${structureId}/assignments`,
      body,
      PayoutAssignment,
      options,
    );
  }

  /**
   * Ends a creator's assignment: `DELETE /payout-structures/{id}/assignments` with `{ creator_id }`
   * in the body, the documented form (api-contract §9). Resolves to `{ id, deleted: true }` (the id is
   * the assignment's when the API says it, else the creator's).
   *
   * @example
   * await tg.payoutStructures.assignments.delete(structureId, { creator_id });
   */
  delete(structureId: string, target: AssignmentTarget, options?: RequestOptions): Promise<Deleted>;
  /**
   * @deprecated Pass `{ creator_id }`. By assignment id: finds the assignment's creator (one list
   * request per page) and deletes through the documented body form; the undocumented
   * `/assignments/{assignmentId}` path is never called.
   */
  delete(structureId: string, assignmentId: string, options?: RequestOptions): Promise<Deleted>;
  async delete(
    structureId: string,
    target: AssignmentTarget | string,
    options?: RequestOptions,
  ): Promise<Deleted> {
    const route = path`/payout-structures/${structureId}/assignments`;
    let creatorId: string;
    if (typeof target === "string") {
      let found: PayoutAssignment | undefined;
      for await (const a of this.list(structureId, { limit: 100 }, options)) {
        if (a.id === target) {
          found = a;
          break;
        }
      }
      if (!found) {
        throw new NotFoundError(`No assignment ${target} on payout structure ${structureId}`, {
          status: 404,
          code: "not_found",
          method: "DELETE",
        });
      }
      creatorId = found.creator_id;
    } else creatorId = target.creator_id;
    return this.http.remove(route, creatorId, options, { creator_id: creatorId });
  }
}

export class PayoutStructures extends Resource {
  readonly assignments: PayoutAssignments;

  constructor(http: Requester) {
    super(http);
    this.assignments = new PayoutAssignments(http);
  }

  list(query: PayoutStructureListQuery = {}, options?: RequestOptions): PagePromise<PayoutStructure> {
    return this.http.list("/payout-structures", query, PayoutStructure, options);
  }

  get(id: string, options?: RequestOptions): Promise<PayoutStructure> {
    return this.http.get(path`/payout-structures/${id}`, PayoutStructure, undefined, options);
  }

  /**
   * Creates an earning rule in a project. Sends an `Idempotency-Key`.
   *
   * @example
   * await tg.payoutStructures.create({ project_id, name: "Base", rule_type: "recurring", amount_cents: 50_000, period: "monthly" });
   */
  create(body: CreatePayoutStructureBody, options?: RequestOptions): Promise<PayoutStructure> {
    return this.http.create("/payout-structures", body, PayoutStructure, options);
  }

  /** Edits the rule; the API stores a new version. */
  update(id: string, body: UpdatePayoutStructureBody, options?: RequestOptions): Promise<PayoutStructure> {
    return this.http.patch(path`/payout-structures/${id}`, body, PayoutStructure, options);
  }

  delete(id: string, options?: RequestOptions): Promise<Deleted> {
    return this.http.remove(path`/payout-structures/${id}`, id, options);
  }
}
