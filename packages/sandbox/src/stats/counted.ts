/**
 * Which videos count. Part A.2: only `auto_tracked`, `included` and `direct_add` count in any stat, and a
 * video whose tracking was disabled or that was deleted no longer counts (goals guide: "that aren't disabled").
 */
import { COUNTED_STATUSES, type VideoRecord } from "../world/types.js";

export function isCounted(video: VideoRecord): boolean {
  return COUNTED_STATUSES.has(video.tracking_status) && !video._deleted && !video._tracking_disabled;
}

/**
 * The counted subset. Every computation filters its input again, so a caller that passes a creator's
 * whole video list cannot leak pending or excluded videos into a stat.
 */
export function countedOnly(videos: readonly VideoRecord[]): VideoRecord[] {
  let allCounted = true;
  for (const v of videos) {
    if (!isCounted(v)) {
      allCounted = false;
      break;
    }
  }
  return allCounted ? (videos as VideoRecord[]) : videos.filter(isCounted);
}
