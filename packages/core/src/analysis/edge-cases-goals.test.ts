/**
 * Issue 12, edge case 5: a goal whose period closed less than 48 h ago is provisional. Its numbers are
 * not final until 48 h have passed: `final: false`, never a final `missed`.
 */
import { describe, expect, it } from "vitest";
import { goalPace } from "./goals.js";

// The ISO week 2026-03-09 (Mon) … 2026-03-15 (Sun); it closes at 2026-03-16T00:00Z.
const WEEK = { period_start: "2026-03-09T00:00:00.000Z", period_end: "2026-03-16T00:00:00.000Z" };
type Final = { final: boolean; final_at: string | null };

describe("goalPace: provisional within 48 h of the period's close", () => {
  it("a missed goal 10 h after the close is not final; it becomes final 48 h after", () => {
    const p = goalPace({ ...WEEK, target: 10, actual: 4 }, "2026-03-16T10:00:00Z") as unknown as Final & {
      status: string;
    };
    expect(p.status).toBe("missed");
    expect(p.final).toBe(false);
    expect(p.final_at).toBe("2026-03-18T00:00:00.000Z");
  });

  it("is final from exactly 48 h after the close", () => {
    const p = goalPace({ ...WEEK, target: 10, actual: 4 }, "2026-03-18T00:00:00Z") as unknown as Final;
    expect(p.final).toBe(true);
  });

  it("a period still in progress is not final either (its status is a projection)", () => {
    const p = goalPace({ ...WEEK, target: 10, actual: 4 }, "2026-03-12T00:00:00Z") as unknown as Final;
    expect(p.final).toBe(false);
    expect(p.final_at).toBe("2026-03-18T00:00:00.000Z");
  });
});
