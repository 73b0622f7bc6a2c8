import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { tiktokVideoId, uuid, videoUrl } from "./ids.js";
import { Rng } from "./prng.js";
import { dayOf, iso, parseIso, Timeline } from "./time.js";

describe("Rng", () => {
  it("repeats a stream for the same seed and labels, and differs otherwise", () => {
    const draw = (r: Rng) => Array.from({ length: 8 }, () => r.next());
    expect(draw(Rng.derive(42, "a", 1))).toEqual(draw(Rng.derive(42, "a", 1)));
    expect(draw(Rng.derive(42, "a", 1))).not.toEqual(draw(Rng.derive(42, "a", 2)));
    expect(draw(Rng.derive(42, "a", 1))).not.toEqual(draw(Rng.derive(43, "a", 1)));
    expect(draw(Rng.derive(42, "a"))).not.toEqual(draw(Rng.derive(42.5, "a")));
  });

  it("draws uniform floats in [0, 1) with the right mean", () => {
    const r = Rng.derive(1, "uniform");
    let sum = 0;
    for (let i = 0; i < 20_000; i++) {
      const x = r.float();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      sum += x;
    }
    expect(sum / 20_000).toBeCloseTo(0.5, 1);
  });

  it("keeps bounded normals inside their bound and ints inside their range", () => {
    const r = Rng.derive(2, "bounds");
    for (let i = 0; i < 5_000; i++) {
      expect(Math.abs(r.boundedNormal(2))).toBeLessThanOrEqual(2);
      const k = r.int(3, 5);
      expect(k === 3 || k === 4 || k === 5).toBe(true);
    }
  });

  it("weights picks and samples without repetition", () => {
    const r = Rng.derive(3, "weighted");
    const counts = [0, 0, 0];
    for (let i = 0; i < 10_000; i++) counts[r.weighted([1, 0, 3])]!++;
    expect(counts[1]).toBe(0);
    expect(counts[2]! / counts[0]!).toBeGreaterThan(2.5);
    const s = r.sample([1, 2, 3, 4, 5], 3);
    expect(new Set(s).size).toBe(3);
    expect(r.sample([1, 2], 5)).toHaveLength(2);
  });
});

describe("ids", () => {
  it("formats v4 UUIDs", () => {
    const r = Rng.derive(4, "ids");
    const seen = new Set<string>();
    for (let i = 0; i < 2_000; i++) {
      const id = uuid(r);
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      seen.add(id);
    }
    expect(seen.size).toBe(2_000);
  });

  it("puts the posting second in the upper 32 bits of TikTok ids, and never repeats a counter", () => {
    const r = Rng.derive(5, "tiktok");
    for (let i = 0; i < 2_000; i++) {
      const ms = Math.floor(r.range(1.7e12, 1.9e12));
      const id = tiktokVideoId(ms, i, 0xdeadbeef);
      expect(BigInt(id) >> 32n).toBe(BigInt(Math.floor(ms / 1000)));
      const low = Math.imul((i ^ 0xdeadbeef) >>> 0, 0x9e3779b1) >>> 0;
      expect(id).toBe(((BigInt(Math.floor(ms / 1000)) << 32n) | BigInt(low)).toString());
    }
    const ids = new Set(Array.from({ length: 5_000 }, (_, i) => tiktokVideoId(1.8e12, i, 7)));
    expect(ids.size).toBe(5_000);
  });

  it("builds video URLs", () => {
    expect(videoUrl("maya.glow", "7649336758470967295")).toBe(
      "https://www.tiktok.com/@maya.glow/video/7649336758470967295",
    );
  });

  it("hashes labels into tga_ keys", async () => {
    const { demoKey } = await import("./ids.js");
    const key = demoKey("x");
    expect(key).toBe(`tga_${createHash("sha256").update("x").digest("hex")}`);
    expect(key).toMatch(/^tga_[0-9a-f]{64}$/);
  });
});

describe("time", () => {
  it("formats and parses instants like Date does", () => {
    const r = Rng.derive(6, "time");
    for (let i = 0; i < 5_000; i++) {
      const whole = i % 2 === 0;
      const ms = Math.floor(r.range(0, 4.1e12) / (whole ? 1000 : 1)) * (whole ? 1000 : 1);
      expect(iso(ms)).toBe(new Date(ms).toISOString());
      expect(parseIso(iso(ms))).toBe(ms);
    }
    expect(parseIso("2026-06-17T15:30:00+02:00")).toBe(Date.parse("2026-06-17T13:30:00Z"));
  });

  it("lays out snapshot days ending on the as-of day, and the full ISO weeks of the window", () => {
    const now = Date.parse("2026-03-01T00:20:00Z"); // a Sunday, just after midnight
    const tl = new Timeline(now, 90);
    expect(tl.days).toHaveLength(90);
    expect(tl.days.at(-1)).toBe("2026-03-01");
    expect(tl.days[0]).toBe(dayOf(now - 89 * 86_400_000));
    expect(tl.day(tl.windowStart)).toBe("2026-01-31");
    const weeks = tl.fullWindowWeeks().map((m) => tl.day(m));
    expect(weeks).toEqual(["2026-02-02", "2026-02-09", "2026-02-16", "2026-02-23"]);
    for (const w of weeks) expect(new Date(`${w}T00:00:00Z`).getUTCDay()).toBe(1);
    expect(tl.day(tl.weekStart(tl.asOf))).toBe("2026-02-23"); // a Sunday belongs to the week before
    expect(tl.snapshotTime(tl.asOf)).toBe(Date.parse("2026-03-01T23:59:59Z"));
  });
});
