import { describe, expect, it } from "vitest";
import { SandboxClock } from "./clock.js";
import { DailyCounter, SlidingWindow } from "./counters.js";
import { FaultController } from "./faults.js";
import { IdempotencyStore } from "./idempotency.js";
import { createUuidFactory } from "./random.js";
import { RequestLog, redactKey } from "./request-log.js";

describe("SlidingWindow", () => {
  it("accepts max hits per window and reports the wait until the oldest leaves", () => {
    const w = new SlidingWindow(60_000);
    expect(w.hit("k", 2, 0)).toBeNull();
    expect(w.hit("k", 2, 10_000)).toBeNull();
    expect(w.hit("k", 2, 20_000)).toBe(40); // oldest (t=0) leaves at 60 s
    expect(w.hit("k", 2, 59_999)).toBe(1); // never below 1
    expect(w.hit("k", 2, 60_001)).toBeNull();
    expect(w.hit("other", 2, 20_000)).toBeNull();
  });
});

describe("DailyCounter", () => {
  it("counts per id and day, and refuses past the max", () => {
    const d = new DailyCounter();
    expect(d.take("org", "2026-03-31", 2)).toBe(true);
    expect(d.take("org", "2026-03-31", 2)).toBe(true);
    expect(d.take("org", "2026-03-31", 2)).toBe(false);
    expect(d.get("org", "2026-04-01")).toBe(0);
    expect(d.take("org", "2026-04-01", 2)).toBe(true);
  });
});

describe("IdempotencyStore", () => {
  it("reserves, replays, refuses other routes and bodies, and expires after 24 h", () => {
    let now = 0;
    const s = new IdempotencyStore(() => now);
    expect(s.begin("o", "k", "POST /a", "h").kind).toBe("new");
    expect(s.begin("o", "k", "POST /a", "h").kind).toBe("in_flight");
    s.complete("o", "k", { status: 201, body: "{}", contentType: "application/json" });
    expect(s.begin("o", "k", "POST /a", "h")).toEqual({
      kind: "replay",
      response: { status: 201, body: "{}", contentType: "application/json" },
    });
    expect(s.begin("o", "k", "POST /b", "h").kind).toBe("other_route");
    expect(s.begin("o", "k", "POST /a", "other").kind).toBe("other_body");
    expect(s.begin("other-org", "k", "POST /b", "h").kind).toBe("new");
    now = 24 * 3600_000 + 1;
    expect(s.begin("o", "k", "POST /b", "h").kind).toBe("new");
  });

  it("abandons a reserved key so a retry runs again", () => {
    const s = new IdempotencyStore(() => 0);
    s.begin("o", "k", "POST /a", "h");
    s.abandon("o", "k");
    expect(s.begin("o", "k", "POST /a", "h").kind).toBe("new");
  });
});

describe("small pieces", () => {
  it("redacts keys to a label", () => {
    expect(redactKey(`tga_3f2a${"0".repeat(56)}9c1d`)).toBe("tga_3f2a…9c1d");
    expect(redactKey("nope")).toBe("(malformed)");
  });

  it("counts requests by route, key and status", () => {
    const log = new RequestLog();
    log.record("GET /creators", "tga_1…2", 200);
    log.record("GET /creators", null, 401);
    log.record("GET /videos", "tga_1…2", "dropped");
    expect(log.counts()).toEqual({
      total: 3,
      byRoute: { "GET /creators": 2, "GET /videos": 1 },
      byKey: { "tga_1…2": 2, "(none)": 1 },
      byStatus: { "200": 1, "401": 1, dropped: 1 },
    });
    log.reset();
    expect(log.counts().total).toBe(0);
  });

  it("makes deterministic v4 uuids", () => {
    const a = createUuidFactory(1);
    const b = createUuidFactory(1);
    const id = a();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(b()).toBe(id);
  });

  it("runs the sandbox clock from the as-of instant with strictly increasing stamps", () => {
    let wall = 1_000;
    const clock = new SandboxClock("2026-03-31T23:59:58Z", () => wall);
    const a = clock.stamp();
    const b = clock.stamp();
    expect(a).toBe("2026-03-31T23:59:58.000Z");
    expect(b > a).toBe(true);
    expect(clock.secondsToUtcMidnight()).toBe(2);
    wall += 5_000;
    expect(clock.today()).toBe("2026-04-01");
  });

  it("draws faults reproducibly from the seed and validates settings", () => {
    const a = new FaultController(7, { errorRate: 0.5 });
    const b = new FaultController(7, { errorRate: 0.5 });
    const seq = (f: FaultController) => Array.from({ length: 20 }, () => f.draw().error);
    expect(seq(a)).toEqual(seq(b));
    expect(() => a.set({ errorRate: 2 })).toThrow(/errorRate/);
    expect(() => a.set({ bogus: 1 } as never)).toThrow(/unknown fault setting/);
    expect(a.set({ outage: true }).outage).toBe(true);
  });
});
