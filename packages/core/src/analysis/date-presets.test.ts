import { describe, expect, it } from "vitest";
import { DATE_PRESETS, isDatePreset, presetRange } from "./date-presets.js";

const at = (iso: string) => Date.parse(iso);

describe("presetRange", () => {
  it("ends every preset on the analysis day, inclusive", () => {
    const now = at("2026-12-02T09:30:00Z");
    expect(presetRange("last_7_days", now)).toEqual({ from: "2026-11-26", to: "2026-12-02" });
    expect(presetRange("last_30_days", now)).toEqual({ from: "2026-11-03", to: "2026-12-02" });
    expect(presetRange("last_90_days", now)).toEqual({ from: "2026-09-04", to: "2026-12-02" });
    expect(presetRange("this_month", now)).toEqual({ from: "2026-12-01", to: "2026-12-02" });
  });

  it("takes last_month as the whole previous calendar month", () => {
    expect(presetRange("last_month", at("2026-12-02T00:00:00Z"))).toEqual({
      from: "2026-11-01",
      to: "2026-11-30",
    });
    expect(presetRange("last_month", at("2026-01-15T23:59:59Z"))).toEqual({
      from: "2025-12-01",
      to: "2025-12-31",
    });
    expect(presetRange("last_month", at("2024-03-31T12:00:00Z"))).toEqual({
      from: "2024-02-01",
      to: "2024-02-29",
    });
  });

  it("uses the UTC day of the analysis instant", () => {
    expect(presetRange("this_month", at("2026-11-30T23:59:59Z"))).toEqual({
      from: "2026-11-01",
      to: "2026-11-30",
    });
    expect(presetRange("this_month", at("2026-12-01T00:00:00Z"))).toEqual({
      from: "2026-12-01",
      to: "2026-12-01",
    });
    expect(presetRange("last_7_days", at("2024-03-03T00:00:00Z"))).toEqual({
      from: "2024-02-26",
      to: "2024-03-03",
    });
  });

  it("knows exactly its presets", () => {
    expect(DATE_PRESETS.every(isDatePreset)).toBe(true);
    expect(isDatePreset("last_week")).toBe(false);
    expect(isDatePreset(undefined)).toBe(false);
  });
});
