import { render } from "ink-testing-library";
import { describe, expect, it } from "vitest";
import { barChars, Sparkline, sparkChars } from "./charts.js";
import { Table } from "./table.js";

describe("charts", () => {
  it("scales a sparkline between the series' min and max, with gaps for nulls", () => {
    expect(sparkChars([0, 7, null, 14])).toBe("▁▅ █");
    expect(sparkChars([])).toBe("");
  });
  it("draws zero counts as dots so gaps show", () => {
    expect(barChars([0, 1, 4])).toBe("·▂█");
  });
  it("renders the last values that fit, with label and caption", () => {
    const { lastFrame } = render(<Sparkline label="Views" values={[1, 2, 3, 4]} width={2} caption="cap" />);
    expect(lastFrame()).toContain("Views  cap");
    expect(lastFrame()).toContain("▁█");
  });
});

describe("Table", () => {
  it("keeps the selected row in view and says which rows show", () => {
    const rows = Array.from({ length: 20 }, (_, i) => ({ key: String(i), cells: [`row-${i}`] }));
    const { lastFrame } = render(
      <Table columns={[{ title: "Name", width: 10 }]} rows={rows} selected={15} height={5} />,
    );
    expect(lastFrame()).toContain("row-15");
    expect(lastFrame()).not.toContain("row-0 ");
    expect(lastFrame()).toMatch(/rows \d+–\d+ of 20/);
  });
});
