/** `tg.payoutAccruals`: what each creator earned per period, and its paid/void status (api-contract §9). @module */

import type { z } from "zod";
import { PayoutAccrual, type PayoutAccrualStatus, type UpdatePayoutAccrualBody } from "../../schema/index.js";
import type { RequestOptions } from "../options.js";
import type { PagePromise } from "../pagination.js";
import { type PageParams, path, Resource } from "./resource.js";

export interface PayoutAccrualListQuery extends PageParams {
  creator_id?: string | undefined;
  status?: z.infer<typeof PayoutAccrualStatus> | undefined;
}

export class PayoutAccruals extends Resource {
  /**
   * @example
   * const unpaid = await tg.payoutAccruals.list({ status: "unpaid" }).toArray({ max: 5_000 });
   */
  list(query: PayoutAccrualListQuery = {}, options?: RequestOptions): PagePromise<PayoutAccrual> {
    return this.http.list("/payout-accruals", query, PayoutAccrual, options);
  }

  get(id: string, options?: RequestOptions): Promise<PayoutAccrual> {
    return this.http.get(path`/payout-accruals/${id}`, PayoutAccrual, undefined, options);
  }

  update(id: string, body: UpdatePayoutAccrualBody, options?: RequestOptions): Promise<PayoutAccrual> {
    return this.http.patch(path`/payout-accruals/${id}`, body, PayoutAccrual, options);
  }
}
