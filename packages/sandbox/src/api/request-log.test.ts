import { describe, expect, it } from "vitest";
import { redactKey } from "../state/request-log.js";
import { firstOf, testSandbox } from "../test-helpers/sandbox.js";

describe("request counters", () => {
  it("count by route pattern, redacted key and status, and reset", async () => {
    const sb = testSandbox();
    const creator = firstOf(sb.state.world.creators, (c) => c._org_id === sb.orgA);
    await sb.get("/creators");
    await sb.get("/creators?limit=2");
    await sb.get(`/creators/${creator.id}/stats`);
    await sb.get("/projects", { key: null });
    await sb.get("/nope");
    const counts = (await sb.get("/__sandbox/requests")).json;
    expect(counts).toEqual({
      total: 5,
      byRoute: {
        "GET /creators": 2,
        "GET /creators/{id}/stats": 1,
        "GET /projects": 1,
        "GET (unmatched)": 1,
      },
      byKey: { [redactKey(sb.keys.readWrite)]: 4, "(none)": 1 },
      byStatus: { "200": 3, "401": 1, "404": 1 },
    });
    expect(JSON.stringify(counts)).not.toContain(sb.keys.readWrite);
    expect(sb.requests()).toEqual(counts);
    expect((await sb.call("POST", "/__sandbox/requests/reset")).json.total).toBe(0);
    expect(sb.requests().total).toBe(0);
  });

  it("two instances never share state", async () => {
    const a = testSandbox();
    const b = testSandbox();
    const project = firstOf(a.state.world.projects, (p) => p.org_id === a.orgA);
    expect(
      (await a.call("POST", `/projects/${project.id}/creators`, { body: { tiktok_handle: "only_in_a" } }))
        .status,
    ).toBe(201);
    expect((await a.get("/creators?search=only_in_a")).json.data).toHaveLength(1);
    expect((await b.get("/creators?search=only_in_a")).json.data).toHaveLength(0);
    expect(a.requests().total).toBe(2);
    expect(b.requests().total).toBe(1);
  });
});
