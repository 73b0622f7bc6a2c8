/**
 * The budget: pure fitting rules on hand-made data, then a real report that does not fit — cut with a
 * truncation field that names what was cut, and paged through to the end with section + offset.
 */
import { describe, expect, it } from "vitest";
import { estimateTokens, fitText, fitToBudget, MAX_RESULT_TOKENS } from "./budget.js";
import { withMcp } from "./test-helpers/harness.js";

const rows = (n: number, width = 40) => Array.from({ length: n }, (_, i) => ({ i, pad: "x".repeat(width) }));

describe("fitToBudget", () => {
  it("leaves a value that fits untouched", () => {
    const v = { a: rows(3), n: 1 };
    expect(fitToBudget(v, 1_000)).toEqual({ value: v, cuts: [], shortened: [] });
  });

  it("cuts the biggest list first, keeps items whole, and records what was cut", () => {
    const v = { big: rows(400), small: rows(5), meta: { inner: rows(50) } };
    const { value, cuts } = fitToBudget(v, 2_000);
    expect(JSON.stringify(value).length).toBeLessThanOrEqual(8_000);
    expect(value.small).toHaveLength(5);
    expect(value.big.length).toBeGreaterThan(0);
    expect(value.big).toEqual(v.big.slice(0, value.big.length));
    expect(cuts).toContainEqual({ path: "big", offset: 0, shown: value.big.length, total: 400 });
    expect(v.big).toHaveLength(400); // the input is not mutated
  });

  it("shows a focused list from its offset and cuts it last", () => {
    const v = { big: rows(400), other: rows(300) };
    const { value, cuts } = fitToBudget(v, 3_000, { focus: { path: "big", offset: 100 } });
    expect(value.big[0]).toEqual(v.big[100]);
    expect(value.other.length).toBeLessThan(value.big.length);
    expect(cuts.find((c) => c.path === "big")).toMatchObject({ offset: 100, total: 400 });
  });

  it("shortens a long string as a last resort", () => {
    const { value, shortened } = fitToBudget({ note: "y".repeat(20_000) }, 1_000);
    expect(value.note.length).toBeLessThan(4_100);
    expect(shortened).toEqual(["note"]);
  });

  it("cuts text at a line boundary with a note", () => {
    const text = Array.from({ length: 1000 }, (_, i) => `line ${i}`).join("\n");
    const out = fitText(text, 100, "more in the structured result");
    expect(out.length).toBeLessThanOrEqual(400);
    expect(out).toMatch(/line \d+\n\n… more in the structured result\n$/);
  });

  it("keeps a footer whole and cuts the body before it", () => {
    const body = Array.from({ length: 1000 }, (_, i) => `row ${i}`).join("\n");
    const out = fitText(`${body}\n---\n**Caveats**\n- stale data`, 100, "cut", "\n---\n");
    expect(out.length).toBeLessThanOrEqual(400);
    expect(out).toMatch(/^row 0\n/);
    expect(out).toMatch(/… cut\n\n---\n\*\*Caveats\*\*\n- stale data$/);
  });
});

const h = withMcp();

/** The campaign with the most counted videos (planted truth): its campaign_content with top 100 is big. */
function biggestCampaign(): string {
  const totals = Object.entries(h().sb.sandbox.truth.campaign_totals);
  totals.sort((a, b) => b[1].video_count - a[1].video_count);
  return totals[0]![0];
}

describe("a report over budget", () => {
  it("is cut with a truncation field, and section + offset page through the whole list", async () => {
    const args = { campaign_id: biggestCampaign(), top: 100 };
    const first = await h().call("campaign_content", args);
    const t0 = first.structured.truncation as { cut: { path: string; total: number }[] };
    const total = t0.cut.find((c) => c.path === "top_videos")!.total;
    expect(total).toBeGreaterThan(50);

    const seen: string[] = [];
    let offset = 0;
    for (let page = 0; page < 50 && offset < total; page++) {
      const r = await h().call("campaign_content", { ...args, section: "top_videos", offset });
      expect(r.isError).toBe(false);
      expect(estimateTokens(r.result)).toBeLessThanOrEqual(MAX_RESULT_TOKENS);
      const items = r.structured.top_videos as { video_id: string }[];
      expect(items.length).toBeGreaterThan(0);
      seen.push(...items.map((i) => i.video_id));
      const t = r.structured.truncation as {
        cut: { path: string; offset: number; shown: number; total: number }[];
        how_to_get_more: string;
      };
      const cut = t.cut.find((c) => c.path === "top_videos")!;
      expect(cut).toMatchObject({ offset, total, shown: items.length });
      if (offset + cut.shown < total)
        expect(t.how_to_get_more).toContain(`section: "top_videos", offset: ${offset + cut.shown}`);
      offset += cut.shown;
    }
    expect(seen.length).toBe(total);
    const full = await h().call("campaign_content", {
      ...args,
      response_format: "detailed",
      section: "top_videos",
    });
    expect((full.structured.top_videos as { video_id: string }[]).map((v) => v.video_id)).toEqual(
      seen.slice(0, (full.structured.top_videos as unknown[]).length),
    );
  });

  it("cuts the concise result, keeps the counts, and says how to get the rest", async () => {
    const r = await h().call("campaign_content", { campaign_id: biggestCampaign(), top: 100 });
    const t = r.structured.truncation as {
      cut: { path: string; shown: number; total: number }[];
      how_to_get_more: string;
    };
    expect(t).toBeDefined();
    expect(estimateTokens(r.structured)).toBeLessThanOrEqual(5_000 + 500);
    expect(t.cut.length).toBeGreaterThan(0);
    for (const c of t.cut) expect(c.shown).toBeLessThan(c.total);
    expect(t.how_to_get_more).toMatch(/response_format: "detailed"/);
    expect(t.how_to_get_more).toMatch(/section: "[a-z_.]+", offset: \d+/);
    expect(r.structured.video_count).toBe(
      h().sb.sandbox.truth.campaign_totals[biggestCampaign()]!.video_count,
    );
    expect(r.text).toMatch(/Cut to fit the context budget \(.*of \d+ shown/);
    // The text was cut too, and kept the report's footer: its caveats travel with the figures.
    expect(r.text).toContain("text shortened; the structured result has every field.");
    const caveats = (r.structured.meta as { caveats: { message: string }[] }).caveats;
    expect(caveats.length).toBeGreaterThan(0);
    for (const c of caveats) expect(r.text).toContain(c.message);
  });

  it("a list page cut by the budget resumes right after the last item shown", async () => {
    const first = await h().call("search_videos", { limit: 50 });
    const a = first.structured.items as { id: string }[];
    expect(a.length).toBeLessThan(50); // 50 concise videos are more than the concise budget
    const second = await h().call("search_videos", { limit: 50, cursor: first.structured.next_cursor });
    const b = second.structured.items as { id: string }[];
    const raw = (await h().sb.client.videos.list({ limit: 100 })).data.slice(0, a.length + b.length);
    expect([...a, ...b].map((x) => x.id)).toEqual(raw.map((v) => v.id));
  });
});
