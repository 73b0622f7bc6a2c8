import { describe, expect, it } from "vitest";
import { gainCaption } from "./gain-caption.js";

describe("gainCaption", () => {
  it("shows a known gain with its basis", () => {
    expect(gainCaption(12_345, { gain_unknown_reason: null }, "steady")).toBe("12.3k in range · steady");
    expect(gainCaption(0, { gain_unknown_reason: null })).toBe("0 in range");
  });

  it("says an unknown gain is unknown, and why", () => {
    expect(
      gainCaption(null, {
        gain_unknown_reason: "no reading before the range: the history starts on 2025-12-16",
      }),
    ).toBe("gain in range unknown: no reading before the range: the history starts on 2025-12-16");
    expect(gainCaption(null, { gain_unknown_reason: null }, "steady")).toBe(
      "gain in range unknown: no reading before the range",
    );
  });
});
