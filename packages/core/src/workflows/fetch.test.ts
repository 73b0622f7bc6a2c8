import { describe, expect, it } from "vitest";
import { GoneError } from "../client/errors.js";
import { PagePromise } from "../client/pagination.js";
import { fetchAll, isGone, mapLimit } from "./fetch.js";

describe("fetchAll", () => {
  it("follows every page, through empty ones, and reports progress per page", async () => {
    const pages: Record<string, { data: number[]; meta: Record<string, unknown> }> = {
      start: { data: [1, 2], meta: { hasMore: true, nextCursor: "b" } },
      b: { data: [], meta: { hasMore: true, nextCursor: "c" } },
      c: { data: [3], meta: { hasMore: false, nextCursor: null } },
    };
    const seen: Array<[number, number]> = [];
    const items = await fetchAll(
      new PagePromise<number>(async (cursor) => pages[cursor ?? "start"]!),
      (p, n) => seen.push([p, n]),
    );
    expect(items).toEqual([1, 2, 3]);
    expect(seen).toEqual([
      [1, 2],
      [2, 2],
      [3, 3],
    ]);
  });
});

describe("mapLimit", () => {
  it("keeps order and never runs more than the limit at once", async () => {
    let running = 0;
    let peak = 0;
    const out = await mapLimit([5, 1, 4, 2, 3], 2, async (x) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, x));
      running--;
      return x * 10;
    });
    expect(out).toEqual([50, 10, 40, 20, 30]);
    expect(peak).toBe(2);
    expect(await mapLimit([], 3, async (x) => x)).toEqual([]);
  });
});

describe("isGone", () => {
  it("recognises a 410 however it arrives", () => {
    expect(isGone(new GoneError("gone", { status: 410 }))).toBe(true);
    expect(isGone({ status: 410 })).toBe(true);
    expect(isGone(new Error("x"))).toBe(false);
  });
});
