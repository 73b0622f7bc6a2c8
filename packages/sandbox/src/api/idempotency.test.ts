import { describe, expect, it } from "vitest";
import { firstOf, testSandbox } from "../test-helpers/sandbox.js";

describe("Idempotency-Key", () => {
  it("replays the first response byte for byte and creates nothing twice", async () => {
    const sb = testSandbox();
    const project = firstOf(sb.state.world.projects, (p) => p.org_id === sb.orgA);
    const path = `/projects/${project.id}/campaigns`;
    const headers = { "idempotency-key": "create-campaign-1" };
    const first = await sb.call("POST", path, { body: { name: "Once" }, headers });
    const before = sb.state.campaigns.size;
    const replay = await sb.call("POST", path, { body: { name: "Once" }, headers });
    expect(first.status).toBe(201);
    expect(replay.status).toBe(201);
    expect(replay.text).toBe(first.text);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(sb.state.campaigns.size).toBe(before);
  });

  it("the same key on another route or with another body → 409 idempotency_key_reused", async () => {
    const sb = testSandbox();
    const [p1, p2] = sb.state.world.projects.filter((p) => p.org_id === sb.orgA);
    const headers = { "idempotency-key": "k-1" };
    expect(
      (await sb.call("POST", `/projects/${p1!.id}/campaigns`, { body: { name: "A" }, headers })).status,
    ).toBe(201);
    const otherRoute = await sb.call("POST", `/projects/${p2!.id}/campaigns`, {
      body: { name: "A" },
      headers,
    });
    expect([otherRoute.status, otherRoute.json.meta.code]).toEqual([409, "idempotency_key_reused"]);
    const otherBody = await sb.call("POST", `/projects/${p1!.id}/campaigns`, {
      body: { name: "B" },
      headers,
    });
    expect([otherBody.status, otherBody.json.meta.code]).toEqual([409, "idempotency_key_reused"]);
    // Keys are per org: org B may use the same string.
    const pB = firstOf(sb.state.world.projects, (p) => p.org_id === sb.orgB);
    const orgB = await sb.call("POST", `/projects/${pB.id}/campaigns`, {
      key: sb.keys.orgB,
      body: { name: "A" },
      headers,
    });
    expect(orgB.status).toBe(201);
  });

  it("a request that did nothing (400) is not stored: fixing the body and retrying runs it", async () => {
    const sb = testSandbox();
    const project = firstOf(sb.state.world.projects, (p) => p.org_id === sb.orgA);
    const headers = { "idempotency-key": "k-2" };
    const path = `/projects/${project.id}/campaigns`;
    expect((await sb.call("POST", path, { body: { name: "" }, headers })).status).toBe(400);
    expect((await sb.call("POST", path, { body: { name: "fixed" }, headers })).status).toBe(201);
  });

  it("is ignored on PATCH and DELETE", async () => {
    const sb = testSandbox();
    const creator = firstOf(sb.state.world.creators, (c) => c._org_id === sb.orgA);
    const headers = { "idempotency-key": "k-3" };
    const a = await sb.call("PATCH", `/creators/${creator.id}`, { body: { readme: "a" }, headers });
    const b = await sb.call("PATCH", `/creators/${creator.id}`, { body: { readme: "b" }, headers });
    expect([a.json.data.description, b.json.data.description]).toEqual(["a", "b"]);
  });
});
