import {
  PayoutAccrual,
  PayoutAssignment,
  PayoutMethod,
  PayoutPayment,
  PayoutStructure,
} from "@goatkit/core/schema";
import { describe, expect, it } from "vitest";
import { firstOf, testSandbox } from "../../test-helpers/sandbox.js";

describe("payouts", () => {
  it("methods: seeded defaults cannot be deleted (409 default_method); custom ones can; limit 402", async () => {
    const sb = testSandbox();
    const list = await sb.get("/payout-methods");
    const methods = PayoutMethod.array().parse(list.json.data);
    const builtIn = methods.find((m) => m.is_default)!;
    const del = await sb.call("DELETE", `/payout-methods/${builtIn.id}`);
    expect([del.status, del.json.meta.code]).toEqual([409, "default_method"]);
    const disabled = await sb.call("PATCH", `/payout-methods/${builtIn.id}`, { body: { is_active: false } });
    expect(disabled.json.data.is_active).toBe(false);
    expect((await sb.get("/payout-methods")).json.data.some((m: { id: string }) => m.id === builtIn.id)).toBe(
      false,
    );
    expect(
      (await sb.get("/payout-methods?include_disabled=1")).json.data.some(
        (m: { id: string }) => m.id === builtIn.id,
      ),
    ).toBe(true);
    const created = await sb.call("POST", "/payout-methods", {
      body: { name: "Wire", icon_path: "/icons/wire.svg" },
    });
    expect(created.status).toBe(201);
    const wire = PayoutMethod.parse(created.json.data);
    expect(wire).toMatchObject({ is_default: false, icon_url: "/icons/wire.svg" });
    expect((await sb.call("DELETE", `/payout-methods/${wire.id}`)).json.data).toEqual({
      id: wire.id,
      deleted: true,
    });
    const count = sb.state.payoutMethods.list(`org:${sb.orgB}`).length;
    sb.state.orgs.get(sb.orgB)!.limits.max_payout_methods_per_org = count;
    const full = await sb.call("POST", "/payout-methods", { key: sb.keys.orgB, body: { name: "Zelle" } });
    expect(full.json.meta).toEqual({
      code: "limit_reached",
      limitKey: "max_payout_methods_per_org",
      current: count,
      max: count,
    });
  });

  it("structures: rule edits bump the version, other edits do not; assignments", async () => {
    const sb = testSandbox();
    const creator = firstOf(sb.state.world.creators, (c) => c._org_id === sb.orgA);
    const created = await sb.call("POST", "/payout-structures", {
      body: { project_id: creator.project_id, name: "CPM", rule_type: "cpm", amount_cents: 250 },
    });
    expect(created.status).toBe(201);
    const s = PayoutStructure.parse(created.json.data);
    expect(s.version).toBe(1);
    expect(
      (await sb.call("PATCH", `/payout-structures/${s.id}`, { body: { name: "CPM v1" } })).json.data.version,
    ).toBe(1);
    expect(
      (await sb.call("PATCH", `/payout-structures/${s.id}`, { body: { amount_cents: 300 } })).json.data
        .version,
    ).toBe(2);
    const noThreshold = await sb.call("POST", "/payout-structures", {
      body: { project_id: creator.project_id, name: "T", rule_type: "view_threshold", amount_cents: 1 },
    });
    expect(noThreshold.json.meta.code).toBe("invalid_body");
    const assigned = await sb.call("POST", `/payout-structures/${s.id}/assignments`, {
      body: { creator_id: creator.id },
    });
    expect(assigned.status).toBe(201);
    PayoutAssignment.parse(assigned.json.data);
    expect(
      (await sb.call("POST", `/payout-structures/${s.id}/assignments`, { body: { creator_id: creator.id } }))
        .status,
    ).toBe(409);
    expect((await sb.get(`/payout-structures/${s.id}/assignments`)).json.data).toHaveLength(1);
    expect(
      (
        await sb.call("DELETE", `/payout-structures/${s.id}/assignments`, {
          body: { creator_id: creator.id },
        })
      ).status,
    ).toBe(200);
    expect((await sb.call("DELETE", `/payout-structures/${s.id}`)).json.data).toEqual({
      id: s.id,
      deleted: true,
    });
  });

  it("payments mark accruals paid and snapshot the method name; void returns them to unpaid", async () => {
    const sb = testSandbox();
    const accruals = PayoutAccrual.array().parse(
      (await sb.get("/payout-accruals?status=unpaid&limit=100")).json.data,
    );
    const accrual = accruals[0]!;
    const method = PayoutMethod.array().parse((await sb.get("/payout-methods")).json.data)[0]!;
    const paid = await sb.call("POST", "/payout-payments", {
      body: {
        creator_id: accrual.creator_id,
        method_id: method.id,
        amount_cents: accrual.amount_cents,
        accrual_ids: [accrual.id],
      },
    });
    expect(paid.status).toBe(201);
    const payment = PayoutPayment.parse(paid.json.data);
    expect(payment).toMatchObject({
      method_name: method.name,
      status: "recorded",
      accrual_ids: [accrual.id],
    });
    expect((await sb.get(`/payout-accruals/${accrual.id}`)).json.data.status).toBe("paid");
    const twice = await sb.call("POST", "/payout-payments", {
      body: {
        creator_id: accrual.creator_id,
        method_id: method.id,
        amount_cents: 1,
        accrual_ids: [accrual.id],
      },
    });
    expect(twice.json.meta.code).toBe("conflict");
    const voided = await sb.call("PATCH", `/payout-payments/${payment.id}`, { body: { status: "void" } });
    expect(voided.json.data.status).toBe("void");
    expect((await sb.get(`/payout-accruals/${accrual.id}`)).json.data.status).toBe("unpaid");
    expect(
      (await sb.call("PATCH", `/payout-payments/${payment.id}`, { body: { status: "void" } })).status,
    ).toBe(409);
    const patched = await sb.call("PATCH", `/payout-accruals/${accrual.id}`, { body: { status: "void" } });
    expect(patched.json.data.status).toBe("void");
  });
});
