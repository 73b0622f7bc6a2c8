/**
 * Which videos count: core's rule (`isCountedVideo`: a counted status, tracking on), applied to the
 * sandbox's records, whose soft-deleted rows the API never serves and which count nowhere either.
 */
import { isCountedVideo } from "@goatkit/core/analysis";
import type { VideoRecord } from "../world/types.js";

export function isCounted(video: VideoRecord): boolean {
  return !video._deleted && isCountedVideo(video);
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
