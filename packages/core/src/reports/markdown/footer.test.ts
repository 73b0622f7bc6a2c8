/** The footer says "not checked" for a skipped check, never a reassuring 0. */
import { describe, expect, it } from "vitest";
import type { ReportMeta } from "../schema/meta.js";
import { metaFooter } from "./common.js";

const base: ReportMeta = {
  generated_at: "2026-03-15T12:00:00.000Z",
  range: { from: "2026-02-14", to: "2026-03-15" },
  freshness: {
    checked: true,
    is_stale: false,
    checked_count: 12,
    stale_count: 0,
    never_scraped_count: 0,
    oldest_scraped_at: "2026-03-15T06:00:00Z",
    oldest_age_hours: 6,
    stale_ids: [],
    stale_ids_truncated: false,
  },
  excluded: { pending_checked: true, pending_review: 1, excluded_count: null, reason: "…" },
  caveats: [
    { code: "not_checked", message: "Only the stats route was read." },
    { code: "recursive_dedup", message: "Each video once." },
  ],
  notes: [],
  request_count: 1,
  api_generation: "legacy",
};

const notChecked: ReportMeta = {
  ...base,
  freshness: {
    ...base.freshness,
    checked: false,
    is_stale: null,
    checked_count: 0,
    oldest_scraped_at: null,
    oldest_age_hours: null,
  },
  excluded: { ...base.excluded, pending_checked: false, pending_review: null },
};

describe("metaFooter", () => {
  it("prints what was checked, in the singular when there is one", () => {
    const md = metaFooter(base);
    expect(md).toContain(
      "- Freshness: oldest scrape 2026-03-15T06:00:00Z (6 h old); 0 of 12 stale (> 12 h).",
    );
    expect(md).toContain("- Left out: 1 pending_review video; excluded videos are never listed.");
    expect(md).toContain("- Cost: 1 API request (stats routes).");
  });

  it("prints 'not checked' for skipped checks, never a count of 0", () => {
    const md = metaFooter(notChecked);
    expect(md).toContain("- Freshness: not checked.");
    expect(md).toContain("- Pending videos: not checked; excluded videos are never listed.");
    expect(md).not.toMatch(/\b0 pending/);
    expect(md).not.toMatch(/\b0 of 0\b/);
  });

  it("tells an empty check from a skipped one", () => {
    const md = metaFooter({ ...base, freshness: { ...notChecked.freshness, checked: true } });
    expect(md).toContain("- Freshness: nothing to check (no scraped entity).");
  });

  it("renders each caveat's message, not its code", () => {
    const md = metaFooter(base);
    expect(md).toContain("**Caveats**\n- Only the stats route was read.\n- Each video once.");
    expect(md).not.toContain("recursive_dedup");
  });
});
