import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeCreator, PROJECT_ID, testClient } from "../test-helpers/fixtures.js";
import { type Handler, ok, send, startTestServer, type TestServer } from "../test-helpers/server.js";
import { PaginationError } from "./errors.js";
import { PagePromise } from "./pagination.js";

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});

const creators = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, i) => makeCreator(from + i));

/**
 * Serves pages by cursor: undefined → pages[0], "p1" → pages[1], … The middle page may be empty with
 * hasMore true, which is the case an item-count-based loop gets wrong.
 */
function pagedRoute(pages: unknown[][]): Handler {
  return (req, res) => {
    const cursor = req.query.get("cursor");
    const index = cursor === null ? 0 : Number(cursor.slice(1));
    const next = index + 1 < pages.length ? `p${index + 1}` : null;
    send(res, 200, {
      data: pages[index] ?? [],
      error: null,
      meta: { nextCursor: next, hasMore: next !== null, limit: 2 },
    });
  };
}

describe("PagePromise over a list route", () => {
  it("iterates every item across pages, through an empty page in the middle", async () => {
    server.route("GET /creators", pagedRoute([creators(0, 2), [], creators(2, 4), creators(4, 5)]));
    const handles: string[] = [];
    for await (const c of testClient(server.baseUrl).creators.list({ project_id: PROJECT_ID, limit: 2 })) {
      handles.push(c.tiktok_handle);
    }
    expect(handles).toEqual(["creator_0", "creator_1", "creator_2", "creator_3", "creator_4"]);
    expect(server.requests.map((r) => r.query.get("cursor"))).toEqual([null, "p1", "p2", "p3"]);
  });

  it("keeps the caller's query parameters on every page", async () => {
    server.route("GET /creators", pagedRoute([creators(0, 2), creators(2, 4), creators(4, 5)]));
    const tg = testClient(server.baseUrl);
    const all = await tg.creators.list({ project_id: PROJECT_ID, search: "creator", limit: 2 }).toArray();
    expect(all).toHaveLength(5);
    expect(server.requests).toHaveLength(3);
    for (const req of server.requests) {
      expect(req.query.get("project_id")).toBe(PROJECT_ID);
      expect(req.query.get("search")).toBe("creator");
      expect(req.query.get("limit")).toBe("2");
    }
  });

  it("awaits to the first page, which can fetch the next one", async () => {
    server.route("GET /creators", pagedRoute([creators(0, 2), creators(2, 3)]));
    const first = await testClient(server.baseUrl).creators.list({ limit: 2 });
    expect(first.data).toHaveLength(2);
    expect(first.hasMore).toBe(true);
    expect(first.nextCursor).toBe("p1");
    const second = await first.nextPage();
    expect(second?.data.map((c) => c.id)).toEqual([makeCreator(2).id]);
    expect(second?.hasNextPage()).toBe(false);
    expect(await second?.nextPage()).toBeNull();
  });

  it("yields pages, empty ones included", async () => {
    server.route(
      "GET /campaigns/k1/items",
      pagedRoute([[{ item_type: "creator", item_id: "c1" }], [], [{ item_type: "video", item_id: "v1" }]]),
    );
    const sizes: number[] = [];
    for await (const p of testClient(server.baseUrl).campaigns.items("k1", { limit: 1 }).pages())
      sizes.push(p.data.length);
    expect(sizes).toEqual([1, 0, 1]);
  });

  it("requests nothing until awaited or iterated, and fetches the first page once", async () => {
    server.route("GET /creators", pagedRoute([creators(0, 2), creators(2, 3)]));
    const list = testClient(server.baseUrl).creators.list();
    expect(server.requests).toHaveLength(0);
    const first = await list;
    const items = await list.toArray();
    expect(first.data).toHaveLength(2);
    expect(items).toHaveLength(3);
    expect(server.requests.map((r) => r.query.get("cursor"))).toEqual([null, "p1"]);
  });

  it("stops fetching when the loop breaks early", async () => {
    server.route("GET /creators", pagedRoute([creators(0, 2), creators(2, 4), creators(4, 6)]));
    const seen: string[] = [];
    for await (const c of testClient(server.baseUrl).creators.list({ limit: 2 })) {
      seen.push(c.id);
      if (seen.length === 3) break;
    }
    expect(seen).toHaveLength(3);
    expect(server.requests).toHaveLength(2);
  });

  it("stops with a PaginationError when the API repeats a cursor", async () => {
    server.route("GET /creators", (_req, res) =>
      send(res, 200, {
        data: [makeCreator(1)],
        error: null,
        meta: { nextCursor: "same", hasMore: true },
      }),
    );
    const seen: unknown[] = [];
    const run = async () => {
      for await (const c of testClient(server.baseUrl).creators.list()) seen.push(c);
    };
    await expect(run()).rejects.toBeInstanceOf(PaginationError);
    await expect(run()).rejects.toThrow(/cursor "same" a second time/);
    // first page (no cursor) and one with "same"; the repeat is caught before a third request
    expect(server.requests).toHaveLength(4);
    expect(seen).toHaveLength(4);
  });

  it("does not mistake a second pass over the same list, or a repeated nextPage(), for a loop", async () => {
    server.route("GET /creators", pagedRoute([creators(0, 2), creators(2, 4), creators(4, 5)]));
    const list = testClient(server.baseUrl).creators.list({ limit: 2 });
    expect(await list.toArray()).toHaveLength(5);
    expect(await list.toArray()).toHaveLength(5);
    const first = await list;
    const a = await first.nextPage();
    const b = await first.nextPage();
    expect(a?.data).toEqual(b?.data);
    expect(await (await a?.nextPage())?.nextPage()).toBeNull();
  });

  it("detects a cycle longer than one page", async () => {
    const cursors: Record<string, string> = { start: "a", a: "b", b: "a" };
    server.route("GET /creators", (req, res) =>
      send(res, 200, {
        data: [],
        error: null,
        meta: { nextCursor: cursors[req.query.get("cursor") ?? "start"], hasMore: true },
      }),
    );
    await expect(testClient(server.baseUrl).creators.list().toArray()).rejects.toBeInstanceOf(
      PaginationError,
    );
    expect(server.requests.map((r) => r.query.get("cursor"))).toEqual([null, "a", "b"]);
  });

  it("refuses hasMore without a cursor instead of stopping silently", async () => {
    server.route("GET /creators", ok([makeCreator(1)], { nextCursor: null, hasMore: true }));
    await expect(testClient(server.baseUrl).creators.list().toArray()).rejects.toThrow(
      /hasMore is true but meta.nextCursor is missing/,
    );
  });

  it("treats a list without pagination meta as one page", async () => {
    server.route(`GET /projects/${PROJECT_ID}/goal-compliance`, ok([], null));
    const all = await testClient(server.baseUrl).goals.compliance(PROJECT_ID).toArray();
    expect(all).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it("follows nextCursor when meta has no hasMore (older docs)", async () => {
    server.route("GET /creators", (req, res) => {
      const first = req.query.get("cursor") === null;
      send(res, 200, {
        data: [makeCreator(first ? 0 : 1)],
        error: null,
        meta: { nextCursor: first ? "n" : null },
      });
    });
    expect(await testClient(server.baseUrl).creators.list().toArray()).toHaveLength(2);
  });
});

describe("toArray caps", () => {
  it("throws a PaginationError when there are more items than max, rather than truncate", async () => {
    server.route("GET /creators", pagedRoute([creators(0, 2), creators(2, 4)]));
    const err = await testClient(server.baseUrl)
      .creators.list()
      .toArray({ max: 3 })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PaginationError);
    expect((err as Error).message).toMatch(/more than 3 items/);
  });

  it("returns everything when the list fits exactly", async () => {
    server.route("GET /creators", pagedRoute([creators(0, 2), creators(2, 4)]));
    expect(await testClient(server.baseUrl).creators.list().toArray({ max: 4 })).toHaveLength(4);
  });

  it("defaults to a cap of 10 000 items", async () => {
    const many = creators(0, 10_001).map((c) => ({ ...c }));
    const pp = new PagePromise(async () => ({ data: many, meta: null }));
    await expect(pp.toArray()).rejects.toThrow(/more than 10000 items/);
  });
});

describe("PagePromise as a promise", () => {
  it("supports then/catch/finally and reports fetch errors on await", async () => {
    const failing = new PagePromise<number>(async () => {
      throw new Error("nope");
    });
    await expect(failing).rejects.toThrow("nope");
    let finalised = false;
    const okPage = new PagePromise(async () => ({ data: [1, 2], meta: null }));
    const data = await okPage.then((p) => p.data).finally(() => (finalised = true));
    expect(data).toEqual([1, 2]);
    expect(finalised).toBe(true);
    expect(await failing.catch(() => "caught")).toBe("caught");
    expect(String(okPage)).toBe("[object PagePromise]");
  });
});
