/**
 * Scoring an analysis against a planted truth: precision, recall and F1 over sets of keys. Used by the
 * sandbox-backed tests and by the bench, which both compare workflow output with the sandbox's truth.
 * @module
 */

export interface Score {
  precision: number;
  recall: number;
  f1: number;
  true_positives: number;
  false_positives: number;
  false_negatives: number;
  /** A few example keys of each error kind, for debugging a low score. */
  examples: { false_positives: string[]; false_negatives: string[] };
}

/**
 * Precision/recall of `predicted` against `truth`. With nothing predicted precision is 1 (no false
 * alarm was raised); with nothing to find recall is 1 (nothing was missed).
 */
export function scoreSets(predicted: Iterable<string>, truth: Iterable<string>): Score {
  const p = new Set(predicted);
  const t = new Set(truth);
  let tp = 0;
  const fp: string[] = [];
  const fn: string[] = [];
  for (const k of p) {
    if (t.has(k)) tp++;
    else fp.push(k);
  }
  for (const k of t) if (!p.has(k)) fn.push(k);
  const precision = p.size === 0 ? 1 : tp / p.size;
  const recall = t.size === 0 ? 1 : tp / t.size;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {
    precision,
    recall,
    f1,
    true_positives: tp,
    false_positives: fp.length,
    false_negatives: fn.length,
    examples: { false_positives: fp.sort().slice(0, 5), false_negatives: fn.sort().slice(0, 5) },
  };
}

/** Key of a posting-gap week. */
export const gapKey = (creatorId: string, weekStart: string) => `${creatorId}|${weekStart}`;
/** Key of an outlier video. */
export const outlierKey = (videoId: string, direction: string) => `${videoId}|${direction}`;
/** Key of an over-posting creator-day. */
export const creatorDayKey = (creatorId: string, date: string) => `${creatorId}|${date}`;
/** Key of a Tracking Inbox backlog: the creator and how many posts wait. */
export const backlogKey = (b: { creator_id: string; pending_review_count: number }) =>
  `${b.creator_id}|${b.pending_review_count}`;
/** Key of a creator some checks could not be made for: the creator and the checks, in any order. */
export const cannotJudgeKey = (c: { creator_id: string; checks: readonly string[] }) =>
  `${c.creator_id}|${[...c.checks].sort().join(",")}`;

/** Flattens per-creator gap weeks into keys. */
export function gapKeys(gaps: Iterable<{ creator_id: string; weeks: readonly string[] }>): string[] {
  const out: string[] = [];
  for (const g of gaps) for (const w of g.weeks) out.push(gapKey(g.creator_id, w));
  return out;
}

/** Number of campaigns whose totals match exactly, and the ids that do not. */
export function matchTotals<T extends Record<string, number>>(
  computed: Record<string, T>,
  truth: Record<string, T>,
): { matched: number; total: number; mismatched: string[] } {
  const mismatched: string[] = [];
  let matched = 0;
  for (const [id, expected] of Object.entries(truth)) {
    const got = computed[id];
    const same = got !== undefined && Object.keys(expected).every((k) => got[k] === expected[k]);
    if (same) matched++;
    else mismatched.push(id);
  }
  return { matched, total: Object.keys(truth).length, mismatched: mismatched.sort() };
}
