/**
 * `tg.payoutStructures`: a project's earning rules (versioned: an edit makes a new version that
 * affects future accruals only) and their assignments to creators (api-contract §9).
 * @module
 */
import {
  type CreatePayoutStructureBody,
  Deleted,
  PayoutAssignment,
  type PayoutAssignmentBody,
  PayoutStructure,
  type UpdatePayoutStructureBody,
} from "../../schema/index.js";
import type { RequestOptions } from "../options.js";
import type { PagePromise } from "../pagination.js";
import { type PageParams, path, type Requester, Resource } from "./resource.js";

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

  delete(structureId: string, assignmentId: string, options?: RequestOptions): Promise<Deleted> {
    return this.http.delete(
      path`/payout-structures/${structureId}/assignments/${assignmentId}`,
      Deleted,
      options,
    );
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
    return this.http.delete(path`/payout-structures/${id}`, Deleted, options);
  }
}
