/** `tg.payoutMethods`: how creators get paid (Venmo, PayPal, … and custom ones; api-contract §9). @module */
import {
  type CreatePayoutMethodBody,
  type Deleted,
  PayoutMethod,
  type UpdatePayoutMethodBody,
} from "../../schema/index.js";
import type { RequestOptions } from "../options.js";
import type { PagePromise } from "../pagination.js";
import { type PageParams, path, Resource } from "./resource.js";

export interface PayoutMethodListQuery extends PageParams {
  /** Also list inactive methods (org admins only). */
  include_disabled?: boolean | undefined;
}

export class PayoutMethods extends Resource {
  list(query: PayoutMethodListQuery = {}, options?: RequestOptions): PagePromise<PayoutMethod> {
    return this.http.list("/payout-methods", query, PayoutMethod, options);
  }

  get(id: string, options?: RequestOptions): Promise<PayoutMethod> {
    return this.http.get(path`/payout-methods/${id}`, PayoutMethod, undefined, options);
  }

  /**
   * Adds a custom method. Sends an `Idempotency-Key`.
   *
   * @example
   * const m = await tg.payoutMethods.create({ name: "Wise", readme: "EUR creators only" });
   */
  create(body: CreatePayoutMethodBody, options?: RequestOptions): Promise<PayoutMethod> {
    return this.http.create("/payout-methods", body, PayoutMethod, options);
  }

  update(id: string, body: UpdatePayoutMethodBody, options?: RequestOptions): Promise<PayoutMethod> {
    return this.http.patch(path`/payout-methods/${id}`, body, PayoutMethod, options);
  }

  /** Deletes a custom method; the seeded defaults answer 409 `default_method`. */
  delete(id: string, options?: RequestOptions): Promise<Deleted> {
    return this.http.remove(path`/payout-methods/${id}`, id, options);
  }
}
