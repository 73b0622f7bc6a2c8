import { describe, expect, it } from "vitest";
import { BoundedCounts, OTHER_LABEL } from "./bounded-counts.js";
import { DailyCounter, SlidingWindow } from "./counters.js";
import { IdempotencyStore } from "./idempotency.js";
import { INVALID_KEY_LABEL, keyLabelOf, NO_KEY_LABEL, RequestLog } from "./request-log.js";

const response = (body: string) => ({ status: 201, body, contentType: "application/json" });

describe("bounded per-key structures", () => {
  it("BoundedCounts keeps counting known labels and folds new ones into (other) once full", () => {
    const counts = new BoundedCounts(3);
    for (const label of ["a", "b", "a", "c", "d", "b", "e"]) counts.add(label);
    expect(counts.toObject()).toEqual({ a: 2, b: 2, [OTHER_LABEL]: 3 });
    expect(counts.size).toBe(3);
  });

  it("RequestLog: unknown keys share one label; each dimension is capped; totals stay exact", () => {
    const log = new RequestLog(10);
    const known = new Set(["tga_known0000000000000"]);
    for (let i = 0; i < 1_000; i++) {
      const label = keyLabelOf(i % 2 ? `tga_${i.toString(16).padStart(64, "0")}` : `junk-${i}`, (t) =>
        known.has(t),
      );
      log.record(`GET /route-${i}`, label, 400 + (i % 100));
    }
    log.record(
      "GET /creators",
      keyLabelOf("tga_known0000000000000", (t) => known.has(t)),
      200,
    );
    log.record(
      "GET /creators",
      keyLabelOf(null, () => false),
      401,
    );
    const counts = log.counts();
    expect(counts.total).toBe(1_002);
    expect(counts.byKey).toEqual({ [INVALID_KEY_LABEL]: 1_000, "tga_know…0000": 1, [NO_KEY_LABEL]: 1 });
    expect(log.labels).toEqual({ byRoute: 10, byKey: 3, byStatus: 10 });
    expect(Object.values(counts.byRoute).reduce((a, b) => a + b, 0)).toBe(1_002);
    expect(counts.byRoute[OTHER_LABEL]).toBe(1_002 - 9);
  });

  it("IdempotencyStore forgets its oldest keys past maxKeys and past maxChars, never the newest", () => {
    const s = new IdempotencyStore(() => 0, { maxKeys: 3, maxChars: 10_000 });
    for (const k of ["a", "b", "c", "d"]) {
      expect(s.begin("o", k, "POST /x", "h").kind).toBe("new");
      s.complete("o", k, response("{}"));
    }
    expect(s.size).toBe(3);
    expect(s.begin("o", "a", "POST /x", "h").kind).toBe("new"); // "a" was forgotten
    expect(s.begin("o", "d", "POST /x", "h").kind).toBe("replay");

    const bytes = new IdempotencyStore(() => 0, { maxKeys: 100, maxChars: 5_000 });
    for (let i = 0; i < 10; i++) {
      bytes.begin("o", `k${i}`, "POST /x", "h");
      bytes.complete("o", `k${i}`, response("x".repeat(1_000)));
    }
    expect(bytes.chars).toBeLessThanOrEqual(5_000);
    expect(bytes.size).toBeLessThan(10);
    expect(bytes.begin("o", "k9", "POST /x", "h").kind).toBe("replay");
    bytes.begin("o", "huge", "POST /x", "h");
    bytes.complete("o", "huge", response("x".repeat(20_000)));
    expect(bytes.size).toBe(1); // only the newest, alone over the budget
    expect(bytes.begin("o", "huge", "POST /x", "h").kind).toBe("replay");
  });

  it("IdempotencyStore drops expired keys as new ones arrive, and keeps its character count exact", () => {
    let now = 0;
    const s = new IdempotencyStore(() => now);
    for (let i = 0; i < 100; i++) {
      s.begin("o", `k${i}`, "POST /x", "h");
      s.complete("o", `k${i}`, response("{}"));
    }
    s.begin("o", "pending", "POST /x", "h");
    s.abandon("o", "pending");
    expect(s.size).toBe(100);
    now = 24 * 3600_000 + 1;
    s.begin("o", "fresh", "POST /x", "h");
    expect(s.size).toBe(1);
    s.abandon("o", "fresh");
    expect([s.size, s.chars]).toEqual([0, 0]);
  });

  it("SlidingWindow and DailyCounter hold at most maxIds ids, least recently used out first", () => {
    const w = new SlidingWindow(60_000, 3);
    for (let i = 0; i < 1_000; i++) w.hit(`key-${i}`, 10, i);
    expect(w.size).toBe(3);
    const d = new DailyCounter(3);
    d.take("a", "2026-03-31", 5);
    d.take("b", "2026-03-31", 5);
    d.take("c", "2026-03-31", 5);
    d.take("a", "2026-03-31", 5); // "a" is now the most recent
    d.take("d", "2026-03-31", 5);
    expect(d.size).toBe(3);
    expect([d.get("a", "2026-03-31"), d.get("b", "2026-03-31"), d.get("d", "2026-03-31")]).toEqual([2, 0, 1]);
  });
});
