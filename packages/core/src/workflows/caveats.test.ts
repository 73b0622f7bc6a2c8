/** Caveat sentences read right in English, and codes stay machine-readable. */
import { describe, expect, it } from "vitest";
import type { FreshnessSummary } from "../analysis/freshness.js";
import { CAVEAT_CODE_MEANINGS, CAVEAT_CODES } from "../reports/schema/caveat-codes.js";
import { Caveats } from "./caveats.js";

/** A summary of `checked` entities of which `old` are stale and `never` never scraped. */
function fresh(checked: number, old: number, never = 0): FreshnessSummary {
  return {
    oldest_scraped_at: old > 0 ? "2026-03-01T00:00:00Z" : null,
    oldest_age_hours: old > 0 ? 348 : null,
    stale_count: old + never,
    stale_ids: [],
    stale_ids_truncated: false,
    never_scraped_count: never,
    checked_count: checked,
    is_stale: old + never > 0,
  };
}

const first = (c: Caveats) => c.messages()[0] ?? "";

describe("addFreshness", () => {
  it("counts stale entities against the total, singular and plural", () => {
    expect(first(new Caveats().addFreshness(fresh(40, 1), "creators"))).toMatch(
      /^1 of the 40 creators was last scraped more than 12 h before the analysis time \(oldest: 2026-03-01T00:00:00Z\); its counters/,
    );
    expect(first(new Caveats().addFreshness(fresh(40, 3), "creators"))).toMatch(
      /^3 of the 40 creators were last scraped .*; their counters may lag/,
    );
    expect(first(new Caveats().addFreshness(fresh(3, 3), "creators"))).toMatch(/^All 3 creators were last/);
    expect(first(new Caveats().addFreshness(fresh(1, 1), "creators"))).toMatch(/^The creator was last/);
    expect(first(new Caveats().addFreshness(fresh(1_200, 2), "videos"))).toMatch(
      /^2 of the 1,200 videos were/,
    );
  });

  it("keeps a possessive before the count", () => {
    expect(first(new Caveats().addFreshness(fresh(40, 1), "campaign's videos"))).toMatch(
      /^1 of the campaign's 40 videos was last/,
    );
    expect(first(new Caveats().addFreshness(fresh(9, 9), "campaigns' videos"))).toMatch(
      /^All 9 of the campaigns' videos were last/,
    );
    expect(first(new Caveats().addFreshness(fresh(1, 1), "campaign's videos"))).toMatch(
      /^The campaign's video was last/,
    );
  });

  it("says never scraped apart from stale, and nothing when all is fresh", () => {
    const c = new Caveats().addFreshness(fresh(10, 2, 1), "creators");
    expect(c.list().map((x) => x.code)).toEqual(["stale_data", "never_scraped"]);
    expect(c.messages()[1]).toBe(
      "1 of the 10 creators has never been scraped; its counters are unknown rather than zero.",
    );
    expect(new Caveats().addFreshness(fresh(5, 0, 2), "entities").messages()).toEqual([
      "2 of the 5 entities have never been scraped; their counters are unknown rather than zero.",
    ]);
    expect(new Caveats().addFreshness(fresh(10, 0)).list()).toEqual([]);
  });
});

describe("addNotChecked", () => {
  it("names what was skipped, once, and only when something was", () => {
    expect(new Caveats().addNotChecked({ freshness: true, pending: true }).list()).toEqual([]);
    const both = new Caveats().addNotChecked({ freshness: false, pending: false });
    expect(both.list()).toHaveLength(1);
    expect(both.list()[0]!.code).toBe("not_checked");
    expect(first(both)).toMatch(/^Scrape freshness and pending_review videos were not checked/);
    expect(first(new Caveats().addNotChecked({ freshness: false, pending: true }))).toMatch(
      /^Scrape freshness was not checked/,
    );
    expect(first(new Caveats().addNotChecked({ freshness: true, pending: false }))).toMatch(
      /^pending_review videos were not checked/,
    );
  });

  it("leaves a workflow's own not_checked sentence alone", () => {
    const c = new Caveats().add("not_checked", "Only the stats route was read.");
    c.addNotChecked({ freshness: false, pending: false });
    expect(c.messages()).toEqual(["Only the stats route was read."]);
  });
});

describe("codes", () => {
  it("lists each code once, each with a meaning", () => {
    expect(new Set(CAVEAT_CODES).size).toBe(CAVEAT_CODES.length);
    expect(Object.keys(CAVEAT_CODE_MEANINGS).sort()).toEqual([...CAVEAT_CODES].sort());
    for (const code of CAVEAT_CODES) expect(code).toMatch(/^[a-z]+(_[a-z]+)*$/);
  });

  it("hands out copies, so a report cannot edit the run's list", () => {
    const c = new Caveats().addPending(1);
    c.list()[0]!.message = "changed";
    expect(c.list()).toEqual([
      {
        code: "pending_left_out",
        message:
          "1 pending_review video was left out: selective-mode videos count only once approved in the Tracking Inbox.",
      },
    ]);
  });
});

describe("addLeftOut", () => {
  it("says how many disabled and unknown-status videos were left out, and the missing field only once", () => {
    const c = new Caveats()
      .addLeftOut({ tracking_disabled: 1, unknown_status: 2, tracking_unreported: 3 })
      .addLeftOut({ tracking_disabled: 0, unknown_status: 0, tracking_unreported: 7 });
    expect(c.list().map((x) => x.code)).toEqual([
      "tracking_disabled_left_out",
      "unknown_status_left_out",
      "tracking_unreported",
    ]);
    expect(c.messages()[0]).toBe(
      "1 tracking-disabled video was left out: a video whose tracking is disabled counts in no stat, goal or " +
        "campaign (it is still listed by GET /videos).",
    );
    expect(c.messages()[1]).toMatch(/^2 videos were left out for a tracking_status the docs do not name/);
    expect(c.messages()[2]).toMatch(
      /^3 videos came without a tracking_enabled field and were treated as enabled/,
    );
  });

  it("adds nothing when nothing was left out", () => {
    expect(
      new Caveats().addLeftOut({ tracking_disabled: 0, unknown_status: 0, tracking_unreported: 0 }).list(),
    ).toEqual([]);
  });
});
