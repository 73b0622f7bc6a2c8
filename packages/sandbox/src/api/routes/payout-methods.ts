/**
 * Payout methods (api-contract §9, §2.5): the seeded defaults (Venmo, Cash App, PayPal) can be disabled
 * but not renamed or deleted (409 `default_method`); custom methods count against
 * `max_payout_methods_per_org` together with the defaults.
 */
import { CreatePayoutMethodBody, UpdatePayoutMethodBody } from "@goatkit/core/schema";
import { Hono } from "hono";
import { assertWithinLimit } from "../../state/limits.js";
import type { PayoutMethodRecord } from "../../world/types.js";
import { ApiError } from "../api-error.js";
import { readBody } from "../body.js";
import { orgIdOf, type SandboxContext, type SandboxEnv } from "../context.js";
import { ok } from "../envelope.js";
import { listRequest, paginate } from "../pagination.js";
import { idParam, queryBool } from "../query.js";
import { commitOk } from "./write.js";

const defaultMethod = (what: string) =>
  new ApiError(409, "default_method", `default_method: built-in payout methods cannot be ${what}`);

export function payoutMethodRoutes(ctx: SandboxContext): Hono<SandboxEnv> {
  const { state } = ctx;
  const app = new Hono<SandboxEnv>();

  app.get("/payout-methods", (c) => {
    const orgId = orgIdOf(c);
    const all = queryBool(c, "include_disabled");
    const req = listRequest(c, `payout-methods|${orgId}|${all}`);
    const list = state.payoutMethods.list(`org:${orgId}`);
    const page = paginate(
      list,
      (m) => state.payoutMethods.keyOf(m),
      req,
      all ? undefined : (m) => m.is_active,
    );
    return ok(c, page.data, { meta: { ...page.meta } });
  });

  app.post("/payout-methods", async (c) => {
    const { org } = c.get("auth");
    const body = await readBody(c, CreatePayoutMethodBody);
    const existing = state.payoutMethods.list(`org:${org.id}`).view();
    if (existing.some((m) => m.name.toLowerCase() === body.name.toLowerCase())) {
      throw new ApiError(409, "conflict", `A payout method named "${body.name}" already exists`);
    }
    assertWithinLimit(org, "max_payout_methods_per_org", existing.length);
    const now = state.clock.stamp();
    const method: PayoutMethodRecord = {
      id: state.newId(),
      org_id: org.id,
      name: body.name,
      icon_url: body.icon_path ?? null,
      is_default: false,
      is_active: true,
      metadata: body.metadata ?? {},
      readme: body.readme ?? null,
      created_at: now,
      updated_at: now,
    };
    return commitOk(c, state, method, () => state.payoutMethods.insert(method), { status: 201 });
  });

  app.get("/payout-methods/:id", (c) => ok(c, state.payoutMethod(orgIdOf(c), idParam(c))));

  app.patch("/payout-methods/:id", async (c) => {
    const method = state.payoutMethod(orgIdOf(c), idParam(c));
    const body = await readBody(c, UpdatePayoutMethodBody);
    if (method.is_default && body.name !== undefined && body.name !== method.name)
      throw defaultMethod("renamed");
    const next: PayoutMethodRecord = { ...method, updated_at: state.clock.stamp() };
    if (body.name !== undefined) next.name = body.name;
    if (body.is_active !== undefined) next.is_active = body.is_active;
    if (body.icon_path !== undefined) next.icon_url = body.icon_path;
    if (body.metadata !== undefined) next.metadata = body.metadata;
    if (body.readme !== undefined) next.readme = body.readme;
    return commitOk(c, state, next, () => Object.assign(method, next));
  });

  app.delete("/payout-methods/:id", (c) => {
    const method = state.payoutMethod(orgIdOf(c), idParam(c));
    if (method.is_default) throw defaultMethod("deleted (disable them instead)");
    return commitOk(c, state, { id: method.id, deleted: true }, () => state.payoutMethods.remove(method));
  });

  return app;
}
