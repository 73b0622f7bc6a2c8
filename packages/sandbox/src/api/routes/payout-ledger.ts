/**
 * The payout ledger (api-contract §9): accruals (what a creator earned for a period, per structure
 * version) and payments. Recording a payment marks its accruals paid and snapshots the method's name;
 * voiding it (PATCH status=void) returns those accruals to unpaid. A void payment stays void.
 */
import {
  CreatePayoutPaymentBody,
  UpdatePayoutAccrualBody,
  UpdatePayoutPaymentBody,
} from "@goatkit/core/schema";
import { Hono } from "hono";
import type { PayoutAccrualRecord, PayoutPaymentRecord } from "../../world/types.js";
import { ApiError, badBody } from "../api-error.js";
import { readBody } from "../body.js";
import { orgIdOf, type SandboxContext, type SandboxEnv } from "../context.js";
import { ok } from "../envelope.js";
import { listRequest, paginate } from "../pagination.js";
import { idParam, queryEnum, queryId } from "../query.js";
import { withoutOrgId } from "../serialize.js";
import { commitOk } from "./write.js";

const conflict = (message: string) => new ApiError(409, "conflict", message);

export function payoutLedgerRoutes(ctx: SandboxContext): Hono<SandboxEnv> {
  const { state } = ctx;
  const app = new Hono<SandboxEnv>();

  app.get("/payout-accruals", (c) => {
    const orgId = orgIdOf(c);
    const creatorId = queryId(c, "creator_id");
    const structureId = queryId(c, "structure_id");
    const status = queryEnum(c, "status", ["unpaid", "paid", "void"] as const);
    const req = listRequest(c, `payout-accruals|${orgId}|${creatorId}|${structureId}|${status}`);
    const filter = (a: PayoutAccrualRecord) =>
      (!creatorId || a.creator_id === creatorId) &&
      (!structureId || a.structure_id === structureId) &&
      (!status || a.status === status);
    const page = paginate(
      state.payoutAccruals.list(`org:${orgId}`),
      (a) => state.payoutAccruals.keyOf(a),
      req,
      filter,
    );
    return ok(c, page.data.map(withoutOrgId), { meta: { ...page.meta } });
  });

  app.get("/payout-accruals/:id", (c) => ok(c, withoutOrgId(state.payoutAccrual(orgIdOf(c), idParam(c)))));

  app.patch("/payout-accruals/:id", async (c) => {
    const accrual = state.payoutAccrual(orgIdOf(c), idParam(c));
    const { status } = await readBody(c, UpdatePayoutAccrualBody);
    const next: PayoutAccrualRecord = { ...accrual, status, updated_at: state.clock.stamp() };
    return commitOk(c, state, withoutOrgId(next), () => Object.assign(accrual, next));
  });

  app.get("/payout-payments", (c) => {
    const orgId = orgIdOf(c);
    const creatorId = queryId(c, "creator_id");
    const status = queryEnum(c, "status", ["recorded", "void"] as const);
    const req = listRequest(c, `payout-payments|${orgId}|${creatorId}|${status}`);
    const filter = (p: PayoutPaymentRecord) =>
      (!creatorId || p.creator_id === creatorId) && (!status || p.status === status);
    const page = paginate(
      state.payoutPayments.list(`org:${orgId}`),
      (p) => state.payoutPayments.keyOf(p),
      req,
      filter,
    );
    return ok(c, page.data.map(withoutOrgId), { meta: { ...page.meta } });
  });

  app.post("/payout-payments", async (c) => {
    const orgId = orgIdOf(c);
    const body = await readBody(c, CreatePayoutPaymentBody);
    const creator = state.creator(orgId, body.creator_id);
    const method = state.payoutMethod(orgId, body.method_id);
    if (!method.is_active) throw conflict(`The payout method "${method.name}" is disabled`);
    const accruals = [...new Set(body.accrual_ids ?? [])].map((id) => state.payoutAccrual(orgId, id));
    for (const a of accruals) {
      if (a.creator_id !== creator.id)
        throw badBody(`Invalid body: accrual_ids: ${a.id} belongs to another creator`);
      if (a.status !== "unpaid") throw conflict(`Accrual ${a.id} is ${a.status}, not unpaid`);
    }
    const now = state.clock.stamp();
    const payment: PayoutPaymentRecord = {
      id: state.newId(),
      org_id: orgId,
      creator_id: creator.id,
      method_id: method.id,
      method_name: method.name, // a snapshot: renaming the method later does not rewrite history
      amount_cents: body.amount_cents,
      paid_at: body.paid_at ?? now,
      accrual_ids: accruals.map((a) => a.id),
      note: body.note ?? null,
      status: "recorded",
      created_at: now,
      updated_at: now,
    };
    return commitOk(
      c,
      state,
      withoutOrgId(payment),
      () => {
        for (const a of accruals) {
          a.status = "paid";
          a.updated_at = now;
        }
        state.payoutPayments.insert(payment);
      },
      { status: 201 },
    );
  });

  app.get("/payout-payments/:id", (c) => ok(c, withoutOrgId(state.payoutPayment(orgIdOf(c), idParam(c)))));

  app.patch("/payout-payments/:id", async (c) => {
    const orgId = orgIdOf(c);
    const payment = state.payoutPayment(orgId, idParam(c));
    const body = await readBody(c, UpdatePayoutPaymentBody);
    const now = state.clock.stamp();
    if (body.status === "recorded" && payment.status === "void")
      throw conflict("A void payment cannot be restored");
    const voiding = body.status === "void";
    if (voiding && payment.status === "void") throw conflict("The payment is already void");
    const next: PayoutPaymentRecord = { ...payment, updated_at: now };
    if (voiding) next.status = "void";
    if (body.note !== undefined) next.note = body.note;
    return commitOk(c, state, withoutOrgId(next), () => {
      Object.assign(payment, next);
      if (!voiding) return;
      for (const id of payment.accrual_ids) {
        const accrual = state.payoutAccruals.get(id);
        if (accrual && accrual.status === "paid") {
          accrual.status = "unpaid";
          accrual.updated_at = now;
        }
      }
    });
  });

  return app;
}
