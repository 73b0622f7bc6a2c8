/**
 * Growth shapes. Views (and every engagement counter) follow a saturating curve after posting; follower
 * counts follow one of four profile shapes over the snapshot span. Both are pure functions, so snapshots
 * can be recomputed for any day instead of stored.
 */

/**
 * Share of a video's eventual counters reached `ageDays` after posting: 1 − e^(−age/τ). Most TikTok views
 * arrive in the first day or two; viral videos keep climbing for longer (larger τ).
 */
export function viewCurve(ageDays: number, tau: number): number {
  return ageDays <= 0 ? 0 : 1 - Math.exp(-ageDays / tau);
}

export const FOLLOWER_SHAPES = ["growing", "flat", "declining", "accelerating"] as const;
export type FollowerShape = (typeof FOLLOWER_SHAPES)[number];

/** Progress from the start value (0) to the end value (1) at fraction `x` ∈ [0, 1] of the span. */
export function followerProgress(shape: number, x: number): number {
  // shape is the index into FOLLOWER_SHAPES; the store keeps it as a byte.
  switch (shape) {
    case 3:
      return x * x * x; // accelerating: most of the growth lands late
    case 2:
      return Math.sqrt(x); // declining: losses slow down as the audience settles
    default:
      return x;
  }
}
