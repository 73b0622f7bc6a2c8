import { describe, expect, it } from "vitest";
import { scoreSets } from "../test-helpers/scoring.js";
import { Caveats } from "../workflows/caveats.js";
import { partitionVideos } from "./counted.js";
import { isStale, mergeFreshness, summarizeFreshness } from "./freshness.js";

const AS_OF = "2026-03-15T12:00:00Z";
const asOfMs = Date.parse(AS_OF);

describe("freshness", () => {
  it("is stale strictly after 12 h, and when never scraped", () => {
    expect(isStale("2026-03-15T00:00:00Z", asOfMs)).toBe(false);
    expect(isStale("2026-03-14T23:59:59Z", asOfMs)).toBe(true);
    expect(isStale(null, asOfMs)).toBe(true);
  });
  it("summarises the oldest scrape, stale ids (oldest first, capped) and never-scraped ones", () => {
    const f = summarizeFreshness(
      [
        { id: "a", last_scraped_at: "2026-03-15T11:00:00Z" },
        { id: "b", last_scraped_at: "2026-03-13T12:00:00Z" },
        { id: "c", last_scraped_at: "2026-03-14T00:00:00Z" },
        { id: "d", last_scraped_at: null },
      ],
      AS_OF,
      { cap: 1 },
    );
    expect(f).toEqual({
      oldest_scraped_at: "2026-03-13T12:00:00Z",
      oldest_age_hours: 48,
      stale_count: 3,
      stale_ids: ["d"],
      stale_ids_truncated: true,
      never_scraped_count: 1,
      checked_count: 4,
      is_stale: true,
    });
    const merged = mergeFreshness([f, summarizeFreshness([], AS_OF)]);
    expect(merged).toMatchObject({ stale_count: 3, oldest_age_hours: 48, checked_count: 4 });
    expect(summarizeFreshness([], AS_OF)).toMatchObject({ oldest_scraped_at: null, is_stale: false });
  });
});

describe("caveats", () => {
  it("collects de-duplicated sentences for stale data, pending videos and empty input", () => {
    const c = new Caveats();
    c.addFreshness(
      summarizeFreshness([{ id: "a", last_scraped_at: "2026-03-01T00:00:00Z" }], AS_OF),
      "creators",
    );
    c.addPending(3).addPending(0).addSnapshot().addSnapshot().addEmpty("videos");
    expect(c.list().map((x) => x.code)).toEqual([
      "stale_data",
      "pending_left_out",
      "snapshot_not_cumulative",
      "empty_input",
    ]);
    expect(c.messages()[0]).toMatch(/^The creator was last scraped more than 12 h/);
    expect(c.messages()[1]).toMatch(/^3 pending_review videos were left out/);
  });
});

describe("counted and scoring", () => {
  it("partitions by tracking status", () => {
    const p = partitionVideos([
      { tracking_status: "auto_tracked" as const },
      { tracking_status: "included" as const },
      { tracking_status: "direct_add" as const },
      { tracking_status: "pending_review" as const },
      { tracking_status: "excluded" as const },
    ]);
    expect(p.counts).toEqual({
      counted: 3,
      pending_review: 1,
      excluded: 1,
      tracking_disabled: 0,
      unknown_status: 0,
      tracking_unreported: 5,
    });
  });
  it("scores precision, recall and F1", () => {
    const s = scoreSets(["a", "b", "c", "d"], ["a", "b", "e"]);
    expect(s).toMatchObject({
      precision: 0.5,
      recall: 2 / 3,
      true_positives: 2,
      false_positives: 2,
      false_negatives: 1,
    });
    expect(s.f1).toBeCloseTo((2 * 0.5 * (2 / 3)) / (0.5 + 2 / 3), 12);
    expect(scoreSets([], [])).toMatchObject({ precision: 1, recall: 1, f1: 1 });
  });
});
