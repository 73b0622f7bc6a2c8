/**
 * Issue 12, edge case 2: over-posting needs a reading at least 2 h after posting
 * (last_scraped_at − posted_at ≥ 2 h). A low count read earlier, or never, is unconfirmed: no incident,
 * and the analysis says how many creator-days were unconfirmed.
 */
import { describe, expect, it } from "vitest";
import { video } from "../test-helpers/analysis-fixtures.js";
import type { VideoInput } from "./inputs.js";
import { findOverPosting } from "./over-posting.js";

const AS_OF = "2026-03-15T12:00:00Z";

/** 7 posts on 2026-03-10 at 01:00 … 07:00; the first two have 50 views; each read `scrapeAfterH` hours after posting. */
function day(scrapeAfterH: (i: number) => number | null): VideoInput[] {
  return Array.from({ length: 7 }, (_, i) => {
    const posted = Date.parse(`2026-03-10T0${i + 1}:00:00Z`);
    const h = scrapeAfterH(i);
    return video({
      creator_id: "c",
      posted_at: new Date(posted).toISOString(),
      view_count: i < 2 ? 50 : 5000,
      last_scraped_at: h === null ? null : new Date(posted + h * 3_600_000).toISOString(),
    });
  });
}

type WithUnconfirmed = {
  unconfirmed: Array<{ creator_id: string; date: string; unconfirmed_video_count: number }>;
};

describe("over-posting confirmation (a reading ≥ 2 h after posting)", () => {
  it("confirms low counts read 2 h or more after posting", () => {
    const r = findOverPosting(
      day(() => 2),
      AS_OF,
    );
    expect(r.incidents.map((i) => i.date)).toEqual(["2026-03-10"]);
    expect((r as unknown as WithUnconfirmed).unconfirmed).toEqual([]);
  });

  it("makes no incident when a low count was read under 2 h after posting, and lists the day as unconfirmed", () => {
    // Low video 0 read after 3 h (confirmed), low video 1 only 1 h 59 min after posting: one confirmed, < 2.
    const r = findOverPosting(
      day((i) => (i === 1 ? 119 / 60 : 3)),
      AS_OF,
    );
    expect(r.incidents).toEqual([]);
    expect((r as unknown as WithUnconfirmed).unconfirmed).toEqual([
      {
        creator_id: "c",
        date: "2026-03-10",
        post_count: 7,
        low_view_count: 2,
        confirmed_low_view_count: 1,
        unconfirmed_video_count: 1,
      },
    ]);
  });

  it("treats a video never scraped as unconfirmed, not as zero views confirmed", () => {
    const r = findOverPosting(
      day(() => null),
      AS_OF,
    );
    expect(r.incidents).toEqual([]);
    expect((r as unknown as WithUnconfirmed).unconfirmed).toHaveLength(1);
    expect((r as unknown as WithUnconfirmed).unconfirmed[0]!.unconfirmed_video_count).toBe(2);
  });
});
