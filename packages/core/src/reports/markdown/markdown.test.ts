import { describe, expect, it } from "vitest";
import { cell, metaFooter, table } from "./common.js";

describe("markdown helpers", () => {
  it("escapes pipes and flattens newlines in cells", () => {
    expect(cell("a|b\n  c")).toBe("a\\|b c");
    expect(cell(null)).toBe("–");
    expect(table(["x"], [])).toBe("_none_");
    expect(table(["a", "b"], [[1, "x|y"]])).toBe("| a | b |\n|---|---|\n| 1 | x\\|y |");
  });

  it("writes the footer with freshness, exclusions, cost, caveats and notes", () => {
    const md = metaFooter({
      generated_at: "2026-03-15T12:00:00.000Z",
      range: { from: "2026-02-14", to: "2026-03-15" },
      freshness: {
        oldest_scraped_at: "2026-03-14T00:00:00Z",
        oldest_age_hours: 36,
        stale_count: 1,
        stale_ids: ["c1"],
        stale_ids_truncated: false,
        never_scraped_count: 0,
        checked_count: 4,
        is_stale: true,
        checked: true,
      },
      excluded: { pending_checked: true, pending_review: 2, excluded_count: null, reason: "…" },
      caveats: [{ code: "other", message: "Something to know." }],
      notes: [{ entity: "campaign", id: "k", name: "Spring", description: "Focus on saves.\nMore." }],
      request_count: 3,
      api_generation: "current",
    });
    expect(md).toContain("1 of 4 stale (> 12 h) ⚠");
    expect(md).toContain("Left out: 2 pending_review videos;");
    expect(md).toContain("3 API requests (/analytics fallback)");
    expect(md).toContain("- Something to know.");
    expect(md).toContain("campaign Spring: Focus on saves.");
  });
});
