import { describe, expect, it } from "vitest";
import { firstOf, testSandbox } from "../test-helpers/sandbox.js";

describe("apiGeneration: current", () => {
  const sb = testSandbox({ apiGeneration: "current" });
  const w = sb.state.world;

  it.each([
    ["creator", "creators", () => firstOf(w.creators, (c) => c._org_id === sb.orgA).id],
    ["campaign", "campaigns", () => firstOf(w.campaigns, (c) => c._org_id === sb.orgA).id],
    ["video", "videos", () => firstOf(w.videos, (v) => v._org_id === sb.orgA).id],
  ])(
    "GET /%s stats → 410 gone with meta.replacement; a missing id is still 404",
    async (entity, path, id) => {
      const res = await sb.get(`/${path}/${id()}/stats`);
      expect(res.status).toBe(410);
      expect(res.json.meta).toEqual({
        code: "gone",
        replacement: `/api/v1/analytics?entity=${entity}&entity_id=${id()}`,
      });
      const missing = await sb.get(`/${path}/00000000-0000-4000-8000-000000000000/stats`);
      expect(missing.status).toBe(404);
    },
  );

  it("the replacement route answers", async () => {
    const id = firstOf(w.creators, (c) => c._org_id === sb.orgA).id;
    const stats = await sb.get(`/creators/${id}/stats`);
    expect((await sb.get(`${stats.json.meta.replacement.replace("/api/v1", "")}&metric=views`)).status).toBe(
      200,
    );
  });
});
