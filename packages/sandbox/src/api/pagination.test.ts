import { ListMeta } from "@goatkit/core/schema";
import { describe, expect, it } from "vitest";
import { firstOf, type TestSandbox, testSandbox } from "../test-helpers/sandbox.js";
import { decodeCursor, encodeCursor } from "./pagination.js";

const sb = testSandbox();

/** Every item of a list, page by page; checks the meta of each page. */
interface Row {
  id?: string;
  item_type?: string;
  item_id?: string;
  campaign_id?: string;
  created_at: string;
}

async function walk(s: TestSandbox, path: string, limit: number) {
  const items: Row[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 10_000; pages++) {
    const sep = path.includes("?") ? "&" : "?";
    const url: string = `${path}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
    const res = await s.get(url);
    expect(res.status, url).toBe(200);
    const meta = ListMeta.parse(res.json.meta);
    expect(meta.limit).toBe(limit);
    expect(res.json.data.length).toBeLessThanOrEqual(limit);
    items.push(...res.json.data);
    if (!meta.hasMore) {
      expect(meta.nextCursor).toBeNull();
      return items;
    }
    expect(res.json.data.length).toBe(limit);
    cursor = meta.nextCursor;
  }
  throw new Error("runaway pagination");
}

const idOf = (x: Row) => x.id ?? `${x.campaign_id}|${x.item_type}|${x.item_id}`;
const byCreated = (a: Row, b: Row) =>
  Date.parse(a.created_at) - Date.parse(b.created_at) || (idOf(a) < idOf(b) ? -1 : idOf(a) > idOf(b) ? 1 : 0);

describe("cursor pagination", () => {
  const w = sb.state.world;
  const project = firstOf(w.projects, (p) => p.org_id === sb.orgA);
  const creator = firstOf(w.creators, (c) => c._org_id === sb.orgA);
  const campaign = [...w.campaigns]
    .filter((c) => c._org_id === sb.orgA)
    .sort(
      (a, b) =>
        w.campaignItems.filter((i) => i.campaign_id === b.id).length -
        w.campaignItems.filter((i) => i.campaign_id === a.id).length,
    )[0]!;

  const cases: Array<[string, () => Row[]]> = [
    ["/creators", () => w.creators.filter((c) => c._org_id === sb.orgA && !c._deleted)],
    [
      `/creators?project_id=${project.id}`,
      () => w.creators.filter((c) => c.project_id === project.id && !c._deleted),
    ],
    [
      "/videos",
      () => w.videos.filter((v) => v._org_id === sb.orgA && !v._deleted && v.tracking_status !== "excluded"),
    ],
    [
      `/videos?creator_id=${creator.id}`,
      () =>
        w.videos.filter(
          (v) => v.creator_id === creator.id && !v._deleted && v.tracking_status !== "excluded",
        ),
    ],
    ["/projects", () => w.projects.filter((p) => p.org_id === sb.orgA)],
    ["/campaigns", () => w.campaigns.filter((c) => c._org_id === sb.orgA)],
    [`/campaigns/${campaign.id}/items`, () => w.campaignItems.filter((i) => i.campaign_id === campaign.id)],
    ["/payout-accruals", () => w.payoutAccruals.filter((a) => a.org_id === sb.orgA)],
    ["/payout-payments", () => w.payoutPayments.filter((a) => a.org_id === sb.orgA)],
    ["/payout-structures", () => w.payoutStructures.filter((a) => a.org_id === sb.orgA)],
    ["/payout-methods?include_disabled=true", () => w.payoutMethods.filter((a) => a.org_id === sb.orgA)],
  ];

  for (const limit of [7, 100]) {
    it.each(cases)(
      `%s with limit=${limit}: every item exactly once, in (created_at, id) order`,
      async (path, expected) => {
        const items = await walk(sb, path, limit);
        const want = [...expected()].sort(byCreated).map(idOf);
        expect(want.length).toBeGreaterThan(0);
        expect(items.map(idOf)).toEqual(want);
      },
    );
  }

  it("a search filter pages through the matches only", async () => {
    const items = (await walk(sb, "/creators?search=A", 3)) as unknown as Array<{ tiktok_handle: string }>;
    const want = w.creators.filter(
      (c) => c._org_id === sb.orgA && c.tiktok_handle.toLowerCase().includes("a"),
    );
    expect(items).toHaveLength(want.length);
    expect(items.every((c) => c.tiktok_handle.toLowerCase().includes("a"))).toBe(true);
  });

  it("survives the last item of a page being deleted before the next page is read", async () => {
    const s = testSandbox();
    const first = await s.get("/creators?limit=5");
    const last = first.json.data[4];
    expect((await s.call("DELETE", `/creators/${last.id}`)).status).toBe(200);
    const second = await s.get(`/creators?limit=5&cursor=${first.json.meta.nextCursor}`);
    const all = (await walk(testSandbox(), "/creators", 100)).map(idOf);
    expect(second.json.data.map(idOf)).toEqual(all.slice(5, 10));
  });

  it("encodes an opaque cursor bound to its list", () => {
    const cursor = encodeCursor("creators|a", { ts: 1, id: "x" });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor("creators|a", cursor)).toEqual({ ts: 1, id: "x" });
    expect(() => decodeCursor("videos|a", cursor)).toThrow(/another list/);
  });

  it.each([
    ["limit=0"],
    ["limit=-1"],
    ["limit=1.5"],
    ["limit=101"],
    ["limit=abc"],
    ["limit="],
    ["cursor=!!!"],
    ["cursor=bm90LWpzb24"], // base64url of "not-json"
    [`cursor=${Buffer.from(JSON.stringify({ l: 1 })).toString("base64url")}`],
  ])("GET /creators?%s → 400 invalid_query", async (query) => {
    const res = await sb.get(`/creators?${query}`);
    expect(res.status).toBe(400);
    expect(res.json.meta.code).toBe("invalid_query");
  });

  it("a cursor from another list (route or filters) → 400 invalid_query", async () => {
    const videos = await sb.get("/videos?limit=2");
    const cursor = videos.json.meta.nextCursor;
    for (const path of [`/creators?cursor=${cursor}`, `/videos?project_id=${project.id}&cursor=${cursor}`]) {
      const res = await sb.get(path);
      expect(res.status).toBe(400);
      expect(res.json.meta.code).toBe("invalid_query");
      expect(res.json.error).toMatch(/another list/);
    }
  });
});
