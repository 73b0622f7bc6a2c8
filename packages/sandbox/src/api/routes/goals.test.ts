import { Goal, GoalCompliance } from "@goatkit/core/schema";
import { describe, expect, it } from "vitest";
import { firstOf, testSandbox } from "../../test-helpers/sandbox.js";

describe("goals", () => {
  it("CRUD under a creator, and the project's goal compliance", async () => {
    const sb = testSandbox();
    const creator = firstOf(sb.state.world.creators, (c) => c._org_id === sb.orgA);
    const created = await sb.call("POST", `/creators/${creator.id}/goals`, {
      body: { metric: "posts", period: "weekly", target_value: 3 },
    });
    expect(created.status).toBe(201);
    const goal = Goal.parse(created.json.data);
    expect(goal).toMatchObject({ creator_id: creator.id, project_id: creator.project_id, is_active: true });
    const list = await sb.get(`/creators/${creator.id}/goals`);
    expect(list.json.data.map((g: { id: string }) => g.id)).toContain(goal.id);
    const patched = await sb.call("PATCH", `/goals/${goal.id}`, { body: { target_value: 5 } });
    expect(patched.json.data.target_value).toBe(5);
    const backwards = await sb.call("PATCH", `/goals/${goal.id}`, {
      body: { start_date: "2026-03-10", end_date: "2026-03-01" },
    });
    expect(backwards.json.meta.code).toBe("invalid_body");
    const bad = await sb.call("POST", `/creators/${creator.id}/goals`, {
      body: { metric: "vibes", period: "weekly", target_value: 1 },
    });
    expect([bad.status, bad.json.meta.code]).toEqual([400, "invalid_body"]);

    const compliance = await sb.get(`/projects/${creator.project_id}/goal-compliance`);
    expect(compliance.status).toBe(200);
    const entries = GoalCompliance.array().parse(compliance.json.data);
    const active = sb.state.creators.list(`project:${creator.project_id}`).length;
    expect(entries).toHaveLength(active);
    const mine = entries.find((e) => e.creator.id === creator.id)!;
    expect(mine.compliance.map((c) => c.goal.id)).toContain(goal.id);
    const one = await sb.get(
      `/projects/${creator.project_id}/goal-compliance?creator_id=${creator.id}&period=weekly`,
    );
    expect(one.json.data).toHaveLength(1);
    expect((await sb.get(`/projects/${creator.project_id}/goal-compliance?period=yearly`)).status).toBe(400);

    expect((await sb.call("DELETE", `/goals/${goal.id}`)).json.data).toEqual({ id: goal.id, deleted: true });
    expect((await sb.get(`/goals/${goal.id}`)).status).toBe(404);
  });
});
