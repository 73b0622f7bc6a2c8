/**
 * A delete that succeeded never fails to parse: over real HTTP, every answer the docs leave possible
 * (`{ id, deleted: true }`, `data: null`, 204, an empty 200) resolves to `{ id, deleted: true }`.
 */
import type { ServerResponse } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testClient } from "../test-helpers/fixtures.js";
import { ok, raw, startTestServer, type TestServer } from "../test-helpers/server.js";
import type { TrackagoatClient } from "./create-client.js";
import { ResponseValidationError } from "./errors.js";

let server: TestServer;
let tg: TrackagoatClient;

beforeAll(async () => {
  server = await startTestServer();
  tg = testClient(server.baseUrl, { maxRetries: 0 });
});
afterAll(() => server.close());

const noContent = () => (_req: unknown, res: ServerResponse) => {
  res.writeHead(204);
  res.end();
};

describe("delete() answers", () => {
  const variants = [
    ["{ id, deleted: true }", ok({ id: "v1", deleted: true })],
    ["data: null", ok(null)],
    ["204 No Content", noContent()],
    ["an empty 200", raw(200, "")],
    ["{ id } only", ok({ id: "v1" })],
  ] as const;

  for (const [name, handler] of variants) {
    it(`${name} → { id, deleted: true }`, async () => {
      server.route("DELETE /videos/v1", handler);
      expect(await tg.videos.delete("v1")).toEqual({ id: "v1", deleted: true });
    });
  }

  it("keeps the id the API reports, and other fields it sends", async () => {
    server.route("DELETE /creators/c1", ok({ id: "c1-archived", deleted: true, archived: true }));
    expect(await tg.creators.delete("c1")).toEqual({ id: "c1-archived", deleted: true, archived: true });
  });

  it("refuses an answer that says it did not delete", async () => {
    server.route("DELETE /goals/g1", ok({ id: "g1", deleted: false }));
    await expect(tg.goals.delete("g1")).rejects.toBeInstanceOf(ResponseValidationError);
  });

  it("campaign member removal and assignment deletes take 204 too", async () => {
    server.route("DELETE /campaigns/k1/items", noContent());
    expect(await tg.campaigns.removeItem("k1", { item_type: "video", item_id: "v1" })).toBeNull();
    server.route("DELETE /payout-structures/s1/assignments", noContent());
    expect(await tg.payoutStructures.assignments.delete("s1", { creator_id: "c1" })).toEqual({
      id: "c1",
      deleted: true,
    });
    const sent = server.requestsTo("DELETE /payout-structures/s1/assignments");
    expect(sent.at(-1)?.json).toEqual({ creator_id: "c1" });
  });

  it("a non-delete with an empty body still fails (only deletes may be empty)", async () => {
    server.route("GET /projects", raw(200, ""));
    await expect(tg.projects.list()).rejects.toBeInstanceOf(ResponseValidationError);
  });
});

describe("deprecated assignments.delete(structureId, assignmentId)", () => {
  it("finds the creator and uses the documented body form, never the /{assignmentId} path", async () => {
    server.route(
      "GET /payout-structures/s2/assignments",
      ok([{ id: "as9", creator_id: "c9", structure_id: "s2" }], { nextCursor: null, hasMore: false }),
    );
    server.route("DELETE /payout-structures/s2/assignments", ok({ id: "as9", deleted: true }));
    expect(await tg.payoutStructures.assignments.delete("s2", "as9")).toEqual({ id: "as9", deleted: true });
    expect(server.requestsTo("DELETE /payout-structures/s2/assignments").at(-1)?.json).toEqual({
      creator_id: "c9",
    });
    expect(server.requests.some((r) => r.path.endsWith("/assignments/as9"))).toBe(false);
  });
});
