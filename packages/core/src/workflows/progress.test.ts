import { describe, expect, it } from "vitest";
import { formatProgress } from "./progress.js";

describe("formatProgress", () => {
  it("describes a fetch with items, pages and requests", () => {
    expect(
      formatProgress({
        workflow: "w",
        phase: "fetch",
        resource: "videos",
        pages: 3,
        items: 300,
        requests: 5,
      }),
    ).toBe("w: fetching videos, 300 so far (3 pages, 5 requests)");
  });

  it("leaves out what it does not know", () => {
    expect(formatProgress({ workflow: "w", phase: "fetch" })).toBe("w: fetching data");
    expect(formatProgress({ workflow: "w", phase: "analyse" })).toBe("w: analysing");
    expect(formatProgress({ workflow: "w", phase: "done", requests: 12 })).toBe("w: done (12 requests)");
    expect(formatProgress({ workflow: "w", phase: "fetch", resource: "videos", pages: 1, requests: 1 })).toBe(
      "w: fetching videos (1 page, 1 request)",
    );
  });
});
