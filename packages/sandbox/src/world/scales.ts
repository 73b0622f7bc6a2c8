/**
 * World sizes. A scale fixes how many projects and creators each org gets and how often creators post;
 * every other count (videos, campaigns, goals, payouts) follows from those.
 */

export type ScaleName = "tiny" | "small" | "medium" | "large";

export interface ScaleSpec {
  name: ScaleName;
  /** Creators per project of org A ("Goat Labs"). */
  orgA: number[];
  /** Creators per project of org B ("Other Org"); kept under the Starter limits. */
  orgB: number[];
  /** Weekly cadence is 2 × (max/2)^(u^skew): skew > 1 keeps most creators near 2–5 posts a week. */
  cadenceMax: number;
  cadenceSkew: number;
}

export const SCALES: Record<ScaleName, ScaleSpec> = {
  tiny: { name: "tiny", orgA: [8], orgB: [3], cadenceMax: 2.3, cadenceSkew: 1 },
  small: { name: "small", orgA: [36, 24], orgB: [10], cadenceMax: 14, cadenceSkew: 2.2 },
  medium: { name: "medium", orgA: [240, 200, 160], orgB: [10], cadenceMax: 14, cadenceSkew: 2.2 },
  large: {
    name: "large",
    orgA: [1100, 1050, 1050, 1000, 1000],
    orgB: [10],
    cadenceMax: 14,
    cadenceSkew: 2.6,
  },
};

export function isScaleName(x: unknown): x is ScaleName {
  return typeof x === "string" && Object.hasOwn(SCALES, x);
}
