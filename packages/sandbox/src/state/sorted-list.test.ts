import { describe, expect, it } from "vitest";
import { Collection } from "./collection.js";
import { SortedList } from "./sorted-list.js";

const key = (ts: number, id: string) => ({ ts, id });

describe("SortedList", () => {
  it("keeps (ts, id) order through inserts and removes, and binary-searches positions", () => {
    const list = new SortedList<string>();
    for (const [ts, id] of [
      [3, "c"],
      [1, "b"],
      [1, "a"],
      [2, "z"],
      [5, "e"],
    ] as const) {
      list.insert(`${ts}${id}`, key(ts, id));
    }
    expect(list.toArray()).toEqual(["1a", "1b", "2z", "3c", "5e"]);
    expect(list.upperBound(1, "b")).toBe(2);
    expect(list.upperBound(2, "y")).toBe(2);
    expect(list.lowerBound(3, "c")).toBe(3);
    list.insert("1a", key(1, "a")); // already present: ignored
    expect(list.length).toBe(5);
    expect(list.remove(key(2, "z"))).toBe(true);
    expect(list.remove(key(2, "z"))).toBe(false);
    expect([...list.from(1)]).toEqual(["1b", "3c", "5e"]);
  });
});

describe("Collection", () => {
  interface Rec {
    id: string;
    created_at: string;
    group: string;
    hidden: boolean;
  }
  const rec = (id: string, day: number, group: string): Rec => ({
    id,
    created_at: `2026-01-0${day}T00:00:00Z`,
    group,
    hidden: false,
  });

  it("indexes the backing array, moves records between lists on update, and mirrors removals", () => {
    const backing = [rec("b", 2, "x"), rec("a", 1, "x"), rec("c", 3, "y")];
    const col = new Collection<Rec>({
      backing,
      idOf: (r) => r.id,
      createdAtOf: (r) => r.created_at,
      listsOf: (r) => (r.hidden ? ["all"] : ["all", `group:${r.group}`]),
    });
    expect(
      col
        .list("group:x")
        .toArray()
        .map((r) => r.id),
    ).toEqual(["a", "b"]);
    col.update(col.get("a")!, (r) => {
      r.hidden = true;
    });
    expect(
      col
        .list("group:x")
        .toArray()
        .map((r) => r.id),
    ).toEqual(["b"]);
    expect(col.list("all").length).toBe(3);
    col.insert(rec("d", 4, "x"));
    expect(
      col
        .list("group:x")
        .toArray()
        .map((r) => r.id),
    ).toEqual(["b", "d"]);
    expect(backing).toHaveLength(4);
    col.remove(col.get("b")!);
    expect(backing.map((r) => r.id)).toEqual(["a", "c", "d"]);
    expect(col.get("b")).toBeUndefined();
    expect(col.list("nothing").length).toBe(0);
  });
});
