/** `tg.payoutPayments`: recorded payments to creators; voided by update, never deleted (api-contract §9). @module */
import {
  type CreatePayoutPaymentBody,
  PayoutPayment,
  type UpdatePayoutPaymentBody,
} from "../../schema/index.js";
import type { RequestOptions } from "../options.js";
import type { PagePromise } from "../pagination.js";
import { type PageParams, path, Resource } from "./resource.js";

export interface PayoutPaymentListQuery extends PageParams {
  creator_id?: string | undefined;
}

export class PayoutPayments extends Resource {
  list(query: PayoutPaymentListQuery = {}, options?: RequestOptions): PagePromise<PayoutPayment> {
    return this.http.list("/payout-payments", query, PayoutPayment, options);
  }

  get(id: string, options?: RequestOptions): Promise<PayoutPayment> {
    return this.http.get(path`/payout-payments/${id}`, PayoutPayment, undefined, options);
  }

  /**
   * Records a payment. Sends an `Idempotency-Key`, so a retry after a lost response cannot pay twice;
   * pass your own `idempotencyKey` to make it safe across process restarts too.
   *
   * @example
   * await tg.payoutPayments.create(
   *   { creator_id, method_id, amount_cents: 12_500, accrual_ids },
   *   { idempotencyKey: `payout-${creator_id}-2026-03` },
   * );
   */
  create(body: CreatePayoutPaymentBody, options?: RequestOptions): Promise<PayoutPayment> {
    return this.http.create("/payout-payments", body, PayoutPayment, options);
  }

  /** Changes the note, or voids the payment with `{ status: "void" }`. */
  update(id: string, body: UpdatePayoutPaymentBody, options?: RequestOptions): Promise<PayoutPayment> {
    return this.http.patch(path`/payout-payments/${id}`, body, PayoutPayment, options);
  }
}
