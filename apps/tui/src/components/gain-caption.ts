/**
 * The caption under a "gained per day" sparkline: the gain in the range, or, when no reading precedes the
 * range, that it is unknown and why. An unknown gain is never shown as a bare dash or "n/a" beside a chart
 * that still draws the known days.
 * @module
 */
import { formatCompact, type Pacing } from "@goatkit/core/reports";

export function gainCaption(
  gained: number | null,
  pacing: Pick<Pacing, "gain_unknown_reason">,
  detail?: string,
): string {
  if (gained === null)
    return `gain in range unknown: ${pacing.gain_unknown_reason ?? "no reading before the range"}`;
  return `${formatCompact(gained)} in range${detail ? ` · ${detail}` : ""}`;
}
